import { afterEach, expect, it } from 'vitest';
import type { InStatement, Transaction } from '@libsql/client';
import type { InteractionInput } from '@comms-log/shared';
import type { DbHandle } from '../../db/client';
import { createTestDb, createTestOrg } from '../../testing/test-org';
import { push } from '../sync';
import { createRng, seededUlid } from '../../demo/seeded-random';

/*
 * The queries a push makes to find the live events (calls, video, meetings) that can answer the waits it touches
 * must walk the partial index `interactions_live`, not every message of the stakeholder: SQLite uses a partial
 * index only when the query repeats its WHERE, so a change to either side would silently slow every push.
 */

let handle: DbHandle | undefined;
afterEach(() => handle?.close());

/** Record every statement run on `handle`'s connection, inside transactions too. */
function recordStatements(h: DbHandle): InStatement[] {
  const seen: InStatement[] = [];
  const client = h.client;
  const execute = client.execute.bind(client) as (stmt: InStatement) => ReturnType<typeof client.execute>;
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    execute: (stmt: InStatement) => {
      seen.push(stmt);
      return execute(stmt);
    },
    transaction: async (mode?: never) => {
      const tx: Transaction = await transaction(mode);
      const txExecute = tx.execute.bind(tx);
      Object.assign(tx, {
        execute: (stmt: InStatement) => {
          seen.push(stmt);
          return txExecute(stmt);
        },
      });
      return tx;
    },
  });
  return seen;
}

it('finds the live events that can answer waits through the interactions_live index', async () => {
  handle = await createTestDb();
  const t = await createTestOrg(handle);
  const stakeholderId = (await t.manager.caller.directory.create({ name: 'Acme', type: 'customer' })).id;
  const rng = createRng(7);
  const at = (iso: string) => ({ id: seededUlid(Date.parse(iso), rng), occurredAt: iso });
  const base = {
    stakeholderId,
    stakeholderType: 'customer',
    title: 'Order',
    snippet: null,
    url: null,
    durationMin: null,
    note: null,
    automated: false,
    internal: false,
  } as const;
  const email = (iso: string, n: number): InteractionInput => ({
    ...at(iso),
    ...base,
    source: 'gmail',
    externalId: `m${n}`,
    threadKey: 'gmail:t1',
    channel: 'email',
    direction: 'inbound',
    author: { name: 'Acme', handle: 'buyer@acme.example' },
  });
  const call = (iso: string): InteractionInput => ({
    ...at(iso),
    ...base,
    source: 'manual',
    externalId: null,
    threadKey: `manual:${iso}`,
    channel: 'phone',
    direction: 'outbound',
    author: { name: 'Staff', handle: null },
    durationMin: 5,
  });
  const items = (list: InteractionInput[]) => ({
    items: list.map((data) => ({ op: 'upsert' as const, entity: 'interaction' as const, id: data.id, data })),
  });

  // A stored call first, then an email (its wait's window reaches past the call) and a second call (a live
  // stakeholder whose open waits must be found).
  await push({ db: handle.db, user: t.staff.user }, items([call('2026-03-09T01:00:00Z')]));
  const seen = recordStatements(handle);
  const result = await push(
    { db: handle.db, user: t.staff.user },
    items([email('2026-03-09T02:00:00Z', 1), call('2026-03-09T03:00:00Z')]),
  );
  expect(result.rejected).toEqual([]);

  const liveQueries = seen.filter((s) => typeof s !== 'string' && /channel IN \('phone'/.test(s.sql));
  expect(liveQueries.length).toBeGreaterThanOrEqual(2);
  for (const stmt of liveQueries) {
    if (typeof stmt === 'string') continue;
    const plan = await handle.client.execute({ sql: `EXPLAIN QUERY PLAN ${stmt.sql}`, args: stmt.args ?? [] });
    const details = plan.rows.map((r) => String(r.detail));
    expect(
      details.some((d) => d.includes('interactions_live')),
      `${stmt.sql.slice(0, 80)}…\n${details.join('\n')}`,
    ).toBe(true);
  }

  // And the call answered the email's wait across channels.
  const stored = await handle.client.execute({
    sql: 'SELECT replied_at FROM interactions WHERE external_id = ?',
    args: ['m1'],
  });
  expect(stored.rows[0]?.replied_at).toBe(Date.parse('2026-03-09T03:00:00Z'));
});
