import type { SQL } from 'drizzle-orm';

/*
 * Reading the lists of db/queries/wait-codes.ts back: each wait's integer split into its decimal digits (answered
 * time, status, enum values), its other values taken from their own lists in the same order. Digits are read as
 * characters, not divided out: a number past 2^31 is a double to V8, and `%` on doubles cost more than the parse.
 */

/** A group value read per wait: one of a closed list (a digit of the wait's integer), an integer, or any text. */
export type CodedValue =
  | { kind: 'enum'; sql: SQL; values: readonly string[] }
  | { kind: 'integer'; sql: SQL }
  | { kind: 'text'; sql: SQL; nullable: boolean };

export interface WaitCodesScan {
  basis: 'working' | 'calendar';
  asOfMs: number;
  /** The group values, in the order `visit` gets them. */
  values: readonly CodedValue[];
  firstResponseOnly: boolean;
}

/** Raised when a wait is not what the codes can carry (a value outside its list, a time not a whole ms ≥ 0). */
export class UndecodableWaits extends Error {}

/** The digit of an enum value outside its list (lists hold at most 9 values). */
export const OTHER_VALUE = 9;

/** Visits a wait: `status` 0 on time, 1 late, 2 pending, 3 closed; `answeredMs` −1 when unanswered by `asOf`. */
export type WaitVisitor = (status: number, answeredMs: number, values: CodedValues) => void;

/** The values of a wait: an enum's or a text's string (or null), an integer. */
export type CodedValues = (string | number | null)[];

/** The integers of a `group_concat` list, in order. */
class IntegerList {
  private pos = 0;
  constructor(private readonly s: string) {}

  next(): number {
    const s = this.s;
    let p = this.pos;
    const negative = s.charCodeAt(p) === 45;
    if (negative) p++;
    const start = p;
    let n = 0;
    for (let ch = s.charCodeAt(p); ch >= 48 && ch <= 57; ch = s.charCodeAt(++p)) n = n * 10 + (ch - 48);
    // Anything but digits up to a comma or the end (a fraction, an exponent) is not an integer.
    if (p === start || (p < s.length && s.charCodeAt(p) !== 44) || !Number.isSafeInteger(n))
      throw new UndecodableWaits();
    this.pos = p + 1;
    return negative ? -n : n;
  }

  get done(): boolean {
    return this.pos >= this.s.length;
  }
}

/** The texts of a `group_concat(…, char(30))` list, in order; with `nullable`, '' is null and '=x' is x. */
class TextList {
  private pos = 0;
  constructor(
    private readonly s: string,
    private readonly nullable: boolean,
  ) {}

  next(): string | null {
    if (this.pos > this.s.length) throw new UndecodableWaits();
    let end = this.s.indexOf('\x1e', this.pos);
    if (end < 0) end = this.s.length;
    const field = this.s.slice(this.pos, end);
    this.pos = end + 1;
    if (!this.nullable) return field;
    return field === '' ? null : field.slice(1);
  }

  get done(): boolean {
    return this.pos > this.s.length;
  }
}

/** The digit at `q` of `s`, 0 before `start` (a leading zero SQLite does not write); throws unless below `limit`. */
function digitAt(s: string, q: number, start: number, limit: number): number {
  if (q < start) return 0;
  const d = s.charCodeAt(q) - 48;
  if (!(d >= 0 && d < limit)) throw new UndecodableWaits();
  return d;
}

/** Decode one window's lists, calling `visit` per wait (`values`: one array, refilled per wait). */
export function decodeWindow(row: Record<string, string | null>, scan: WaitCodesScan, visit: WaitVisitor): void {
  const s = row.c;
  if (s === null || s === undefined) return;
  const lists = scan.values.map((v, k) => {
    const list = row[`v${k}`] ?? '';
    return v.kind === 'integer' ? new IntegerList(list) : v.kind === 'text' ? new TextList(list, v.nullable) : null;
  });
  // The enums from the last (the integer's last digit) to the first.
  const enums = scan.values.flatMap((v, k) => (v.kind === 'enum' ? [{ k, names: v.values }] : [])).reverse();
  const values: CodedValues = scan.values.map(() => null);
  for (let p = 0; p < s.length; ) {
    let end = s.indexOf(',', p);
    if (end < 0) end = s.length;
    let q = end;
    for (let e = 0; e < enums.length; e++) {
      const { k, names } = enums[e]!;
      values[k] = names[digitAt(s, --q, p, names.length)]!;
    }
    const status = digitAt(s, --q, p, 8);
    let ms = 0;
    for (let r = p; r < q; r++) {
      const d = s.charCodeAt(r) - 48;
      if (!(d >= 0 && d <= 9)) throw new UndecodableWaits();
      ms = ms * 10 + d;
    }
    if (!Number.isSafeInteger(ms) || (status >= 4 && q > p)) throw new UndecodableWaits();
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k];
      if (list) values[k] = list.next();
    }
    if (status < 4) visit(status, ms, values);
    else visit(status - 4, -1, values);
    p = end + 1;
  }
  if (lists.some((list) => list && !list.done)) throw new UndecodableWaits();
}
