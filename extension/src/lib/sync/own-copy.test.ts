import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommsLogDb, type LocalFollowup, type LocalInteraction } from '../outbox/local-db';
import { enqueueInteractions, enqueueStakeholder, pendingPush, pendingStakeholders } from '../outbox/queue';
import { enqueueThreadOutcome } from '../outbox/thread-outcomes';
import { claimCopy, releaseCopy } from './own-copy';
import { logged } from '../users/testing/people';

let n = 0;
let db: CommsLogDb;

const alice = { id: 'alice', label: 'alice@example.cn' };
const bob = { id: 'bob', label: 'bob@example.cn' };

const interaction = (id: string, userId: string | undefined, pending = false) =>
  ({ id, threadKey: `gmail:${id}`, occurredAt: '2026-03-09T02:00:00.000Z', userId, pending }) as LocalInteraction;
const followup = (id: string, userId: string | undefined, pending = false) =>
  ({ id, dueAt: '2026-03-10T01:00:00.000Z', status: 'open', userId, pending }) as LocalFollowup;

/** A manager's copy from before pull took a scope: the org's rows, and a cursor past them. */
async function orgCopy() {
  await db.interactions.bulkPut([
    interaction('mine', 'me'),
    interaction('theirs', 'sam'),
    interaction('queued', undefined, true),
    interaction('theirs-edited-here', 'sam', true),
  ]);
  await db.followups.bulkPut([followup('my-reminder', 'me'), followup('their-reminder', 'tao')]);
  await db.meta.put({ key: 'cursor', value: 42 });
}

const ids = async () => ({
  interactions: (await db.interactions.toArray()).map((i) => i.id).sort(),
  followups: (await db.followups.toArray()).map((f) => f.id).sort(),
  cursor: (await db.meta.get('cursor'))?.value,
});

const pushable = async (me: string | null) => (await pendingPush(db, 500, me)).map((i) => i.id).sort();

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommsLogDb(`own-copy-${n++}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('claimCopy: the org copy of an older version', () => {
  it("drops others' synced rows once, keeps the cursor, and keeps what the outbox holds", async () => {
    await orgCopy();
    expect(await claimCopy(db, { id: 'me', label: 'me@example.cn' })).toEqual({ kind: 'narrowed', dropped: 2 });
    expect(await ids()).toEqual({
      interactions: ['mine', 'queued', 'theirs-edited-here'],
      followups: ['my-reminder'],
      cursor: 42,
    });
    await db.interactions.put(interaction('pulled-later', 'sam'));
    expect(await claimCopy(db, { id: 'me', label: 'me@example.cn' })).toEqual({ kind: 'same' });
    expect((await ids()).interactions).toContain('pulled-later');
  });
});

describe('claimCopy: another user signs in', () => {
  /** Alice's copy: a pulled row, a log, a stakeholder, a reminder and a resolve still queued, by her. */
  async function alicesCopy() {
    await claimCopy(db, alice);
    db.signedIn = alice;
    await db.interactions.put(interaction('pulled', 'alice'));
    await enqueueStakeholder(db, 'local:S1', { name: 'Customer Co', type: 'customer' });
    await enqueueInteractions(db, [logged('A1', 'local:S1'), logged('A2')], {
      followup: { id: 'F1', stakeholderId: null, interactionId: 'A2', dueAt: '2026-03-12T01:00:00.000Z', note: 'call' },
    } as never);
    await enqueueThreadOutcome(db, 'O1', { threadKey: 'gmail:A2', event: 'resolved', at: '2026-03-09T03:00:00.000Z' });
    await db.meta.put({ key: 'cursor', value: 17 });
  }

  it("keeps her queued rows hers: Bob's sync pushes none, and sees none of her copy", async () => {
    await alicesCopy();
    db.signedIn = bob;
    expect(await claimCopy(db, bob)).toEqual({ kind: 'switched', from: 'alice' });
    expect(await ids()).toEqual({ interactions: [], followups: [], cursor: 0 });
    expect(await db.stakeholders.count()).toBe(0);
    expect(await db.threadOutcomes.count()).toBe(0);
    expect(await pushable('bob')).toEqual([]);
    expect(await pendingStakeholders(db, 'bob')).toEqual([]);
    expect((await db.outbox.toArray()).map((r) => [r.key, r.owner?.id])).toEqual([
      ['stakeholder:local:S1', 'alice'],
      ['interaction:A1', 'alice'],
      ['interaction:A2', 'alice'],
      ['followup:F1', 'alice'],
      ['thread_outcome:O1', 'alice'],
    ]);
    // Bob's own log goes up as his.
    await enqueueInteractions(db, [logged('B1')]);
    expect(await pushable('bob')).toEqual(['B1']);
  });

  it('gives her copy of her queued records back when she signs in again, and her sync pushes them', async () => {
    await alicesCopy();
    db.signedIn = bob;
    await claimCopy(db, bob);
    await enqueueInteractions(db, [logged('B1')]);
    db.signedIn = alice;
    expect(await claimCopy(db, alice)).toEqual({ kind: 'switched', from: 'bob' });
    const local = await db.interactions.toArray();
    expect(local.map((i) => [i.id, i.pending, i.stakeholderId]).sort()).toEqual([
      ['A1', true, 'local:S1'],
      ['A2', true, null],
    ]);
    expect((await db.followups.toArray()).map((f) => [f.id, f.pending])).toEqual([['F1', true]]);
    expect((await db.stakeholders.toArray()).map((s) => [s.id, s.name, s.pending])).toEqual([
      ['local:S1', 'Customer Co', true],
    ]);
    expect((await db.threadOutcomes.toArray()).map((o) => [o.id, o.event, o.pending])).toEqual([
      ['O1', 'resolved', true],
    ]);
    expect((await pendingStakeholders(db, 'alice')).map((s) => s.localId)).toEqual(['local:S1']);
    // A1 waits for its stakeholder to be created first, as before the switch.
    expect(await pushable('alice')).toEqual(['A2', 'F1', 'O1']);
    expect(await pushable('bob')).toEqual(['B1']);
    expect((await db.meta.get('cursor'))?.value).toBe(0);
  });

  it('gives rows written before the background knew who was signed in to the copy they were written into', async () => {
    await claimCopy(db, alice);
    await enqueueInteractions(db, [logged('A1')]);
    expect((await db.outbox.toArray())[0]!.owner).toBeUndefined();
    await claimCopy(db, bob);
    expect((await db.outbox.toArray())[0]!.owner).toEqual(alice);
    expect(await pushable('bob')).toEqual([]);
  });
});

describe('releaseCopy: signing out', () => {
  it('empties the copy and keeps the outbox; what is logged signed out goes with the next sign-in', async () => {
    await claimCopy(db, alice);
    db.signedIn = alice;
    await db.interactions.put(interaction('pulled', 'alice'));
    await enqueueInteractions(db, [logged('A1')]);
    db.signedIn = null;
    expect(await releaseCopy(db)).toBe('alice');
    expect(await releaseCopy(db)).toBeNull();
    expect(await ids()).toEqual({ interactions: [], followups: [], cursor: 0 });
    await enqueueInteractions(db, [logged('X1')]);

    expect(await claimCopy(db, bob)).toEqual({ kind: 'switched', from: '' });
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['X1']);
    expect(await pushable('bob')).toEqual(['X1']);
    expect((await db.outbox.toArray()).map((r) => [r.id, r.owner?.id])).toEqual([
      ['A1', 'alice'],
      ['X1', 'bob'],
    ]);
  });
});
