/** One changed value: where in the document, what it was and what it became (undefined: absent). */
export interface Change {
  path: string;
  from?: unknown;
  to?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The changes from `before` to `after` (JSON values), objects compared key by key and anything else whole — a
 * list that changed is one change. At most `max` changes, so that one entry stays small.
 */
export function jsonDiff(before: unknown, after: unknown, max = 200, path = ''): Change[] {
  if (isRecord(before) && isRecord(after)) {
    const out: Change[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (out.length >= max) break;
      out.push(...jsonDiff(before[key], after[key], max - out.length, path ? `${path}.${key}` : key));
    }
    return out;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, from: before, to: after }];
}
