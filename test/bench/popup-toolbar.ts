import type { ExtensionBrowser } from '../e2e/harness/browser';
import { type LatencyStats, latencyStats } from './stats';

/*
 * The popup opened as a user opens it: its toolbar button pressed (CDP `Extensions.triggerAction` over a blank
 * tab, as test/e2e/harness/active-tab.ts does), not popup.html in a tab. Chrome shows the toolbar popup only once
 * its page has loaded (the load event), so what the popup holds at that moment is what the user sees first. The
 * popup is not a page the driver sees: an extension page reads its marks through `chrome.extension.getViews`.
 */

type ToolbarOpen = {
  /** Ms from the button press to the popup's navigation start. */
  clickToNavigation: number;
  /** Ms after navigation start. */
  firstRow: number;
  load: number;
  firstContentfulPaint: number | null;
};

async function blankTabTarget(browser: ExtensionBrowser) {
  const blank = await browser.context.newPage();
  await blank.goto('about:blank');
  const session = await browser.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === 'about:blank');
  if (!tab) throw new Error('no blank tab to press the toolbar button over');
  return { session, targetId: tab.targetId };
}

/** `runs` opens from the toolbar button, each once `idle` resolves. */
async function toolbarOpens(browser: ExtensionBrowser, runs: number, idle: () => Promise<void>) {
  const helper = await browser.context.newPage();
  await helper.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const { session, targetId } = await blankTabTarget(browser);
  const opens: ToolbarOpen[] = [];
  for (let i = 0; i < runs; i++) {
    await idle();
    const pressed = performance.timeOrigin + performance.now();
    await session.send('Extensions.triggerAction', { id: browser.extensionId, targetId });
    const marks = await helper.waitForFunction(
      () => {
        type Views = { getViews(q: { type: 'popup' }): Window[] };
        const view = (chrome as unknown as { extension: Views }).extension.getViews({ type: 'popup' })[0];
        const p = view?.performance;
        const first = p?.getEntriesByName('fu-first-row')[0];
        const nav = p?.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        if (!p || !first || !nav?.loadEventEnd || !p.getEntriesByName('fu-live-row').length) return null;
        const fcp = p.getEntriesByName('first-contentful-paint')[0];
        return { origin: p.timeOrigin, firstRow: first.startTime, load: nav.loadEventEnd, fcp: fcp?.startTime ?? null };
      },
      undefined,
      { timeout: 30_000, polling: 20 },
    );
    const m = (await marks.jsonValue()) as { origin: number; firstRow: number; load: number; fcp: number | null };
    opens.push({
      clickToNavigation: m.origin - pressed,
      firstRow: m.firstRow,
      load: m.load,
      firstContentfulPaint: m.fcp,
    });
    await helper.evaluate(() => {
      type Views = { getViews(q: { type: 'popup' }): Window[] };
      (chrome as unknown as { extension: Views }).extension.getViews({ type: 'popup' })[0]?.close();
    });
  }
  await session.detach();
  await helper.close();
  return opens;
}

export type ToolbarStats = {
  runs: number;
  clickToNavigation: LatencyStats;
  firstRow: LatencyStats;
  load: LatencyStats;
  /** Opens whose first row was in the DOM before the load event, so in the popup's first frame Chrome showed. */
  rowsBeforeShown: number;
  firstContentfulPaint: LatencyStats | null;
};

export async function measureToolbar(
  browser: ExtensionBrowser,
  runs: number,
  idle: () => Promise<void>,
): Promise<ToolbarStats> {
  const opens = await toolbarOpens(browser, runs, idle);
  const fcp = opens.map((o) => o.firstContentfulPaint).filter((ms) => ms !== null);
  return {
    runs,
    clickToNavigation: latencyStats(opens.map((o) => o.clickToNavigation)),
    firstRow: latencyStats(opens.map((o) => o.firstRow)),
    load: latencyStats(opens.map((o) => o.load)),
    rowsBeforeShown: opens.filter((o) => o.firstRow <= o.load).length,
    firstContentfulPaint: fcp.length === opens.length ? latencyStats(fcp) : null,
  };
}

export function printToolbar(t: ToolbarStats): void {
  const ms = (s: LatencyStats) => `p50 ${s.p50Ms.toFixed(0)} ms  p95 ${s.p95Ms.toFixed(0)} ms`;
  console.log(`  from the toolbar button (${t.runs} opens of the real popup; Chrome shows it at its load event):`);
  console.log(`    button → navigation start  ${ms(t.clickToNavigation)} (Chrome's, before any of the page runs)`);
  console.log(
    `    then first row in the DOM  ${ms(t.firstRow)}; load event ${ms(t.load)}; row in the DOM before it: ${t.rowsBeforeShown} of ${t.runs}`,
  );
  if (t.firstContentfulPaint) console.log(`    then first contentful paint ${ms(t.firstContentfulPaint)}`);
}
