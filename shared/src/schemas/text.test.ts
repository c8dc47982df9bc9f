import { describe, expect, it } from 'vitest';
import { interactionInputSchema } from './interaction';
import { stakeholderInputSchema } from './stakeholder';
import { cleanFreeText, freeTextString, hasControlCharacter, hasLoneSurrogate, identifierString } from './text';

const NUL = '\u0000';
const loneHigh = '\uD83D';
const loneLow = '\uDE00';
const pair = '\uD83D\uDE00'; // 😀

describe('the identifier policy', () => {
  it('refuses NUL and the other C0 controls but keeps tab, LF and CR', () => {
    expect(identifierString.safeParse(`gmail:t1${NUL}x`).error?.issues[0]?.message).toBe(
      'must not contain control characters such as NUL (U+0000)',
    );
    for (const c of ['\u0001', '\u0008', '\u000B', '\u000C', '\u001F'])
      expect(hasControlCharacter(`a${c}b`)).toBe(true);
    expect(identifierString.safeParse('a\tb\nc\rd').success).toBe(true);
    expect(identifierString.safeParse('DEL \u007F and U+0085 \u0085 are not C0').success).toBe(true);
  });

  it('refuses a lone surrogate, high or low, but not a pair', () => {
    expect(identifierString.safeParse(`id${loneHigh}`).error?.issues[0]?.message).toMatch(/surrogate/);
    expect(identifierString.safeParse(`${loneLow}id`).success).toBe(false);
    expect(identifierString.safeParse(`${loneLow}${loneHigh}`).success).toBe(false);
    expect(identifierString.safeParse(`id${pair}`).success).toBe(true);
    expect(hasLoneSurrogate(pair)).toBe(false);
  });

  it('keeps two external ids that differ only after a NUL from collapsing: both are refused', () => {
    const base = {
      id: '01JQ0000000000000000000000',
      source: 'gmail',
      threadKey: 'gmail:t1',
      channel: 'email',
      direction: 'inbound',
      occurredAt: '2026-03-09T10:00:00+08:00',
      stakeholderId: null,
      stakeholderType: 'customer',
      author: { name: 'Li', handle: 'li@acme.cn' },
    };
    const a = interactionInputSchema.safeParse({ ...base, externalId: `m1${NUL}a` });
    expect(a.error?.issues.map((i) => i.path.join('.'))).toEqual(['externalId']);
    const h = interactionInputSchema.safeParse({
      ...base,
      externalId: 'm1',
      author: { name: 'Li', handle: `li${NUL}` },
    });
    expect(h.error?.issues.map((i) => i.path.join('.'))).toEqual(['author.handle']);
  });
});

describe('the free-text policy', () => {
  it('removes control characters and lone surrogates, keeping the rest whole', () => {
    expect(cleanFreeText(`Li${NUL} Lei\u0007 ${loneHigh}says ${pair}\thi\r\n`)).toBe(`Li Lei says ${pair}\thi\r\n`);
    expect(freeTextString.parse(`before${NUL}after`)).toBe('beforeafter');
  });

  it('cleans before trimming and length checks, so a name of only controls is empty', () => {
    const name = stakeholderInputSchema.shape.name;
    expect(name.parse(`${NUL} 李雷 ${loneLow}`)).toBe('李雷');
    expect(name.safeParse(`${NUL}\u0001 `).success).toBe(false);
  });

  it('applies to the titles, snippets, notes and author names of interactions', () => {
    const parsed = interactionInputSchema.parse({
      id: '01JQ0000000000000000000000',
      source: 'manual',
      externalId: null,
      threadKey: 'manual:1',
      channel: 'phone',
      direction: 'outbound',
      occurredAt: '2026-03-09T10:00:00+08:00',
      stakeholderId: null,
      stakeholderType: 'customer',
      author: { name: `Sam${NUL}`, handle: null },
      title: `Call${NUL} about the order`,
      snippet: `x${loneHigh}y`,
      note: `a${NUL}b`,
    });
    expect(parsed).toMatchObject({ author: { name: 'Sam' }, title: 'Call about the order', snippet: 'xy', note: 'ab' });
  });
});
