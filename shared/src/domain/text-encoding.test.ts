import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { decodeCsvBytes } from './text-encoding';

/** Written once with iconv -f utf-8 -t gb18030 (fixtures/SOURCES.md). */
const gb18030File = new Uint8Array(readFileSync(new URL('./fixtures/stakeholders-gb18030.csv', import.meta.url)));

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, littleEndian: boolean) => {
  const out = new Uint8Array(2 + s.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), littleEndian);
  return out;
};
const csv = 'name,type\r\n李雷,customer\r\n韩梅梅,partner\r\n';
/** GB18030 (as GBK) bytes of 李雷 and 韩梅梅, from the standard's table. */
const gbNames = [0xc0, 0xee, 0xc0, 0xd7, 0x2c, 0xba, 0xab, 0xc3, 0xb7, 0xc3, 0xb7];

describe('decodeCsvBytes', () => {
  it('reads a GB18030 file from Excel or WPS on a Chinese Windows machine with its Chinese names intact', () => {
    const decoded = decodeCsvBytes(gb18030File);
    expect(decoded).toMatchObject({ encoding: 'gb18030' });
    const records = parseCsv('text' in decoded ? decoded.text : '');
    expect(records.slice(1).map((r) => r.fields[0])).toEqual(['李雷', '韩梅梅', '欧阳娜娜']);
    expect(records[1]!.fields[2]).toBe('北京蓝天科技有限公司');
    expect(decodeCsvBytes(new Uint8Array(gbNames))).toEqual({ text: '李雷,韩梅梅', encoding: 'gb18030' });
  });

  it('reads UTF-8 with or without a byte-order mark, dropping the mark', () => {
    expect(decodeCsvBytes(utf8(csv))).toEqual({ text: csv, encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv)]))).toEqual({ text: csv, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    expect(decodeCsvBytes(utf16(csv, true))).toEqual({ text: csv, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(csv, false))).toEqual({ text: csv, encoding: 'utf-16be' });
  });

  it('refuses bytes that fit none of them, saying how to save the file', () => {
    // 0x80 alone is neither UTF-8 nor GB18030; 0xFF never starts a GB18030 character.
    const refused = decodeCsvBytes(new Uint8Array([0x6e, 0x61, 0x80, 0xff, 0xff]));
    expect(refused).toMatchObject({ reason: 'unknown_encoding' });
    expect('error' in refused && refused.error).toMatch(/Save it as CSV UTF-8 in Excel or WPS/);
    // A UTF-8 mark on bytes that are not UTF-8 is not guessed at either.
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...gbNames]))).toMatchObject({
      reason: 'unknown_encoding',
    });
  });

  it('never returns replacement characters in place of names, nor UTF-16 read without its mark', () => {
    expect(decodeCsvBytes(utf8('name\r\n\uFFFD\uFFFD,customer\r\n'))).toMatchObject({ reason: 'damaged' });
    expect(decodeCsvBytes(utf16(csv, true).subarray(2))).toMatchObject({ reason: 'damaged' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
