import { ulid } from 'ulid';
import { defaultPlan } from '@comms-log/shared';
import type { ProbeRecords } from './probe-org';

/*
 * Test files only: well-formed inputs of every procedure, naming the records of an org seeded by `seedProbeOrg`.
 * The authorization matrix calls them with another org's records; the input fuzz starts from them with the
 * caller's own and changes one field at a time. A procedure added to the router needs a row here.
 */

const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
const filterNaming = (b: ProbeRecords) => ({ ...period, userId: [b.userIds[2]!], stakeholderId: [b.stakeholderId] });
const interaction = (b: ProbeRecords, over: Record<string, unknown>) => {
  const id = (over.id as string | undefined) ?? ulid();
  const data = {
    id,
    source: 'gmail',
    externalId: null,
    threadKey: b.threadKey,
    channel: 'email',
    direction: 'inbound',
    occurredAt: '2026-03-09T10:00:00+08:00',
    stakeholderId: null,
    stakeholderType: 'customer',
    author: { name: 'Probe', handle: 'probe@probe.cn' },
    ...over,
  };
  return { op: 'upsert', entity: 'interaction', id, data };
};
/** Inputs of each procedure naming `b`'s records: several when the procedure names records of several kinds. */
export const procedureExamples: Record<string, (b: ProbeRecords) => unknown[]> = {
  'auth.whoami': () => [undefined],
  'auth.tokens.list': (b) => [{ userId: b.userIds[2] }],
  'auth.tokens.create': (b) => [{ name: 'probe', userId: b.userIds[2] }],
  'auth.tokens.revoke': (b) => [{ id: b.tokenId }],
  'audit.list': () => [{ since: period.from, limit: 50 }],
  'privacy.export': (b) => [{ stakeholderId: b.stakeholderId }],
  'privacy.erase': (b) => [{ stakeholderId: b.stakeholderId }],
  'privacy.allowHandle': () => [{ kind: 'email', value: 'probe@probe.cn' }],
  'sync.push': (b) => [
    { items: [interaction(b, { id: b.interactionIds[0] })] },
    { items: [interaction(b, { stakeholderId: b.stakeholderId })] },
    { items: [{ op: 'delete', entity: 'interaction', id: b.interactionIds[1] }] },
    { items: [{ op: 'delete', entity: 'followup', id: b.followupId }] },
    { items: [{ op: 'delete', entity: 'coverage', id: b.coverageId }] },
    {
      items: [
        {
          op: 'upsert',
          entity: 'thread_outcome',
          id: ulid(),
          data: { threadKey: b.threadKey, event: 'reopened', at: '2026-03-10T09:00:00+08:00' },
        },
      ],
    },
  ],
  'sync.pull': () => [{ cursor: 0 }],
  'directory.list': (b) => [{ ownerUserId: b.userIds[2] }],
  'directory.get': (b) => [{ id: b.stakeholderId }],
  'directory.create': (b) => [{ name: 'Probe', type: 'customer', ownerUserId: b.userIds[2] }],
  'directory.update': (b) => [{ id: b.stakeholderId, name: 'Probe' }],
  'directory.delete': (b) => [{ id: b.stakeholderId }],
  'directory.addIdentity': (b) => [
    { stakeholderId: b.stakeholderId, identity: { kind: 'email', value: 'new@probe.cn' } },
  ],
  'directory.removeIdentity': (b) => [{ id: b.identityId }],
  'directory.match': () => [{ handles: [{ kind: 'email', value: 'buyer@theirs.cn' }] }],
  'directory.importCsv': (b) => [{ csv: `name,type,owner_email\nProbe,customer,${b.userEmails[2]}\n`, dryRun: true }],
  'directory.merge': (b) => [{ keepId: b.stakeholderId, mergeId: b.outletId }],
  'directory.suggestions': () => [{}],
  'directory.assignHandle': (b) => [{ kind: 'email', value: 'buyer@theirs.cn', stakeholderId: b.stakeholderId }],
  'directory.dismissHandle': () => [{ kind: 'email', value: 'buyer@theirs.cn' }],
  'directory.undismissHandle': () => [{ kind: 'email', value: 'buyer@theirs.cn' }],
  'plan.get': () => [undefined],
  'plan.update': () => [defaultPlan, { sla: defaultPlan.sla }],
  'plan.recomputePreview': () => [undefined],
  'plan.recompute': () => [undefined],
  'plan.publicHolidays': () => [
    { from: 2026, to: 2026 },
    { country: 'DE', from: 2026, to: 2027 },
  ],
  'settings.get': () => [undefined],
  'settings.update': () => [{ myNeverLog: [{ kind: 'domain', value: 'theirs.cn' }] }],
  'mail.getSchedule': () => [undefined],
  'mail.setSchedule': () => [{ cadence: 'weekly', recipients: [{ email: 'boss@probe.cn', language: 'zh-CN' }] }],
  'mail.sends': () => [{ limit: 10 }],
  'users.list': () => [undefined],
  'users.create': () => [{ name: 'Probe', email: `${ulid()}@probe.cn` }],
  'users.update': (b) => [{ id: b.userIds[2], name: 'Probe' }],
  'siteHealth.report': () => [
    {
      clientId: 'probe-client-0001',
      failures: [
        {
          site: 'jira',
          adapterVersion: '0.1.0',
          field: 'commentAuthor',
          host: 'probe.atlassian.net',
          count: 2,
          firstAt: '2026-03-09T10:00:00+08:00',
          lastAt: '2026-03-09T11:00:00+08:00',
        },
      ],
    },
  ],
  'siteHealth.list': () => [undefined],
  'jobs.get': () => [{ id: ulid() }],
  'jobs.list': () => [{}, { running: true }],
  'metrics.totals': (b) => [{ filter: filterNaming(b) }],
  'metrics.responseTimes': (b) => [{ filter: filterNaming(b) }],
  'metrics.coverage': () => [{}],
  'metrics.cadence': (b) => [{ stakeholderId: [b.stakeholderId] }, { ownerUserId: [b.userIds[2]] }],
  'metrics.interactions': (b) => [
    { filter: filterNaming(b) },
    { filter: period, key: { stakeholder: b.stakeholderId } },
  ],
  'metrics.threads': (b) => [{ filter: filterNaming(b) }],
  'followups.overdue': (b) => [{ userId: b.userIds[2] }],
  'followups.list': (b) => [{ userId: b.userIds[2] }],
  'followups.create': (b) => [{ id: ulid(), dueAt: '2026-03-10T09:00:00+08:00', stakeholderId: b.stakeholderId }],
  'followups.complete': (b) => [{ id: b.followupId }],
  'followups.snooze': (b) => {
    const until = '2026-03-20T09:00:00+08:00';
    return [
      { kind: 'followup', id: b.followupId, until },
      { kind: 'wait', id: b.interactionIds[2], until },
      { kind: 'cadence', id: b.stakeholderId, until },
    ];
  },
  'followups.closeWait': (b) => [{ interactionId: b.interactionIds[2], reason: 'probe' }],
  'followups.closures': (b) => [{ userId: [b.userIds[2]] }],
  'followups.team': (b) => [{ userId: b.userIds[2] }],
  'reports.period': (b) => [{ filter: filterNaming(b) }],
  'reports.goals': (b) => [{ filter: filterNaming(b) }],
  'reports.save': (b) => [
    { filter: filterNaming(b), language: 'zh-CN', texts: { caseNotes: [{ threadKey: b.threadKey, note: 'probe' }] } },
  ],
  'reports.list': () => [{ period: period }],
  'reports.get': (b) => [{ id: b.editionId }],
  'reports.compare': (b) => [{ before: b.editionId, after: b.editionId }],
  'threads.get': (b) => [{ threadKey: b.threadKey }],
  'threads.resolve': (b) => [{ threadKey: `${b.threadKey}-2`, resolvedAt: '2026-03-10T09:00:00+08:00' }],
  'threads.reopen': (b) => [{ threadKey: b.threadKey }],
  'evaluations.recordSurvey': (b) => [
    {
      id: ulid(),
      instrument: 'csat',
      score: 4,
      stakeholderId: b.stakeholderId,
      stakeholderType: 'customer',
      answeredAt: '2026-03-10',
    },
  ],
  'evaluations.importSurveysCsv': (b) => [
    {
      csv: `instrument,score,scale,stakeholder,stakeholder_type,dimension,answered_at,comment\ncsat,4,,${b.stakeholderId},customer,,2026-03-10,\n`,
      dryRun: true,
    },
  ],
  'evaluations.listSurveys': (b) => [{ stakeholderId: b.stakeholderId }],
  'evaluations.recordCoverage': (b) => [
    {
      id: ulid(),
      outletStakeholderId: b.outletId,
      title: 'Probe',
      url: 'https://probe.example/a',
      publishedAt: '2026-03-10T09:00:00+08:00',
      tone: null,
    },
  ],
  'evaluations.updateCoverage': (b) => [{ id: b.coverageId, title: 'x' }],
  'evaluations.importCoverageCsv': (b) => [
    {
      csv: `outlet,title,url,published_at,tone\n${b.outletId},Probe,https://probe.example/c,2026-03-10,negative\n`,
      dryRun: true,
    },
    { csv: `outlet,title,url,published_at\n${b.outletId},Probe,https://probe.example/d,2026-03-10\n` },
  ],
  'evaluations.listCoverage': (b) => [{ outletStakeholderId: b.outletId }],
  'evaluations.recordCost': () => [
    { id: ulid(), month: '2026-03', category: 'agency', amount: 12000, currency: 'CNY' },
    { id: ulid(), month: '2100-12', category: 'event', amount: 0, currency: 'USD' },
  ],
  'evaluations.setRevenue': () => [{ month: '2026-03', amount: 1e9, currency: 'CNY' }],
  'evaluations.listCosts': () => [{ from: '2026-01', to: '2026-12' }, {}],
  'activities.create': (b) => [
    {
      id: ulid(),
      title: 'Probe review',
      stakeholderType: null,
      stakeholderIds: [b.stakeholderId],
      channel: 'video',
      ownerUserId: b.userIds[2],
      startAt: '2026-03-20T10:00:00+08:00',
      endAt: '2026-03-20T11:00:00+08:00',
    },
  ],
  'activities.update': (b) => [
    { id: b.activityId, title: 'Probe' },
    { id: b.activityId, status: 'held', heldInteractionId: b.interactionIds[1] },
  ],
  'activities.list': (b) => [
    { ownerUserId: b.userIds[2] },
    { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
  ],
};
