import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../app';
import { callProcedure } from '../testing/http';
import { procedureExamples } from '../testing/procedure-examples';
import type { ProbeRecords } from '../testing/probe-org';
import { freshOrgPerTest, interactionData, type TestOrg, upsert } from '../testing/test-org';
import { describeZodError } from '../trpc';
import { appRouter } from './_app';

/*
 * Every procedure's input refuses keys it does not know, naming them (docs/api.md "What every procedure
 * promises"): a misspelt field is an error, never silently dropped. For each procedure of every router, each
 * example input gets an unknown key in each of its objects in turn, and the input schema must refuse it.
 */

type Procedure = { _def: { inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

const UNKNOWN = 'notAFieldOfThisInput';
/** Ids that parse as the examples' records: only the input's form is checked here. */
const probe: ProbeRecords = new Proxy({} as ProbeRecords, {
  get: (_t, key) => (String(key).endsWith('s') ? ['01JQ0000000000000000000000', 'b', 'c'] : `probe-${String(key)}`),
});

/** The paths of every plain object in `value`, the root included; a push item's `data` is checked by its entity. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return [
    path,
    ...Object.entries(value).flatMap(([k, v]) =>
      k === 'data' && path[0] === 'items' ? [] : objectPaths(v, [...path, k]),
    ),
  ];
}

function withUnknownKeyAt(value: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  target[UNKNOWN] = 1;
  return copy;
}

function refusal(schemas: z.ZodType[], input: unknown): string | null {
  for (const schema of schemas) {
    const r = schema.safeParse(input);
    if (!r.success) return describeZodError(r.error);
  }
  return null;
}

describe('unknown input keys', () => {
  for (const [path, procedure] of procedures) {
    const inputs = procedure._def.inputs;
    if (!inputs.length) continue;
    it(`${path} refuses them, naming them`, () => {
      const examples = procedureExamples[path]?.(probe) ?? [];
      expect(examples.length, `${path} has no example in procedure-examples`).toBeGreaterThan(0);
      for (const example of examples) {
        for (const at of objectPaths(example)) {
          const message = refusal(inputs, withUnknownKeyAt(example, at));
          expect(message, `${path} took ${UNKNOWN} at ${at.join('.') || 'the top'}`).toContain(UNKNOWN);
        }
      }
    });
  }
});

let t: TestOrg;
let app: ReturnType<typeof createApp>;
freshOrgPerTest((h, org) => {
  t = org;
  app = createApp({ db: h.db, logError: () => {} });
});

describe('over the API', () => {
  it('settings.update names an unknown key and changes nothing', async () => {
    const before = await t.staff.caller.settings.get();
    const res = await callProcedure(app, 'settings.update', { myNeverLogg: [] }, t.staff.token);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Unrecognized key: \\"myNeverLogg\\"');
    expect(await t.staff.caller.settings.get()).toEqual(before);
  });

  it('sync.push rejects an item whose data has an unknown key, naming it', async () => {
    const data = interactionData({ occuredAt: '2026-03-09T10:00:00+08:00' });
    const res = await t.staff.caller.sync.push({ items: [upsert(data)] });
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]?.reason).toContain('occuredAt');
  });

  it('refuses an instant without an offset, showing the form accepted', async () => {
    const res = await callProcedure(app, 'followups.overdue', { asOf: '2026-04-22T10:30:00' }, t.staff.token);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.message).toBe(
      'Invalid input: asOf: must be an ISO 8601 date and time with an offset or Z, e.g. 2026-04-22T10:30:00+08:00 (a time without an offset is ambiguous)',
    );
  });
});
