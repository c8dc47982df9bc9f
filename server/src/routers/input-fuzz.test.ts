import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  followupInputSchema,
  interactionInputSchema,
  mediaCoverageInputSchema,
  threadOutcomeDataSchema,
} from '@comms-log/shared';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { ITEM_NOT_STORED } from '../services/sync/item-by-item';
import { callProcedure, leakIn, type HttpAnswer } from '../testing/http';
import { arbitraryOf, edgeInstants, mutationsOf, type InputPools } from '../testing/input-arbitrary';
import { procedureExamples } from '../testing/procedure-examples';
import { probeIds, seedProbeOrg, type ProbeRecords } from '../testing/probe-org';
import { hashTables } from '../testing/table-hash';
import { createTestDb, createTestOrg, type TestOrg } from '../testing/test-org';
import { appRouter } from './_app';

/*
 * Bad and extreme input for every procedure, generated from its zod input schema (issue 17, docs/api.md "What every
 * procedure promises"): never a 5xx, never a stack or a server path in an answer, nothing changed by a refused call,
 * and every row a call stored can be read back. The quick form runs a few inputs per procedure in `pnpm test`;
 * FC_RUNS=200 runs more.
 */

const RUNS = Number(process.env.FC_RUNS ?? 4);
/** A long run gets the time it needs: a call and two table digests take a few milliseconds. */
const TIMEOUT_MS = Math.max(30_000, RUNS * 200);

let handle: DbHandle;
let app: ReturnType<typeof createApp>;
let t: TestOrg;
let other: TestOrg;
let ours: ProbeRecords;
let theirs: ProbeRecords;
const logged: string[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  app = createApp({ db: handle.db, logError: (m, e) => logged.push(`${m}: ${e instanceof Error ? e.stack : e}`) });
  t = await createTestOrg(handle);
  other = await createTestOrg(handle);
  ours = await seedProbeOrg(handle, t, 'OURS');
  theirs = await seedProbeOrg(handle, other, 'THEIRS');
});
afterAll(() => handle?.close());

