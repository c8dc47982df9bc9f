import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES, defaultPlan } from '@comms-log/shared/domain';
import type { InteractionData, Purpose } from '@comms-log/shared';
import { lastPurposes } from '../outbox/last-purpose';
import { CommsLogDb } from '../outbox/local-db';
import { enqueueInteractions } from '../outbox/queue';
import { offeredPurposes, planPurposes, preselectedPurpose, purposeLabel } from './purpose-choice';

const anyType: Purpose = {
  id: 'event_invite',
  stakeholderType: null,
  label: { en: 'Event invitation', zh: '活动邀请' },
};
const retired: Purpose = {
  id: 'old_survey',
  stakeholderType: 'customer',
  label: { en: 'Old survey', zh: '旧调查' },
  retired: true,
};
const purposes = [...DEFAULT_PURPOSES, anyType, retired];
const ids = (ps: readonly Purpose[]) => ps.map((p) => p.id);

describe('offeredPurposes', () => {
  it("offers the type's purposes and those for any type, never a retired one", () => {
    expect(ids(offeredPurposes(purposes, 'customer'))).toEqual([
      'product_feedback',
      'satisfaction_survey',
      'market_research',
      'complaint',
      'event_invite',
    ]);
    expect(ids(offeredPurposes(purposes, 'investor'))).toEqual(['event_invite']);
    expect(ids(offeredPurposes(purposes, null))).toEqual(['event_invite']);
  });

  it("uses the default plan's purposes when the cached plan lists none", () => {
    expect(planPurposes({})).toBe(DEFAULT_PURPOSES);
    expect(planPurposes(defaultPlan)).toEqual(DEFAULT_PURPOSES);
    expect(planPurposes({ purposes: [anyType] })).toEqual([anyType]);
  });
});

describe('preselectedPurpose', () => {
  const customer = offeredPurposes(purposes, 'customer');
  it("takes the thread's last purpose first, then the stakeholder's, else none", () => {
    expect(preselectedPurpose(customer, { thread: 'complaint', stakeholder: 'market_research' })).toBe('complaint');
    expect(preselectedPurpose(customer, { thread: null, stakeholder: 'market_research' })).toBe('market_research');
    expect(preselectedPurpose(customer, { thread: null, stakeholder: null })).toBeNull();
  });

  it('passes over a purpose the form does not offer (retired, or of another type)', () => {
    expect(preselectedPurpose(customer, { thread: 'old_survey', stakeholder: 'complaint' })).toBe('complaint');
    expect(preselectedPurpose(customer, { thread: 'press_release', stakeholder: 'risk_sharing' })).toBeNull();
  });

  it('labels a purpose in the UI language', () => {
    expect(purposeLabel(anyType, 'en')).toBe('Event invitation');
    expect(purposeLabel(anyType, 'zh_CN')).toBe('活动邀请');
  });
});

describe('lastPurposes', () => {
  let db: CommsLogDb;
  let n = 0;
  beforeEach(async () => {
    db = new CommsLogDb(`purpose-test-${n++}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function row(id: string, over: Partial<InteractionData>): InteractionData {
    return {
      id,
      source: 'gmail',
      externalId: id,
      threadKey: 'gmail:T1',
      channel: 'email',
      direction: 'inbound',
      occurredAt: '2026-03-09T09:00:00+08:00',
      stakeholderId: 'S1',
      stakeholderType: 'customer',
      author: { name: 'Ann', handle: 'ann@customer.com' },
      title: null,
      snippet: null,
      url: null,
      durationMin: null,
      note: null,
      automated: false,
      internal: false,
      purpose: null,
      ...over,
    };
  }

  it("reads the thread's and the stakeholder's latest message that has a purpose", async () => {
    await enqueueInteractions(db, [
      row('A', { occurredAt: '2026-03-09T09:00:00+08:00', purpose: 'market_research' }),
      row('B', { occurredAt: '2026-03-10T09:00:00+08:00', purpose: 'complaint' }),
      // Later but without a purpose: it does not hide the complaint.
      row('C', { occurredAt: '2026-03-11T09:00:00+08:00', purpose: null }),
      // Another thread of the same stakeholder, the latest of all.
      row('D', { threadKey: 'manual:D', occurredAt: '2026-03-12T09:00:00+08:00', purpose: 'product_feedback' }),
    ]);
    expect(await lastPurposes(db, 'gmail:T1', 'S1')).toEqual({ thread: 'complaint', stakeholder: 'product_feedback' });
    expect(await lastPurposes(db, 'gmail:new', 'S2')).toEqual({ thread: null, stakeholder: null });
    expect(await lastPurposes(db, null, null)).toEqual({ thread: null, stakeholder: null });
  });

  it('ignores deleted messages', async () => {
    await enqueueInteractions(db, [row('A', { purpose: 'complaint' })]);
    await db.interactions.update('A', { deleted: true });
    expect(await lastPurposes(db, 'gmail:T1', 'S1')).toEqual({ thread: null, stakeholder: null });
  });
});
