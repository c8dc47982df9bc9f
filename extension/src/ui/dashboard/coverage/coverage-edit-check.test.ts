import { describe, expect, it } from 'vitest';
import type { MediaCoverage } from '@comms-log/shared';
import { checkCoverageEdit, coverageDraft } from './coverage-edit-check';

const item: MediaCoverage = {
  id: 'C1',
  outletStakeholderId: 'daily',
  title: 'Battery recall questions',
  url: 'https://news.example/recall',
  publishedAt: '2026-03-10T02:00:00Z',
  tone: null,
  reach: null,
  eventTag: null,
  clarifiedAt: null,
  userId: 'u1',
  createdAt: '2026-03-10T02:00:00Z',
  updatedAt: '2026-03-10T02:00:00Z',
};
const zone = 'Asia/Shanghai';
const now = Date.parse('2026-03-20T00:00:00Z');

describe('checkCoverageEdit', () => {
  it('turns the fields into an update, times read in the plan’s zone and empty fields cleared', () => {
    const d = { tone: 'negative', reach: '12000', eventTag: ' recall ', clarifiedAt: '2026-03-11T09:30' } as const;
    expect(checkCoverageEdit(item, d, zone, now)).toEqual({
      problems: [],
      update: {
        id: 'C1',
        tone: 'negative',
        reach: 12000,
        eventTag: 'recall',
        clarifiedAt: '2026-03-11T09:30:00+08:00',
      },
    });
    expect(checkCoverageEdit(item, coverageDraft(item, zone), zone, now).update).toEqual({
      id: 'C1',
      tone: null,
      reach: null,
      eventTag: null,
      clarifiedAt: null,
    });
  });

  it('names a bad reach, a clarification of a report that is not negative, before publication or to come', () => {
    const base = { tone: 'negative', reach: '', eventTag: '', clarifiedAt: '' } as const;
    expect(checkCoverageEdit(item, { ...base, reach: '-3' }, zone, now).problems).toEqual([
      { kind: 'reach', value: '-3' },
    ]);
    expect(
      checkCoverageEdit(item, { ...base, tone: 'neutral', clarifiedAt: '2026-03-11T09:30' }, zone, now).problems,
    ).toEqual([{ kind: 'clarifiedNotNegative' }]);
    // 09:59 in Shanghai is 01:59 UTC, a minute before the report came out.
    expect(checkCoverageEdit(item, { ...base, clarifiedAt: '2026-03-10T09:59' }, zone, now).problems).toEqual([
      { kind: 'clarifiedBeforePublished', publishedAt: item.publishedAt },
    ]);
    expect(checkCoverageEdit(item, { ...base, clarifiedAt: '2026-04-01T09:00' }, zone, now).problems).toEqual([
      { kind: 'clarifiedFuture' },
    ]);
  });
});
