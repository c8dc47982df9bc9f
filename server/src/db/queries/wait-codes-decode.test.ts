import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decodeWindow, UndecodableWaits, type CodedValues, type WaitCodesScan } from './wait-codes-decode';

/*
 * The lists SQLite writes, read back (docs/metrics.md "Roll-ups"): the digits SQLite leaves out as leading zeros
 * are zeros, and anything the codes cannot carry is refused rather than read as some other wait.
 */

const scan: WaitCodesScan = {
  basis: 'working',
  asOfMs: 0,
  firstResponseOnly: false,
  values: [
    { kind: 'enum', sql: sql`i.channel`, values: ['email', 'im'] },
    { kind: 'integer', sql: sql`d` },
    { kind: 'text', sql: sql`i.purpose`, nullable: true },
    { kind: 'enum', sql: sql`i.direction`, values: ['inbound', 'outbound'] },
  ],
};

function decode(row: Record<string, string | null>): [number, number, CodedValues][] {
  const out: [number, number, CodedValues][] = [];
  decodeWindow(row, scan, (status, ms, values) => out.push([status, ms, [...values]]));
  return out;
}

describe('decoding a window of wait codes', () => {
  it('reads time, status and enum digits, leading zeros left out, and the other lists in step', () => {
    const waits = decode({
      // 3,600,000 ms late by im outbound; 0 ms on time by email inbound (all digits zero: "0"); unanswered pending.
      c: '3600000111,0,601',
      v1: '20500,-3,20501',
      v2: '=complaint\u001e\u001e=',
    });
    expect(waits).toEqual([
      [1, 3_600_000, ['im', 20500, 'complaint', 'outbound']],
      [0, 0, ['email', -3, null, 'inbound']],
      [2, -1, ['email', 20501, '', 'outbound']],
    ]);
  });

  it('reads no waits from an empty window', () => {
    expect(decode({ c: null, v1: null, v2: null })).toEqual([]);
  });

  it('refuses what the codes cannot carry', () => {
    const lists = { v1: '1', v2: '=x' };
    for (const c of ['12.5', '1.2e+19', '1900', '1090', '-5', '1500', '99999999999999999000'])
      expect(() => decode({ ...lists, c }), c).toThrow(UndecodableWaits);
    // A list out of step with the codes: a separator inside a value, or a value missing.
    expect(() => decode({ c: '100', v1: '1', v2: '=a\u001e=b' })).toThrow(UndecodableWaits);
    expect(() => decode({ c: '100,100', v1: '1', v2: '=a\u001e=b' })).toThrow(UndecodableWaits);
  });
});
