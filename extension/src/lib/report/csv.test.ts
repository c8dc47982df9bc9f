import { describe, expect, it } from 'vitest';
import { toExcelCsv } from './csv';

describe('toExcelCsv', () => {
  it('starts the Excel form with a UTF-8 BOM', () => {
    const csv = toExcelCsv(['a'], [['b']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('a\r\nb');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
