import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { listStakeholders } from '../services/directory/stakeholders';
import { exportStakeholder } from '../services/erasure/export';
import { listTokens } from '../services/org/tokens';
import { listUsers } from '../services/org/users';
import { readSettings } from '../services/org/settings';
import { listSiteHealth } from '../services/site-health/report';
import { freshOrgPerTest, interactionData, pushAccepted, testStakeholder, type TestOrg } from '../testing/test-org';

/*
 * A procedure's `.output()` schema checks its answer and strips keys it does not list: these compare each answer
 * through the router with what its service returns, so a schema that forgot a field, or refused a real answer,
 * fails here. The records are filled in so that nullable and optional fields carry values.
 */

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const T0 = Date.parse('2026-03-01T00:00:00Z');
const admin = () => ({ db: handle.db, user: t.admin.user });

/** A media outlet with an identity, two interactions of a resolved thread, a follow-up, a survey and coverage. */
async function seedOutlet() {
  const outlet = await testStakeholder(handle, t, T0, 'Daily Probe', { type: 'media', organization: 'Probe Media' });
  await t.manager.caller.directory.addIdentity({
    stakeholderId: outlet.id,
    identity: { kind: 'email', value: 'desk@probe.cn' },
  });
  const author = { name: 'Desk', handle: 'desk@probe.cn' };
  await pushAccepted(t.staff, [
    interactionData({ threadKey: 'gmail:p1', stakeholderId: outlet.id, stakeholderType: 'media', author }),
    interactionData({
      threadKey: 'gmail:p1',
      stakeholderId: outlet.id,
      stakeholderType: 'media',
      direction: 'outbound',
      occurredAt: '2026-03-09T11:00:00+08:00',
      author: { name: 'Sam', handle: null },
    }),
  ]);
  await t.staff.caller.threads.resolve({ threadKey: 'gmail:p1', resolvedAt: '2026-03-09T12:00:00+08:00' });
  const followupId = ulid();
  await t.staff.caller.sync.push({
    items: [
      {
        op: 'upsert',
        entity: 'followup',
        id: followupId,
        data: { id: followupId, dueAt: '2026-03-12T10:00:00+08:00', stakeholderId: outlet.id, note: 'call back' },
      },
    ],
  });
  await t.staff.caller.evaluations.recordSurvey({
    id: ulid(),
    instrument: 'csat',
    score: 4,
    stakeholderId: outlet.id,
    stakeholderType: 'media',
    answeredAt: '2026-03-10',
  });
  await t.manager.caller.evaluations.recordCoverage({
    id: ulid(),
    outletStakeholderId: outlet.id,
    title: 'Probe story',
    url: 'https://probe.example/a',
    publishedAt: '2026-03-10T09:00:00+08:00',
    tone: 'positive',
  });
  return outlet;
}

describe('procedure outputs', () => {
  it('privacy.export answers every field its service returns', async () => {
    const outlet = await seedOutlet();
    const answer = await t.admin.caller.privacy.export({ stakeholderId: outlet.id });
    expect(answer.interactions).toHaveLength(2);
    expect(answer.threadOutcomes).toHaveLength(1);
    expect(answer.surveyResponses).toHaveLength(1);
    expect(answer.mediaCoverage).toHaveLength(1);
    const direct = await exportStakeholder(
      { ...admin(), now: Date.parse(answer.exportedAt) },
      { stakeholderId: outlet.id },
    );
    expect(answer).toEqual(direct);
  });

  it('directory.list, users.list and settings.get answer every field their services return', async () => {
    await seedOutlet();
    await t.admin.caller.settings.update({
      orgNeverLog: [{ kind: 'domain', value: 'private.cn' }],
      myNeverLog: [{ kind: 'email', value: 'me@home.cn' }],
    });
    const list = { offset: 0, limit: 50 };
    expect(await t.admin.caller.directory.list(list)).toEqual(await listStakeholders(admin(), list));
    expect(await t.admin.caller.users.list()).toEqual(await listUsers(admin()));
    const settings = await t.admin.caller.settings.get();
    expect(settings.neverLog.org).toHaveLength(1);
    expect(settings).toEqual(await readSettings(admin()));
  });

  it('auth.tokens.* answer every field their services return', async () => {
    const issued = await t.admin.caller.auth.tokens.create({ name: 'laptop', expiresInDays: 30 });
    expect(Object.keys(issued).sort()).toEqual(['createdAt', 'expiresAt', 'hint', 'id', 'name', 'token', 'userId']);
    const revoked = await t.admin.caller.auth.tokens.revoke({ id: issued.id });
    expect(Object.keys(revoked).sort()).toEqual(['id', 'revokedAt']);
    const input = { includeRevoked: true };
    const tokens = await t.admin.caller.auth.tokens.list(input);
    expect(tokens.find((k) => k.id === issued.id)?.revokedAt).toBe(revoked.revokedAt);
    expect(tokens).toEqual(await listTokens(admin(), input));
  });

  it('siteHealth.* answer every field their services return', async () => {
    const failure = {
      site: 'gmail' as const,
      adapterVersion: '1.2.0',
      field: 'thread.subject',
      host: 'mail.google.com',
      count: 3,
      firstAt: '2026-03-09T10:00:00+08:00',
      lastAt: '2026-03-09T11:00:00+08:00',
    };
    expect(await t.staff.caller.siteHealth.report({ clientId: 'browser-one', failures: [failure] })).toEqual({
      stored: 1,
    });
    const health = await t.admin.caller.siteHealth.list();
    expect(health).toHaveLength(1);
    expect(health).toEqual(await listSiteHealth(admin()));
  });
});
