import { describe, expect, it } from 'vitest';
import { describeRejectsOtherSites } from '../common/adapter-test-kit';
import { isThreadPage } from './detect';

describeRejectsOtherSites('gmail', isThreadPage);

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
  ])('rejects %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));
});
