import { describe, expect, it } from 'vitest';
import { describeRejectsOtherSites } from '../common/adapter-test-kit';
import { isThreadPage, parseCardShortLink } from './detect';

const ownCards = [
  'https://trello.com/c/Rk5Tz8Wb/17-brightline-cs-2087',
  'https://trello.com/c/Gm4Ps7Yc/33-media-asia-tech-review-interview-prep-jakarta-launch',
  'https://trello.com/c/Xq7Lm2Pd/48-kestrel-partner-launch-sync-notes-open-items',
  'https://trello.com/c/Xq7Lm2Pd',
];

const trelloNonCards = [
  'https://trello.com/',
  'https://trello.com/b/Kq1Zx9Lm/hexa-kestrel-launch-2026',
  'https://trello.com/u/zhouli_hexa/boards',
  'https://trello.com/c/short',
  'https://trello.com/w/hexacloud',
  'http://trello.com/c/Xq7Lm2Pd/48-x',
  'https://example.com/c/Xq7Lm2Pd/48-x',
];

describeRejectsOtherSites('trello', isThreadPage);

describe('trello detect', () => {
  it.each(ownCards)('card: %s', (u) => {
    expect(isThreadPage(new URL(u))).toBe(true);
  });

  it.each(trelloNonCards)('not a card: %s', (u) => {
    expect(isThreadPage(new URL(u))).toBe(false);
  });

  it('reads the short link', () => {
    expect(parseCardShortLink(new URL(ownCards[0]!))).toBe('Rk5Tz8Wb');
  });
});
