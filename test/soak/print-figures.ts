import type { SoakFigures } from './soak';
import { unexpectedFailures } from './verdict';

const int = (n: number) => n.toLocaleString('en-US');
const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);
const byProcedure = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([p, n]) => `${p} ${int(n)}`)
    .join(', ') || 'none';

/** The run's figures as plain lines: what was done, the faults, then the checks. */
export function figureLines(f: SoakFigures): string[] {
  const o = f.options;
  const s = f.stored;
  const duringPush = f.kills.filter((k) => k.duringPush).length;
  const down = f.kills.map((k) => `${(k.downMs / 1000).toFixed(1)} s`).join(', ');
  return [
    `items             ${int(f.items)} interactions (${int(f.upserts)} upserts, ${int(f.merged)} merged, ${int(f.deletes)} deletes) by ${o.clients} clients, ${o.stakeholders} stakeholders, seed ${o.seed}`,
    `pushes            ${int(f.pushes)} (pulls ${int(f.pulls)})`,
    `retries           ${int(f.retries)} syncs retried after backoff (${byProcedure(f.failures)})`,
    `drops             ${int(total(f.proxy.dropped))} answers dropped after the server applied them, ${Math.round(o.drop * 100)}% asked (${byProcedure(f.proxy.dropped)})`,
    `unreachable       ${int(total(f.proxy.unreachable))} requests the server could not take (${byProcedure(f.proxy.unreachable)})`,
    `kills             ${f.kills.length} of ${o.kills} (${duringPush} with a push at the server), down ${down || '–'}`,
    `time              ${f.seconds.toFixed(1)} s from the first push to the last sync`,
    `stored            ${int(s.stored)} rows, ${int(s.live)} live; ${int(s.waits)} waits, ${int(s.answered)} answered, ${int(s.crossThreadAnswers)} from another thread`,
    `lost              ${int(s.lost.count)}`,
    `duplicated        ${int(s.duplicated.count)}`,
    `derived mismatches ${int(s.derivedMismatches.count)} against pairing from scratch; recomputeOrg would change ${int(s.recomputeChanged)}`,
    `rejected          ${int(f.rejected.count)}`,
    `pulls checked     ${int(f.pullPages)} pages, ${f.unreadablePages.length} unreadable, ${int(f.pullMismatches.count)} mismatches`,
    `server errors     ${total(unexpectedFailures(f)) ? JSON.stringify(unexpectedFailures(f)) : 'none'}`,
  ];
}
