import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { SiteFixture } from './fixtures';
import type { FirefoxExtensionBrowser } from './firefox';
import { waitFor } from './wait';

/*
 * Log this in Firefox, as log-this.ts does it in Chromium: the page's "Log this", then the panel, an extension page
 * framed over the site's page by the content script. BiDi has no accessibility queries here, so controls are
 * found by their label's text and buttons by theirs.
 */

/** The panel's frame, once the content script has framed it and it shows its dialog. */
async function panelFrame(page: Page): Promise<Frame> {
  return waitFor(
    'the Log-this panel in Firefox',
    async () => {
      for (const frame of page.frames()) {
        const shown = await frame
          .evaluate(() => location.href.includes('/panel.html#') && !!document.querySelector('[role="dialog"]'))
          .catch(() => false);
        if (shown) return frame;
      }
      return null;
    },
    20_000,
  );
}

/**
 * Polls `find` in `root` until it answers an element. From Node, not with waitForFunction: that builds a Function
 * in the page, which the sites' content security policy (and so the fixtures') forbids.
 */
function element(what: string, root: Page | Frame, find: (arg: string) => Element | null, arg: string) {
  return waitFor(
    what,
    async () => {
      const handle = await root.evaluateHandle(find, arg);
      const el = handle.asElement() as ElementHandle<Element> | null;
      if (!el) await handle.dispose();
      return el;
    },
    20_000,
  );
}

/** The form control a label names. */
const control = (frame: Frame, label: string) =>
  element(
    `the field "${label}"`,
    frame,
    (text) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.control ?? null,
    label,
  );

type Box = { x: number; y: number; width: number; height: number };

const boxOf = (el: ElementHandle<Element>): Promise<Box> =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

/**
 * Where the panel's frame sits in the page: a click in it is a click at the page's coordinates (the mouse of
 * WebDriver BiDi works on the top-level page; its element clicks are not all in firefox-esr yet).
 */
async function frameOffset(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    for (const host of document.querySelectorAll('*')) {
      const frame = host.shadowRoot?.querySelector('iframe');
      if (frame?.src.includes('/panel.html#')) {
        const r = frame.getBoundingClientRect();
        return { x: r.x + frame.clientLeft, y: r.y + frame.clientTop };
      }
    }
    return { x: 0, y: 0 };
  });
}

/** Clicks, with the mouse, the button named `name` in the document or an open shadow root (the page's "Log this"). */
async function clickButton(page: Page, root: Page | Frame, name: string): Promise<void> {
  const button = await element(
    `the button "${name}"`,
    root,
    (text) => {
      const all: Element[] = [...document.querySelectorAll('button')];
      for (const host of document.querySelectorAll('*'))
        if (host.shadowRoot) all.push(...host.shadowRoot.querySelectorAll('button'));
      return all.find((b) => b.textContent?.trim() === text) ?? null;
    },
    name,
  );
  await button.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  const box = await boxOf(button);
  const offset = root === page ? { x: 0, y: 0 } : await frameOffset(page);
  await page.mouse.click(offset.x + box.x + box.width / 2, offset.y + box.y + box.height / 2);
}

/** Types `value` over what the field holds. */
async function fill(frame: Frame, label: string, value: string): Promise<void> {
  const field = await control(frame, label);
  await field.evaluate((el) => (el as HTMLInputElement).select());
  await field.type(value);
}

/** Waits until the text of `root` (shadow roots included) matches `pattern`. */
export const waitForText = (root: Page | Frame, pattern: RegExp) =>
  waitFor(
    `text ${pattern} in Firefox`,
    () =>
      root.evaluate((source) => {
        const texts = [document.body.textContent ?? ''];
        for (const host of document.querySelectorAll('*'))
          if (host.shadowRoot) texts.push(host.shadowRoot.textContent ?? '');
        return texts.some((t) => new RegExp(source).test(t));
      }, pattern.source),
    20_000,
  );

/** Opens the fixture's page in Firefox (served with `pageHeaders`) and presses "Log this"; the page and the panel. */
export async function openLogPanelInFirefox(
  ff: FirefoxExtensionBrowser,
  fixture: { url: string; html: string },
  pageHeaders?: Record<string, string>,
): Promise<{ page: Page; panel: Frame }> {
  const page = await ff.newPageServing(new URL(fixture.url).origin, fixture.html, pageHeaders);
  await page.goto(fixture.url);
  await clickButton(page, page, 'Log this');
  return { page, panel: await panelFrame(page) };
}

/** The value of the panel's field named `label`. */
export const fieldValue = async (panel: Frame, label: string) =>
  (await control(panel, label)).evaluate((el) => (el as HTMLInputElement).value);

/** Names the new stakeholder the panel asks for (when given), saves, and waits for the panel's confirmation. */
export async function saveLogPanel(
  page: Page,
  panel: Frame,
  opts: { newStakeholder?: { name: string; type: string } } = {},
): Promise<void> {
  if (opts.newStakeholder) {
    await fill(panel, 'Stakeholder name', opts.newStakeholder.name);
    const type = await control(panel, 'Stakeholder type');
    await (type as ElementHandle<HTMLSelectElement>).select(opts.newStakeholder.type);
  }
  await clickButton(page, panel, 'Save');
  await waitForText(panel, /Logged \d+ new messages/);
}

/**
 * Opens the fixture's page in Firefox, presses "Log this" and saves what the panel offers (first naming the new
 * stakeholder it asks for, when given); returns the page, still open.
 */
export async function logThisThreadInFirefox(
  ff: FirefoxExtensionBrowser,
  fixture: SiteFixture,
  opts: { newStakeholder?: { name: string; type: string }; pageHeaders?: Record<string, string> } = {},
): Promise<Page> {
  const { page, panel } = await openLogPanelInFirefox(ff, fixture, opts.pageHeaders);
  await saveLogPanel(page, panel, opts);
  return page;
}
