import type { ExtensionBrowser } from '../e2e/harness/browser';

/*
 * A Chromium trace of one popup open, split into where its time goes (`pnpm bench:popup --trace <file>`): the
 * renderer taking the page, the HTML parse, each script's and stylesheet's fetch, compile and run, the first
 * paint in the DOM, then style, layout and paint, raster and the frame presented.
 */

/** One Chrome trace event, as CDP's Tracing domain reports it (ts and dur in µs). */
export type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> };
};

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'toplevel',
];

/** Records a Chromium trace of the whole browser while `open` runs. */
export async function traceOf(browser: ExtensionBrowser, open: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = browser.context.browser();
  if (!cdp) throw new Error('the extension browser has no browser-level CDP connection');
  const session = await cdp.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  try {
    await open();
  } finally {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
  }
  return events;
}

type Step = { at: number; ms: number; what: string };

const fileOf = (url: unknown) => String(url ?? '').replace(/^chrome-extension:\/\/[^/]+\//, '');

/** Each script's and stylesheet's request → finish, and its compile and run, from the renderer's main thread. */
function resourceSteps(main: TraceEvent[], at: (ts: number) => number): Step[] {
  const steps: Step[] = [];
  const urls = new Map<unknown, string>();
  for (const e of main) {
    const data = e.args?.data ?? e.args?.beginData ?? {};
    if (e.name === 'ResourceSendRequest') urls.set(data.requestId, fileOf(data.url));
    if (e.name === 'ResourceFinish') {
      const sent = main.find((s) => s.name === 'ResourceSendRequest' && s.args?.data?.requestId === data.requestId);
      const file = urls.get(data.requestId) ?? '?';
      if (sent && file !== 'popup.html')
        steps.push({ at: at(sent.ts), ms: (e.ts - sent.ts) / 1000, what: `fetch ${file}` });
    }
    if (['v8.compileModule', 'v8.compile', 'v8.evaluateModule', 'EvaluateScript'].includes(e.name)) {
      const file = fileOf(data.url ?? (e.args as { fileName?: string } | undefined)?.fileName);
      steps.push({ at: at(e.ts), ms: (e.dur ?? 0) / 1000, what: `${e.name} ${file}`.trim() });
    }
  }
  return steps;
}

/**
 * The open's steps in ms after the popup's navigation start, in time order: what the renderer's main thread did
 * for the page, the first row's mark, the frame work after it and the first contentful paint (presented).
 */
export function splitOpen(events: TraceEvent[]): Step[] {
  const start = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args).includes('popup.html'));
  if (!start) throw new Error('the trace holds no navigation to popup.html');
  const at = (ts: number) => (ts - start.ts) / 1000;
  const page = events.filter((e) => e.pid === start.pid && e.ts >= start.ts).sort((a, b) => a.ts - b.ts);
  const main = page.filter((e) => e.tid === start.tid);
  const mark = main.find((e) => e.name === 'fu-first-row');
  const shown = main.find((e) => e.name === 'firstContentfulPaint');
  const end = shown?.ts ?? mark?.ts ?? Number.POSITIVE_INFINITY;
  const steps: Step[] = resourceSteps(
    main.filter((e) => e.ts <= end),
    at,
  );
  const once = (name: string, what: string) => {
    const e = main.find((x) => x.name === name);
    if (e) steps.push({ at: at(e.ts), ms: (e.dur ?? 0) / 1000, what });
  };
  once('CommitLoad', 'renderer commits the navigation');
  for (const e of main.filter((x) => x.name === 'ParseHTML' && x.ts <= end))
    steps.push({ at: at(e.ts), ms: (e.dur ?? 0) / 1000, what: 'parse HTML' });
  if (mark) steps.push({ at: at(mark.ts), ms: 0, what: 'first row in the DOM (fu-first-row)' });
  const after = (name: string, what: string, from: number) => {
    const list = page.filter((e) => e.name === name && e.ts >= from && e.ts <= end);
    if (list.length)
      steps.push({
        at: at(list[0]!.ts),
        ms: list.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000,
        what: `${what} ×${list.length}`,
      });
  };
  const from = mark?.ts ?? start.ts;
  after('UpdateLayoutTree', 'style', from);
  after('Layout', 'layout', from);
  after('Paint', 'paint', from);
  after('RasterTask', 'raster', from);
  after('RunTask', 'all tasks in the renderer (CPU wanted meanwhile)', from);
  if (shown) steps.push({ at: at(shown.ts), ms: 0, what: 'first contentful paint (frame presented)' });
  return steps.sort((a, b) => a.at - b.at);
}

/** The steps as a table. */
export const printSplit = (steps: Step[]) =>
  steps.map((s) => `  ${s.at.toFixed(1).padStart(7)} ms  ${s.ms.toFixed(1).padStart(6)} ms  ${s.what}`).join('\n');
