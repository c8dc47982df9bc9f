import { describe, expect, it } from 'vitest';
import { describeRejectsOtherSites } from '../common/adapter-test-kit';
import { idFromUrl, isThreadPage } from './detect';

describeRejectsOtherSites('outlook', isThreadPage);

describe('outlook isThreadPage', () => {
  it.each([
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAArBdQLSuLcKQYFhyxxmp%2BsKoAEADvh7Nu%2BCeA5X5U3kSjAPSt',
    'https://outlook.office.com/mail/0/inbox/id/AAQkADAwATM0MDAAaqfY4Jo2L8q7c%2FgWHhmYcZUAEABM18kFH7DrmPGTPrWOTx5k',
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1hZjA1LTMwAGVkLTAwAi0wMAoAEAB',
    'https://outlook.office365.com/mail/deeplink/read/AAMkADAwATM0MDAAMS1hZjA1',
    'https://outlook.office.com/mail/archive/id/AAQkADAwATM0MDAAlHta5EuyAtt96iAQKhCpCj0AEACnE11jZW8VevQiDN5HTPl3',
  ])('accepts %s', (url) => expect(isThreadPage(new URL(url))).toBe(true));

  it.each([
    'https://outlook.office.com/mail/inbox',
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.evil.example/mail/inbox/id/AAQk',
  ])('rejects %s', (url) => expect(isThreadPage(new URL(url))).toBe(false));

  it('decodes the id in the route', () => {
    expect(idFromUrl(new URL('https://outlook.office.com/mail/inbox/id/AAQkAD%2Bx%2Fy'))).toBe('AAQkAD+x/y');
    expect(idFromUrl(new URL('https://outlook.office.com/mail/inbox'))).toBeNull();
  });
});