type Procedure = { _def: { type: 'query' | 'mutation'; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

function pools(): InputPools {
  // Not the callers' own ids: a generated call may revoke a token or demote a user, and then every later call fails.
  const callers = roles.flatMap((r) => [t[r].user.id, t[r].user.tokenId]);
  const base: InputPools = {
    ids: [...probeIds(ours), ...probeIds(theirs), 'missing-id'].filter((id) => !callers.includes(id)),
    threadKeys: [ours.threadKey, theirs.threadKey, 'gmail:nowhere'],
    unknown: fc.jsonValue({ maxDepth: 2 }),
  };
  const unknown = fc.oneof(
    ...[interactionInputSchema, followupInputSchema, threadOutcomeDataSchema, mediaCoverageInputSchema].map((s) =>
      arbitraryOf(s, base, 'data', 1),
    ),
  );
  return { ...base, unknown };
}

/** A push item's id is its data's id, mostly: else every item would be refused for the mismatch alone. */
function withMatchingIds(input: unknown): unknown {
  const items = (input as { items?: unknown })?.items;
  if (!Array.isArray(items)) return input;
  return {
    ...(input as object),
    items: items.map((item, i) => {
      const id = (item as { data?: { id?: unknown } })?.data?.id;
      return i % 3 !== 2 && typeof id === 'string' ? { ...(item as object), id } : item;
    }),
  };
}

const roles = ['admin', 'manager', 'staff'] as const;

/** The answer keeps every promise; `changed` says whether a refused call left the tables as they were. */
function expectKept(path: string, input: unknown, res: HttpAnswer, unchanged: boolean) {
  const shown = `${path} ${JSON.stringify(input)?.slice(0, 600)} → ${res.status} ${res.text.slice(0, 400)}`;
  expect(res.status, shown).toBeLessThan(500);
  expect(leakIn(res.text), shown).toBeNull();
  expect(res.text, shown).not.toContain(ITEM_NOT_STORED);
  expect(res.text, shown).not.toContain('THEIRS');
  if (res.status >= 400) expect(unchanged, `${shown}: a refused call changed the tables`).toBe(true);
}

/** Reads of every kind of row, for every role: sync.pull reads each stored field (it is what failed for admins). */
const readers: [string, unknown][] = [
  ['sync.pull', { cursor: 0, limit: 1000 }],
  ['followups.overdue', { asOf: '2026-03-20T00:00:00Z' }],
  ['followups.list', {}],
  ['directory.list', {}],
  ['metrics.cadence', {}],
  ['evaluations.listSurveys', {}],
  ['evaluations.listCoverage', {}],
  ['plan.get', undefined],
  ['settings.get', undefined],
];

/** Every row stored so far reads back through the procedures that return them, for each role. */
async function everyReaderAnswers(extra: [string, unknown][] = []) {
  // Managers read what admins read.
  for (const role of ['admin', 'staff'] as const)
    for (const [path, input] of [...readers, ...extra]) {
      const res = await callProcedure(app, path, input, t[role].token);
      expect(res.status, `${role} ${path} after the fuzz: ${res.text.slice(0, 400)}`).toBe(200);
    }
}

describe('every procedure, fed input generated from its schema', () => {
  it('covers the whole router', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(50);
  });

  for (const [path, procedure] of procedures) {
    it(
      path,
      async () => {
        const schema = procedure._def.inputs[0];
        const p = pools();
        // From the schema alone, and from well-formed examples naming our records and theirs with one field changed.
        const examples = [...procedureExamples[path]!(ours), ...procedureExamples[path]!(theirs)];
        const generated = schema ? arbitraryOf(schema, p).map(path === 'sync.push' ? withMatchingIds : (v) => v) : null;
        const input = generated ? fc.oneof(generated, mutationsOf(examples, p)) : fc.constant(undefined);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...roles), input, async (role, value) => {
            const before = await hashTables(handle);
            const res = await callProcedure(app, path, value, t[role].token);
            const unchanged = res.status < 400 || (await hashTables(handle)) === before;
            expectKept(path, value, res, unchanged);
          }),
          { numRuns: RUNS },
        );
        if (procedure._def.type === 'mutation') await everyReaderAnswers();
      },
      TIMEOUT_MS,
    );
  }

  it('leaves every row readable by the figures and reports too, and logged no unexpected error', async () => {
    const wide = { from: '2026-01-01T00:00:00Z', to: '2028-12-31T00:00:00Z' };
    await everyReaderAnswers([
      ['metrics.interactions', { filter: wide, limit: 200 }],
      ['metrics.responseTimes', { filter: wide }],
      ['reports.period', { filter: wide }],
    ]);
    expect(logged).toEqual([]);
  });
});

