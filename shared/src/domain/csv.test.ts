import { describe, expect, it } from 'vitest';
import { CsvParseError, csvField, parseCsv, toCsv } from './csv';

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
    const csv = toCsv(
      ['name', 'count'],
      [
        ['Acme, Inc.', 3],
        ['客户', 0],
      ],
    );
    expect(csv).toBe('name,count\r\n"Acme, Inc.",3\r\n客户,0');
  });
});

describe('parseCsv', () => {
  it('reads back what toCsv wrote behind a BOM, including quotes, commas and line breaks', () => {
    const rows = [
      ['x', 'a,b', 'say "hi"'],
      ['two\r\nlines', '', '中文'],
    ];
    const parsed = parseCsv(`\uFEFF${toCsv(['c1', 'c2', 'c3'], rows)}`);
    expect(parsed.map((r) => r.fields)).toEqual([['c1', 'c2', 'c3'], ...rows]);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reads RFC 4180 quoting, escaped quotes, embedded line breaks, CRLF and a BOM', () => {
    const rows = parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nlast,,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('numbers records by the line they start on and skips blank lines when asked', () => {
    const text = 'name,type\n\nA,customer\n"B\nC",partner\nD,media\n';
    const parsed = parseCsv(text, { skipBlankLines: true });
    expect(parsed.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'name'],
      [3, 'A'],
      [4, 'B\nC'],
      [6, 'D'],
    ]);
    expect(parseCsv(text).map((r) => [r.line, r.fields])).toEqual([
      [1, ['name', 'type']],
      [2, ['']],
      [3, ['A', 'customer']],
      [4, ['B\nC', 'partner']],
      [6, ['D', 'media']],
    ]);
  });

  it('keeps a final empty quoted field unless blank lines are skipped', () => {
    expect(parseCsv('a\n""')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [''] },
    ]);
    expect(parseCsv('a\n""', { skipBlankLines: true })).toEqual([{ line: 1, fields: ['a'] }]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps a last record without a trailing newline and refuses an unclosed quote', () => {
    expect(parseCsv('a\nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
    ]);
    expect(() => parseCsv('a\n"open')).toThrow(CsvParseError);
    expect(() => parseCsv('"a"b')).toThrow(/closing quote/);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow(CsvParseError);
    try {
      parseCsv('a\n"b,c\n');
    } catch (e) {
      expect((e as CsvParseError).line).toBe(2);
    }
  });

  it('reports text after a closing quote on the line where it stands', () => {
    try {
      parseCsv('a,b\n"x\ny"z,c\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvParseError);
      expect((e as CsvParseError).line).toBe(3);
      expect((e as CsvParseError).message).not.toMatch(/^line \d/);
    }
  });
});
