import fc from 'fast-check';
import type { z } from 'zod';

/*
 * Test files only: fast-check arbitraries of a procedure's input, read off its zod schema. Mostly well-formed (so
 * that calls get past validation into the services), with extreme values at every leaf (the range's edges and just
 * past them, unicode edge cases, the longest strings allowed and more) and, now and then, a wrong value in place of
 * any field (another type, null, JSON of any shape).
 */

/** Strings every text field is tried with: controls, lone surrogates, an RTL override, markup, emoji, CJK, SQL. */
export const edgeStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFF',
  '\u202Eevil\u202C',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '😀'.repeat(40),
  '李雷 韩梅梅',
  '\t\n\r',
  "'; DROP TABLE interactions; --",
  '../../etc/passwd',
  '%00',
  '__proto__',
  'x'.repeat(5000),
] as const;

/** Instants at the edges of the accepted range (1970–2100 after the offset), just past them, and malformed. */
export const edgeInstants = [
  '1970-01-01T00:00:00Z',
  '1970-01-01T13:59:59+14:00',
  '2100-12-31T23:59:59Z',
  '2100-12-31T09:59:59-14:00',
  '2026-03-09T10:00:00+08:00',
  '2026-03-14T23:30:00.123+08:00',
  '1969-12-31T23:59:59Z',
  '2101-01-01T00:00:00Z',
  '0000-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59-14:00',
  '2026-02-29T10:00:00Z',
  '2026-03-09T10:00:00',
] as const;

const edgeDates = ['1970-01-01', '2100-12-31', '2026-03-09', '2028-02-29', '0000-01-01', '9999-12-31', '2026-02-30'];

const edgeNumbers = [0, -0, -1, 1, 0.5, 1e-9, -1e-9, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2];

/** Anything but what was asked for. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(...edgeNumbers),
  fc.constantFrom(...edgeStrings),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Values the schema cannot tell from others but the database can: ids and thread keys that exist (or nearly). */
export interface InputPools {
  ids: readonly string[];
  threadKeys: readonly string[];
  /** What `z.unknown()` stands for (a push item's `data`). */
  unknown: fc.Arbitrary<unknown>;
}

type Def = { type: string } & Record<string, unknown>;
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean } & Record<
  string,
  unknown
>;

const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (s: unknown): CheckDef[] =>
  ((defOf(s).checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);

function lengthBounds(s: unknown): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checksOf(s)) {
    if (c.check === 'min_length') min = c.minimum ?? 0;
    if (c.check === 'max_length') max = c.maximum ?? max;
    if (c.check === 'length_equals') min = max = (c as { length?: number }).length ?? 0;
  }
  return { min, max };
}

const idLike = (key: string) => key === 'id' || /Ids?$/.test(key) || key === 'cursor';

function stringOf(s: unknown, key: string, pools: InputPools): fc.Arbitrary<string> {
  const def = defOf(s);
  const { min, max } = lengthBounds(s);
  const regex = checksOf(s).find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  if (def.format === 'datetime') return fc.constantFrom(...edgeInstants);
  if (def.format === 'date') return fc.constantFrom(...edgeDates);
  if (def.format === 'email') return fc.constantFrom('li@acme.cn', 'x@y.co', `${'a'.repeat(64)}@acme.cn`);
  const url = def.format === 'url' || checksOf(s).some((c) => c.format === 'url');
  if (url)
    return fc.constantFrom('https://example.com/a?b=1', `https://a.cn/${'x'.repeat(1980)}`, 'javascript:alert(1)');
  if (regex instanceof RegExp) return fc.oneof({ arbitrary: fc.stringMatching(regex), weight: 4 }, fc.constant(''));
  const plain = fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 40) });
  const longest = Number.isFinite(max) ? fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1)) : fc.constant('x');
  const options: fc.Arbitrary<string>[] = [plain, fc.constantFrom(...edgeStrings), longest];
  if (key === 'threadKey') options.push(fc.constantFrom(...pools.threadKeys));
  if (idLike(key) && pools.ids.length) options.push(fc.constantFrom(...pools.ids), fc.constantFrom(...pools.ids));
  return fc.oneof(...options);
}

function numberOf(s: unknown): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let int = false;
  for (const c of checksOf(s)) {
    if (c.check === 'greater_than') min = c.value ?? min;
    if (c.check === 'less_than') max = c.value ?? max;
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
  }
  const inRange = int
    ? fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: inRange, weight: 3 }, fc.constantFrom(min, max), fc.constantFrom(...edgeNumbers));
}

