import { describe, expect, it } from 'vitest';
import { addFailure } from './counts';

const jira = { site: 'jira' as const, adapterVersion: '0.1.0', field: 'commentAuthor', host: 'acme.atlassian.net' };

describe('site failure counts', () => {
  it('counts per site, version, field and host, keeping the first time seen', () => {
    let rows = addFailure([], jira, '2026-03-09T01:00:00.000Z');
    rows = addFailure(rows, jira, '2026-03-09T02:00:00.000Z');
    rows = addFailure(rows, { ...jira, field: 'commentTime' }, '2026-03-09T03:00:00.000Z');
    rows = addFailure(rows, { ...jira, adapterVersion: '0.2.0' }, '2026-03-09T04:00:00.000Z');
    expect(rows.find((r) => r.field === 'commentAuthor' && r.adapterVersion === '0.1.0')).toEqual({
      ...jira,
      count: 2,
      firstAt: '2026-03-09T01:00:00.000Z',
      lastAt: '2026-03-09T02:00:00.000Z',
      sentCount: 0,
    });
    expect(rows).toHaveLength(3);
  });

  it('keeps at most 200 counters, dropping the one seen longest ago', () => {
    let rows = addFailure([], { ...jira, field: 'oldest' }, '2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 200; i++)
      rows = addFailure(rows, { ...jira, field: `f${i}` }, `2026-03-09T00:00:${String(i % 60).padStart(2, '0')}.000Z`);
    expect(rows).toHaveLength(200);
    expect(rows.some((r) => r.field === 'oldest')).toBe(false);
  });
});
