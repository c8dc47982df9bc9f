import { describe, expect, it } from 'vitest';
import { isThreadPage } from './detect';

describe('gmail isThreadPage', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
    'https://mail.google.com/mail/u/1/#label/Customers/FMfcgzQfCMqcMlRdfDKMlSCbhLlfNBrS',
    'https://mail.google.com/mail/u/0/#search/lidar/KtbxLwgddjZhZqCnZgWcFJzRbkGKmbmWsV',
    'https://mail.google.com/mail/u/0/#sent/19cd05f6a40894af',
  ])('accepts %s', (url) => expect(isThreadPage(new URL(url))).toBe(true));

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#label/Customers',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/chat/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
    'http://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
    // other sites' fixture URLs
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAArBdQLSuLcKQYFhyxxmp%2BsKoAEADvh7Nu%2BCeA5X5U3kSjAPSt',
    'https://weibo.com/6123456789/QuCf52hOy',
    'https://api.weibo.com/chat/#/chat?to_uid=6012345678&source_from=2',
    'https://hexacloud.atlassian.net/browse/ATLAS-142',
    'https://trello.com/c/Xq7Lm2Pd/48-kestrel-partner-launch-sync-notes-open-items',
  ])('rejects %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));
});
