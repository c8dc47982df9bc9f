import { describe, expect, it } from 'vitest';
import { CsvParseError, csvField, parseCsv, toCsv, toExcelCsv } from './csv';

describe('toCsv', () => {
  it('quotes only fields that need it and doubles quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3.5)).toBe('3.5');
  });

  it('joins records with CRLF and keeps every row', () => {
    const csv = toCsv(['name', 'count'], [
      ['Acme, Inc.', 3],
      ['客户', 0],
    ]);
    expect(csv).toBe('name,count\r\n"Acme, Inc.",3\r\n客户,0');
  });

  it('starts the Excel form with a UTF-8 BOM', () => {
    const csv = toExcelCsv(['a'], [['b']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('a\r\nb');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('parseCsv', () => {
  it('reads back what toCsv wrote, including quotes, commas and line breaks', () => {
    const rows = [
      ['x', 'a,b', 'say "hi"'],
      ['two\r\nlines', '', '中文'],
    ];
    const parsed = parseCsv(toExcelCsv(['c1', 'c2', 'c3'], rows));
    expect(parsed.map((r) => r.fields)).toEqual([['c1', 'c2', 'c3'], ...rows]);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('numbers records by the line they start on and skips blank lines', () => {
    const parsed = parseCsv('name,type\n\nA,customer\n"B\nC",partner\nD,media\n');
    expect(parsed.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'name'],
      [3, 'A'],
      [4, 'B\nC'],
      [6, 'D'],
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow(CsvParseError);
    try {
      parseCsv('a\n"b,c\n');
    } catch (e) {
      expect((e as CsvParseError).line).toBe(2);
    }
  });
});
