import { describe, expect, it } from 'vitest';
import { interactionInputSchema } from './interaction';

/*
 * What the interaction schema says of good and bad items, issue by issue: the instants' and identifiers' checks were
 * made cheaper (one pass each) and must still accept, refuse and word their refusals exactly as before.
 */

const good = {
  id: '01M1FYXQE8YNKHX2RH9446W7Z9',
  source: 'outlook',
  externalId: '00fb8600000001-1',
  threadKey: 'outlook:00fb8600000001',
  channel: 'email',
  direction: 'inbound',
  occurredAt: '2026-09-02T02:24:45.000Z',
  stakeholderId: '01J00000000000000000000006',
  stakeholderType: 'media',
  author: { name: 'Zhang Ying', handle: 'zhang.ying@example.com' },
  title: 'Press kit',
  url: 'https://outlook.office.com/mail/inbox/id/AAQk00fb8600000001',
  dueAt: null,
};

const NUL = '\u0000';
const loneHigh = '\uD83D';
const pair = '\uD83D\uDE00';

const variants: Record<string, Record<string, unknown>> = {
  good: {},
  'a pair in an identifier': { threadKey: `outlook:${pair}` },
  'tab, LF and CR in an identifier': { externalId: 'a\tb\nc\rd' },
  'NUL in an identifier': { threadKey: `outlook:1${NUL}x` },
  'a lone surrogate in an identifier': { externalId: `x${loneHigh}` },
  'both in a handle': { author: { name: 'A', handle: `a${NUL}${loneHigh}` } },
  'NUL in a link': { url: `https://example.com/${NUL}` },
  'a script link': { url: 'javascript:alert(1)' },
  'NUL in free text (removed)': { title: `Press${NUL} kit${loneHigh}` },
  'not a date': { occurredAt: 'garbage' },
  'no such day': { occurredAt: '2026-02-30T09:12:00Z' },
  'no offset': { occurredAt: '2026-03-10T09:12:00' },
  'after the range': { occurredAt: '2101-01-01T00:00:00Z' },
  'before the range, after its offset': { occurredAt: '1970-01-01T07:59:59+08:00' },
  'a bad due time': { dueAt: '9999-12-31T23:59:59-14:00' },
  'a number as an instant': { occurredAt: 1_700_000_000_000 },
  'a number as an identifier': { threadKey: 42 },
  'more attended than invited': { invited: 2, attended: 3 },
  'an unknown key': { extra: 1 },
};

