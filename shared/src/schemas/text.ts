import { z } from 'zod';

/*
 * The two text policies of the API (docs/sync.md "Text"). SQLite cuts a string at a NUL and a lone surrogate cannot
 * be encoded as UTF-8, so neither may reach the database: an identifier holding one is refused (two ids differing only
 * there would collapse into one row), free text loses them (a name or a note still says what it said).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `s` holds a C0 control character other than tab, line feed and carriage return (NUL among them). */
export const hasControlCharacter = (s: string): boolean => CONTROL.test(s);

/** Whether `s` holds half of a UTF-16 surrogate pair without the other half (not encodable as UTF-8). */
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/** Free text as it is stored: C0 controls other than tab, LF and CR, and lone surrogates, removed. */
export const cleanFreeText = (s: string): string => s.replace(CONTROLS, '').replace(LONE_SURROGATES, '');

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters such as NUL (U+0000)';
export const LONE_SURROGATE_MESSAGE = 'must be well-formed Unicode: it contains half of a surrogate pair';

// Either kind of character refused below, or any surrogate: text without one (nearly all) needs no closer look.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/;

/** `schema` refusing control characters (tab, LF and CR aside) and lone surrogates: the identifier policy. */
export function refuseUnsafeText<T extends z.ZodType<string>>(schema: T): T {
  // One check with one scan for the common case (it was two checks, each a scan): identifiers are most of a push.
  return schema.superRefine((s, ctx) => {
    if (!SUSPECT.test(s)) return;
    if (hasControlCharacter(s)) ctx.addIssue({ code: 'custom', message: CONTROL_CHARACTER_MESSAGE, input: s });
    if (hasLoneSurrogate(s)) ctx.addIssue({ code: 'custom', message: LONE_SURROGATE_MESSAGE, input: s });
  }) as T;
}

/**
 * An identifier (`threadKey`, `externalId`, a handle, an id, a cursor, a link): refused whole when it holds a control
 * character or a lone surrogate. Chain the length checks: `identifierString.min(1).max(64)`.
 */
export const identifierString = refuseUnsafeText(z.string());

/**
 * Free text (a title, a note, a name, a snippet, a comment): control characters and lone surrogates are removed before
 * any other check, so `freeTextString.trim().min(1)` sees the text as it will be stored.
 */
export const freeTextString = z.string().overwrite(cleanFreeText);
