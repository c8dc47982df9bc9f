/** (f)'s printed section: concurrent pushes and a manager's reads, with their targets marked. */
import type { ConcurrentPushResult } from './concurrent-push';
import type { RawPair } from './print-results';
import { fmtInt, fmtMs, mark, table } from './report';
import { round } from './stats';

export const concurrentTargets = { ratio: 0.5, pushP95Ms: 150, readP95Ms: 50 };

const servers1 = (f: ConcurrentPushResult) => f.servers === 1;

/** One run's table, and its JSON summary. */
export function printConcurrent(f: ConcurrentPushResult, a: RawPair | null) {
  const ratio = a ? f.rowsPerSec / a.stored.rowsPerSec : null;
  const t = concurrentTargets;
  console.log(
    `\n(f) ${f.clients} clients pushing at once to ${f.servers} server process${f.servers > 1 ? 'es' : ''} on one database file, a manager reading meanwhile — ${fmtInt(f.rows)} rows`,
  );
  const whole = f.stored === f.rows && f.rejected === 0;
  console.log(
    table([
      ['', 'figure', 'target', ''],
      ['rows/s (wall clock, all clients)', fmtInt(f.rowsPerSec), '', ''],
      [
        servers1(f) ? 'server CPU: main thread / push writer / rest' : 'first server CPU: main / push writer / rest',
        `${f.cpu.mainS} / ${f.cpu.writerS} / ${f.cpu.otherS} s`,
        '',
        '',
      ],
      [
        'ratio (f) / (a), 500 rows, all 33 columns',
        ratio === null ? 'n/a (no (a))' : `${(100 * ratio).toFixed(1)}%`,
        `≥ ${100 * t.ratio}%`,
        ratio === null ? '' : mark(ratio >= t.ratio),
      ],
      [
        'push p95 (p50)',
        `${fmtMs(f.push.p95Ms)} (${fmtMs(f.push.p50Ms)})`,
        `≤ ${t.pushP95Ms} ms`,
        mark(f.push.p95Ms <= t.pushP95Ms),
      ],
      [
        `metrics.responseTimes p95 (p50), ${f.responseTimes.runs} reads`,
        `${fmtMs(f.responseTimes.p95Ms)} (${fmtMs(f.responseTimes.p50Ms)})`,
        `≤ ${t.readP95Ms} ms`,
        mark(f.responseTimes.p95Ms <= t.readP95Ms),
      ],
      [
        `metrics.totals p95 (p50), ${f.totals.runs} reads`,
        `${fmtMs(f.totals.p95Ms)} (${fmtMs(f.totals.p50Ms)})`,
        `≤ ${t.readP95Ms} ms`,
        mark(f.totals.p95Ms <= t.readP95Ms),
      ],
      [
        'rows stored once, none refused',
        `${fmtInt(f.stored)} stored, ${f.rejected} refused`,
        fmtInt(f.rows),
        mark(whole),
      ],
      ['derived fields ≠ from-scratch recompute', fmtInt(f.recomputeChanged), '0', mark(f.recomputeChanged === 0)],
    ]),
  );
  return {
    clients: f.clients,
    servers: f.servers,
    rows: f.rows,
    rowsPerSec: f.rowsPerSec,
    ratioToRaw: ratio === null ? null : round(ratio, 3),
    pushP95Ms: f.push.p95Ms,
    responseTimesP95Ms: f.responseTimes.p95Ms,
    totalsP95Ms: f.totals.p95Ms,
    stored: f.stored,
    rejected: f.rejected,
    recomputeChanged: f.recomputeChanged,
    serverCpuS: f.cpu,
  };
}