const verdict = (data: unknown) => {
  const parsed = interactionInputSchema.safeParse(data);
  return parsed.success
    ? { ok: parsed.data }
    : { refused: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
};

describe('interactionInputSchema verdicts', () => {
  it('accepts and refuses each item as before, with the same messages', () => {
    const verdicts = Object.fromEntries(
      Object.entries(variants).map(([name, v]) => [name, verdict({ ...good, ...v })]),
    );
    expect(verdicts).toMatchInlineSnapshot(`
      {
        "NUL in a link": {
          "refused": [
            "url: must not contain control characters such as NUL (U+0000)",
          ],
        },
        "NUL in an identifier": {
          "refused": [
            "threadKey: must not contain control characters such as NUL (U+0000)",
          ],
        },
        "NUL in free text (removed)": {
          "ok": {
            "author": {
              "handle": "zhang.ying@example.com",
              "name": "Zhang Ying",
            },
            "automated": false,
            "channel": "email",
            "direction": "inbound",
            "dueAt": null,
            "durationMin": null,
            "externalId": "00fb8600000001-1",
            "id": "01M1FYXQE8YNKHX2RH9446W7Z9",
            "internal": false,
            "note": null,
            "occurredAt": "2026-09-02T02:24:45.000Z",
            "purpose": null,
            "snippet": null,
            "source": "outlook",
            "stakeholderId": "01J00000000000000000000006",
            "stakeholderType": "media",
            "threadKey": "outlook:00fb8600000001",
            "title": "Press kit",
            "url": "https://outlook.office.com/mail/inbox/id/AAQk00fb8600000001",
          },
        },
        "a bad due time": {
          "refused": [
            "dueAt: must lie between 1970-01-01T00:00:00Z and 2100-12-31T23:59:59Z",
          ],
        },
        "a lone surrogate in an identifier": {
          "refused": [
            "externalId: must be well-formed Unicode: it contains half of a surrogate pair",
          ],
        },
        "a number as an identifier": {
          "refused": [
            "threadKey: Invalid input: expected string, received number",
          ],
        },
        "a number as an instant": {
          "refused": [
            "occurredAt: must be an ISO 8601 date and time with an offset or Z, e.g. 2026-04-22T10:30:00+08:00 (a time without an offset is ambiguous)",
          ],
        },
        "a pair in an identifier": {
          "ok": {
            "author": {
              "handle": "zhang.ying@example.com",
              "name": "Zhang Ying",
            },
            "automated": false,
            "channel": "email",
            "direction": "inbound",
            "dueAt": null,
            "durationMin": null,
            "externalId": "00fb8600000001-1",
            "id": "01M1FYXQE8YNKHX2RH9446W7Z9",
            "internal": false,
            "note": null,
            "occurredAt": "2026-09-02T02:24:45.000Z",
            "purpose": null,
            "snippet": null,
            "source": "outlook",
            "stakeholderId": "01J00000000000000000000006",
            "stakeholderType": "media",
            "threadKey": "outlook:😀",
            "title": "Press kit",
            "url": "https://outlook.office.com/mail/inbox/id/AAQk00fb8600000001",
          },
        },
        "a script link": {
          "refused": [
            "url: must be a web link starting with http:// or https:// (e.g. https://example.com/page)",
          ],
        },
        "after the range": {
          "refused": [
            "occurredAt: must lie between 1970-01-01T00:00:00Z and 2100-12-31T23:59:59Z",
          ],
        },
        "an unknown key": {
          "refused": [
            ": Unrecognized key: "extra"",
          ],
        },
        "before the range, after its offset": {
          "refused": [
            "occurredAt: must lie between 1970-01-01T00:00:00Z and 2100-12-31T23:59:59Z",
          ],
        },
        "both in a handle": {
          "refused": [
            "author.handle: must not contain control characters such as NUL (U+0000)",
            "author.handle: must be well-formed Unicode: it contains half of a surrogate pair",
          ],
        },
        "good": {
          "ok": {
            "author": {
              "handle": "zhang.ying@example.com",
              "name": "Zhang Ying",
            },
            "automated": false,
            "channel": "email",
            "direction": "inbound",
            "dueAt": null,
            "durationMin": null,
            "externalId": "00fb8600000001-1",
            "id": "01M1FYXQE8YNKHX2RH9446W7Z9",
            "internal": false,
            "note": null,
            "occurredAt": "2026-09-02T02:24:45.000Z",
            "purpose": null,
            "snippet": null,
            "source": "outlook",
            "stakeholderId": "01J00000000000000000000006",
            "stakeholderType": "media",
            "threadKey": "outlook:00fb8600000001",
            "title": "Press kit",
            "url": "https://outlook.office.com/mail/inbox/id/AAQk00fb8600000001",
          },
        },
        "more attended than invited": {
          "refused": [
            "attended: More attended than invited: attended must be at most invited (and invited given)",
          ],
        },
        "no offset": {
          "refused": [
            "occurredAt: must be an ISO 8601 date and time with an offset or Z, e.g. 2026-04-22T10:30:00+08:00 (a time without an offset is ambiguous)",
          ],
        },
        "no such day": {
          "refused": [
            "occurredAt: must be an ISO 8601 date and time with an offset or Z, e.g. 2026-04-22T10:30:00+08:00 (a time without an offset is ambiguous)",
          ],
        },
        "not a date": {
          "refused": [
            "occurredAt: must be an ISO 8601 date and time with an offset or Z, e.g. 2026-04-22T10:30:00+08:00 (a time without an offset is ambiguous)",
            "occurredAt: is not a real date and time",
          ],
        },
        "tab, LF and CR in an identifier": {
          "ok": {
            "author": {
              "handle": "zhang.ying@example.com",
              "name": "Zhang Ying",
            },
            "automated": false,
            "channel": "email",
            "direction": "inbound",
            "dueAt": null,
            "durationMin": null,
            "externalId": "a	b
      c
      d",
            "id": "01M1FYXQE8YNKHX2RH9446W7Z9",
            "internal": false,
            "note": null,
            "occurredAt": "2026-09-02T02:24:45.000Z",
            "purpose": null,
            "snippet": null,
            "source": "outlook",
            "stakeholderId": "01J00000000000000000000006",
            "stakeholderType": "media",
            "threadKey": "outlook:00fb8600000001",
            "title": "Press kit",
            "url": "https://outlook.office.com/mail/inbox/id/AAQk00fb8600000001",
          },
        },
      }
    `);
  });
});