/** Periods whose `from` is before `to` and at most 3 years before (the metrics filter's rule), at the range's edges. */
const periods = [
  { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' },
  { from: '1970-01-01T00:00:00Z', to: '1972-12-31T00:00:00Z' },
  { from: '2098-01-02T00:00:00Z', to: '2100-12-31T23:59:59Z' },
  { from: '2026-03-09T10:00:00+08:00', to: '2026-03-09T10:00:00.001+08:00' },
];

/** An object with the shape's keys; optional ones sometimes left out; a `from` and `to` mostly a period. */
function objectOf(def: Def, pools: InputPools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape as Record<string, z.ZodType>;
  const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, pools, k, depth + 1)]));
  const required = Object.entries(shape)
    .filter(([, v]) => !['optional', 'default', 'prefault'].includes(defOf(v).type))
    .map(([k]) => k);
  const record = fc.record(fields, { requiredKeys: required });
  if (!('from' in shape && 'to' in shape)) return record;
  const period = fc.tuple(record, fc.constantFrom(...periods)).map(([r, p]) => ({ ...r, ...p }));
  return fc.oneof({ arbitrary: period, weight: 3 }, record);
}

function recordOf(def: Def, pools: InputPools, key: string, depth: number): fc.Arbitrary<unknown> {
  const keyDef = defOf(def.keyType);
  const value = arbitraryOf(def.valueType as z.ZodType, pools, key, depth + 1);
  if (keyDef.type === 'enum') {
    const keys = Object.values(keyDef.entries as Record<string, string>);
    return fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
  }
  return fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 });
}

/** The well-formed (or nearly) values of `schema`. */
function shapedOf(schema: z.ZodType, pools: InputPools, key: string, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown) => arbitraryOf(s as z.ZodType, pools, key, depth + 1);
  switch (def.type) {
    case 'string':
      return stringOf(schema, key, pools);
    case 'number':
      return numberOf(schema);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'object':
      return objectOf(def, pools, depth);
    case 'array': {
      const { min, max } = lengthBounds(schema);
      return fc.array(inner(def.element), { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) });
    }
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'nullable':
      return fc.oneof(fc.constant(null), inner(def.innerType));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return inner(def.innerType);
    case 'pipe':
      // A preprocess is a transform piped into the schema; a transform is the schema piped into one.
      return inner(defOf(def.in).type === 'transform' ? def.out : def.in);
    case 'record':
      return recordOf(def, pools, key, depth);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'unknown':
    case 'any':
      return pools.unknown;
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Values of `schema` for fuzzing: shaped like it, with a wrong value instead now and then (less often deeper down,
 * so that most calls are well-formed enough to reach the service). `key` is the field's name (ids and thread keys
 * are drawn from `pools` too).
 */
export function arbitraryOf(schema: z.ZodType, pools: InputPools, key = '', depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedOf(schema, pools, key, depth);
  return fc.oneof({ arbitrary: shaped, weight: 10 + depth * 5 }, { arbitrary: wrongValue, weight: 1 });
}

/** Where a value sits in a JSON input: the keys and indexes that lead to it. */
type JsonPath = (string | number)[];

function pathsIn(value: unknown, at: JsonPath = []): JsonPath[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsIn(v, [...at, i])));
  if (value && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([k, v]) => pathsIn(v, [...at, k])));
  return here;
}

function replaceAt(value: unknown, path: JsonPath, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...JsonPath];
  if (Array.isArray(value)) return value.map((v, i) => (i === key ? replaceAt(v, rest, next) : v));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const changed = replaceAt(copy[key], rest, next);
  if (changed === undefined) delete copy[key];
  else copy[key] = changed;
  return copy;
}

/**
 * Well-formed `examples` as they are, or with one value changed (any field, at any depth): to an edge value, an id
 * of the pools, a wrong value, or removed. Each call stays close to a valid one, so it reaches the service.
 */
export function mutationsOf(examples: readonly unknown[], pools: InputPools): fc.Arbitrary<unknown> {
  const replacement = fc.oneof(
    fc.constantFrom(...edgeStrings),
    fc.constantFrom(...edgeInstants),
    fc.constantFrom(...edgeNumbers),
    fc.constantFrom(...pools.ids),
    fc.constant(undefined),
    wrongValue,
  );
  const changed = fc.tuple(fc.constantFrom(...examples), fc.nat(), replacement).map(([example, n, next]) => {
    const paths = pathsIn(example);
    return replaceAt(example, paths[n % paths.length]!, next);
  });
  return fc.oneof(fc.constantFrom(...examples), { arbitrary: changed, weight: 4 });
}
