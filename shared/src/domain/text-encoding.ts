/**
 * Reading a CSV file's bytes as text. Excel and WPS on a Chinese Windows machine save "CSV" in GB18030 (GBK), not
 * UTF-8; read as UTF-8 its names would arrive as replacement characters (U+FFFD). So the encoding is detected, and a
 * file that none fits is refused with a way out rather than imported with its names lost.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Why a file was refused: not in an encoding we read, or it already holds replacement characters or NULs. */
export type CsvDecodeRefusal = 'unknown_encoding' | 'damaged';

export type DecodedCsv = { text: string; encoding: CsvEncoding } | { error: string; reason: CsvDecodeRefusal };

export const SAVE_AS_UTF8_HINT =
  'Save it as CSV UTF-8 in Excel or WPS (File › Save As › CSV UTF-8) and import it again.';

/** The text of `bytes` in `encoding`, or null when they are not valid in it. */
function decodeStrict(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    // ignoreBOM: the mark was looked at (and skipped) by the caller.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The encoding a byte-order mark declares, and the bytes after the mark. */
function byBom(bytes: Uint8Array): { encoding: CsvEncoding; body: Uint8Array } | null {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', body: bytes.subarray(3) };
  if (startsWith(bytes, 0xff, 0xfe)) return { encoding: 'utf-16le', body: bytes.subarray(2) };
  if (startsWith(bytes, 0xfe, 0xff)) return { encoding: 'utf-16be', body: bytes.subarray(2) };
  return null;
}

/**
 * A CSV file's text and the encoding it was in: UTF-8 with or without a byte-order mark, UTF-16 LE or BE with one,
 * or GB18030 (tried when the bytes are not valid UTF-8, as a file from Excel or WPS on a Chinese Windows machine is).
 * Otherwise `{ error }`, a sentence that says how to save the file. Never text with U+FFFD in place of a name: a
 * decoded text holding one (or a NUL, as UTF-16 without a mark would) is refused as damaged.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const marked = byBom(bytes);
  let decoded: { text: string; encoding: CsvEncoding } | null = null;
  if (marked) {
    const text = decodeStrict(marked.body, marked.encoding);
    if (text !== null) decoded = { text, encoding: marked.encoding };
  } else {
    const utf8 = decodeStrict(bytes, 'utf-8');
    const text = utf8 ?? decodeStrict(bytes, 'gb18030');
    if (text !== null) decoded = { text, encoding: utf8 !== null ? 'utf-8' : 'gb18030' };
  }
  if (!decoded) {
    return {
      reason: 'unknown_encoding',
      error: `The file is not in a text encoding we can read (UTF-8, UTF-16 with a byte-order mark, or GB18030). ${SAVE_AS_UTF8_HINT}`,
    };
  }
  if (decoded.text.includes('\uFFFD') || decoded.text.includes('\u0000')) {
    return {
      reason: 'damaged',
      error: `The file holds replacement characters (�) or NUL bytes: its text was damaged by an earlier conversion. ${SAVE_AS_UTF8_HINT}`,
    };
  }
  return decoded;
}
