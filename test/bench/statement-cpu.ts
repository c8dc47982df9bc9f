import type { Client } from '@libsql/client';

/*
 * Where a run's SQL time goes: each statement sent through the libSQL client is timed (the embedded client runs it
 * synchronously, so its CPU time is the statement's) and summed under the statement's opening words.
 */

export interface StatementCost {
  /** The statement's first words, whitespace folded. */
  label: string;
  calls: number;
  cpuMs: number;
}

const labelOf = (stmt: unknown): string => {
  const text = typeof stmt === 'string' ? stmt : ((stmt as { sql?: string }).sql ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 72);
};

/** Runs `work` with `client.execute` timed; returns the statements by CPU time, most first. */
export async function statementCosts(client: Client, work: () => Promise<unknown>): Promise<StatementCost[]> {
  const costs = new Map<string, StatementCost>();
  const original = client.execute;
  // One statement at a time: statements asked together (Promise.all) would otherwise each be timed from when they
  // were asked, while queued behind the others, and the same CPU counted under several.
  let previous: Promise<unknown> = Promise.resolve();
  const timed = (stmt: Parameters<Client['execute']>[0], args?: unknown) => {
    const run = previous.then(async () => {
      const c0 = process.cpuUsage();
      try {
        return await (original as (s: unknown, a?: unknown) => ReturnType<Client['execute']>).call(client, stmt, args);
      } finally {
        const c = process.cpuUsage(c0);
        const label = labelOf(stmt);
        const e = costs.get(label) ?? { label, calls: 0, cpuMs: 0 };
        e.calls++;
        e.cpuMs += (c.user + c.system) / 1000;
        costs.set(label, e);
      }
    });
    previous = run.catch(() => undefined);
    return run;
  };
  client.execute = timed as Client['execute'];
  try {
    await work();
  } finally {
    client.execute = original;
  }
  return [...costs.values()].sort((a, b) => b.cpuMs - a.cpuMs);
}
