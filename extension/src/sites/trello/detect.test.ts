import { describe, expect, it } from 'vitest';
import { isThreadPage, parseCardShortLink } from './detect';

/** The other sites' fixture URLs (their `fixture-url` metas): none is a Trello card. */
const otherSites = [
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMqcMlRdfDKMlSCbhLlfNBrS',
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSwfwFSRwKBlcpJFxrTZsq',
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAaqfY4Jo2L8q7c%2FgWHhmYcZUAEABM18kFH7DrmPGTPrWOTx5k',
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAlHta5EuyAtt96iAQKhCpCj0AEACnE11jZW8VevQiDN5HTPl3',
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAArBdQLSuLcKQYFhyxxmp%2BsKoAEADvh7Nu%2BCeA5X5U3kSjAPSt',
  'https://weibo.com/5893321047/QucZuvOKc',
  'https://weibo.com/6123456789/QuCf52hOy',
  'https://api.weibo.com/chat/#/chat?to_uid=6012345678&source_from=2',
  'https://northwind-robotics.atlassian.net/browse/CS-2087',
  'https://hexacloud.atlassian.net/jira/software/c/projects/MKT/boards/12?selectedIssue=MKT-77',
  'https://hexacloud.atlassian.net/browse/ATLAS-142',
];

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

describe('trello detect', () => {
  it.each(ownCards)('card: %s', (u) => {
    expect(isThreadPage(new URL(u))).toBe(true);
  });

  it.each([...otherSites, ...trelloNonCards])('not a card: %s', (u) => {
    expect(isThreadPage(new URL(u))).toBe(false);
  });

  it('reads the short link', () => {
    expect(parseCardShortLink(new URL(ownCards[0]!))).toBe('Rk5Tz8Wb');
  });
});
