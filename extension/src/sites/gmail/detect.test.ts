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
    'https://mail.google.com/mail/u/0/popout?ver=pw6t6dmmsv0g&search=inbox&th=%23thread-f%3A1859421880893507759&cvid=1',
    'https://mail.google.com/mail/u/1/popout?ver=1&th=%23thread-a%3Ar95077152518394753&cvid=1',
  ])('accepts %s', (url) => expect(isThreadPage(new URL(url))).toBe(true));

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#label/Customers',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/chat/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
    'http://mail.google.com/mail/u/0/#inbox/FMfcgzQfCMpSLQdcSkCqNnPpHCCpjTdC',
    'https://mail.google.com/mail/u/0/popout?ver=1g3ytthb29lwb#cmid%253D1',
    'https://mail.google.com/mail/u/0/popout?th=compose',
  ])('rejects %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));
});
