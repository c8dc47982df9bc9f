import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { waitFor } from './wait';

/*
 * Finding and pressing things in Firefox pages, for firefox-driver.ts: the site's page with the content script's
 * "Log this", the panel (an extension page framed over it), the popup. BiDi has no accessibility queries here, so
 * controls are found by their label's text and buttons by theirs.
 */

/** The panel's frame, once the content script has framed it and it shows its dialog. */
export async function panelFrame(page: Page): Promise<Frame> {
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
export const control = (frame: Frame, label: string) =>
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

/**
 * Clicks, with the mouse, the enabled button named `name` in `root` (the page or the panel's frame of `page`), in
 * its document or an open shadow root (the page's "Log this").
 */
export async function clickButton(page: Page, root: Page | Frame, name: string): Promise<void> {
  const button = await element(
    `the button "${name}"`,
    root,
    (text) => {
      const all: Element[] = [...document.querySelectorAll('button')];
      for (const host of document.querySelectorAll('*'))
        if (host.shadowRoot) all.push(...host.shadowRoot.querySelectorAll('button'));
      return all.find((b) => b.textContent?.trim() === text && !(b as HTMLButtonElement).disabled) ?? null;
    },
    name,
  );
  await button.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  const box = await boxOf(button);
  const offset = root === page ? { x: 0, y: 0 } : await frameOffset(page);
  await page.mouse.click(offset.x + box.x + box.width / 2, offset.y + box.y + box.height / 2);
}

/** Types `value` over what the field holds. */
export async function fill(frame: Frame, label: string, value: string): Promise<void> {
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