describe('the classics', () => {
  const refusedEverywhere = [null, 'text', 42, true, [], [1, 2]];

  it(
    'wrong types of input are refused by every procedure that takes input, as 4xx, with nothing changed',
    async () => {
      for (const [path, procedure] of procedures) {
        if (!procedure._def.inputs.length) continue;
        const before = await hashTables(handle);
        for (const value of refusedEverywhere) {
          const res = await callProcedure(app, path, value, t.admin.token);
          expect(res.status, `${path} ${JSON.stringify(value)}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expectKept(path, value, res, true);
        }
        expect(await hashTables(handle), `${path}: a refused call changed the tables`).toBe(before);
      }
      // Two table digests per procedure: over 5 s for seventy procedures on a loaded machine.
    },
    TIMEOUT_MS,
  );

  it('extreme instants in every instant field of the push answer per item, never 5xx', async () => {
    for (const occurredAt of edgeInstants) {
      const res = await callProcedure(
        app,
        'sync.push',
        {
          items: [
            {
              op: 'upsert',
              entity: 'followup',
              id: '01JQ0000000000000000000009',
              data: { id: '01JQ0000000000000000000009', dueAt: occurredAt, snoozedUntil: occurredAt },
            },
          ],
        },
        t.staff.token,
      );
      expectKept('sync.push', occurredAt, res, true);
    }
    await everyReaderAnswers();
  });

  it('refuses a body over 1 MiB with 413 and a huge but allowed one without a 5xx', async () => {
    const before = await hashTables(handle);
    const over = await callProcedure(app, 'directory.importCsv', { csv: 'x'.repeat(1024 * 1024 + 10) }, t.admin.token);
    expect(over.status).toBe(413);
    const csv = `name,type\n${'李雷,customer\n'.repeat(20_000)}`.slice(0, 1000 * 1000);
    const big = await callProcedure(app, 'directory.importCsv', { csv, dryRun: true }, t.admin.token);
    expectKept('directory.importCsv', 'big', big, (await hashTables(handle)) === before);
  });

  it('answers deeply nested JSON without a 5xx', async () => {
    for (const depth of [1_000, 100_000]) {
      const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      for (const path of ['sync.push', 'metrics.totals', 'plan.update']) {
        const res = await app.request(`/trpc/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' },
          body: `{"items":${deep},"filter":${deep},"calendar":${deep}}`,
        });
        expectKept(path, `depth ${depth}`, { status: res.status, text: await res.text() }, true);
      }
    }
  });

  it('answers wrong content types, bodies that are not JSON, and wrong methods with 4xx', async () => {
    const auth = { authorization: `Bearer ${t.admin.token}` };
    const body = JSON.stringify({ cursor: 0 });
    const attempts: [string, RequestInit][] = [
      ['sync.pull', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body }],
      [
        'sync.pull',
        { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'cursor=0' },
      ],
      [
        'sync.push',
        { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' },
      ],
      ['sync.push', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"items": [' }],
      ['sync.push', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '\u0000' }],
      ['sync.push', { method: 'POST', headers: auth, body: 'items' }],
      ['sync.push', { method: 'GET', headers: auth }],
      ['sync.push', { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body }],
      ['nope.nothing', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body }],
    ];
    for (const [path, init] of attempts) {
      const before = await hashTables(handle);
      const res = await app.request(`/trpc/${path}`, init);
      const answer = { status: res.status, text: await res.text() };
      expect(
        answer.status,
        `${path} ${init.method} ${JSON.stringify(init.headers)}: ${answer.text}`,
      ).toBeGreaterThanOrEqual(400);
      expectKept(path, init.body, answer, (await hashTables(handle)) === before);
    }
  });

  it('answers batch abuse without a 5xx: a thousand calls, inputs that do not match, mixed kinds', async () => {
    const auth = { authorization: `Bearer ${t.staff.token}`, 'content-type': 'application/json' };
    const many = Array.from({ length: 1000 }, () => 'auth.whoami').join(',');
    const batches: [string, RequestInit][] = [
      [`${many}?batch=1`, { method: 'GET', headers: auth }],
      [
        `sync.pull,sync.pull?batch=1&input=${encodeURIComponent('{"0":{"cursor":-1},"7":"x"}')}`,
        { method: 'GET', headers: auth },
      ],
      [`sync.pull,sync.push?batch=1`, { method: 'POST', headers: auth, body: '{"0":{},"1":{"items":[]}}' }],
      [`sync.push,sync.push?batch=1`, { method: 'POST', headers: auth, body: '[1,2]' }],
      [`sync.push?batch=1`, { method: 'POST', headers: auth, body: '{"0":{"items":"x"},"1":{}}' }],
      [`,,,?batch=1`, { method: 'GET', headers: auth }],
    ];
    for (const [url, init] of batches) {
      const before = await hashTables(handle);
      const res = await app.request(`/trpc/${url}`, init);
      const answer = { status: res.status, text: await res.text() };
      expect(answer.status, `${url.slice(0, 80)}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
      expect(leakIn(answer.text)).toBeNull();
      if (answer.status >= 400) expect(await hashTables(handle)).toBe(before);
    }
    expect(logged).toEqual([]);
  });
});
