import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { deadlineFor, defaultPlan, type SurveyResponseInput } from '@comms-log/shared';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

/** A customer owned by staff2, and an anonymous-free CSAT response about it. */
async function customer(over: { ownerUserId?: string | null; name?: string; email?: string } = {}) {
  return t.manager.caller.directory.create({
    name: over.name ?? 'Acme',
    type: 'customer',
    ownerUserId: over.ownerUserId === undefined ? t.staff2.user.id : over.ownerUserId,
    identities: [{ kind: 'email', value: over.email ?? 'buyer@acme.cn' }],
  });
}

const survey = (over: Partial<SurveyResponseInput> = {}): SurveyResponseInput => ({
  id: ulid(),
  instrument: 'csat',
  score: 4,
  stakeholderType: 'customer',
  answeredAt: '2026-03-10T09:00:00+08:00',
  ...over,
});

/** The org's follow-ups and change sequence, to tell that a refused call changed nothing. */
async function orgState() {
  const pulled = await t.manager.caller.sync.pull({ cursor: 0 });
  const surveys = await t.manager.caller.evaluations.listSurveys({});
  return { cursor: pulled.cursor, followups: pulled.followups.length, surveys: surveys.items.length };
}

describe('evaluations.recordSurvey', () => {
  it('stores a response with its stakeholder’s type; a bare date is midnight in the org’s zone', async () => {
    const acme = await customer();
    const res = await t.staff.caller.evaluations.recordSurvey(
      survey({ stakeholderId: acme.id, stakeholderType: 'partner', answeredAt: '2026-03-10', dimension: 'usability' }),
    );
    expect(res.followupId).toBeNull();
    expect(res.response).toMatchObject({
      instrument: 'csat',
      score: 4,
      scale: 5,
      stakeholderId: acme.id,
      stakeholderType: 'customer',
      dimension: 'usability',
      answeredAt: '2026-03-09T16:00:00.000Z',
      comment: null,
      userId: t.staff.user.id,
    });
    const nps = await t.staff.caller.evaluations.recordSurvey(survey({ instrument: 'nps', score: 9 }));
    expect(nps.response).toMatchObject({ scale: null, stakeholderId: null, stakeholderType: 'customer' });
  });

  it('turns a low score with a stakeholder into a follow-up for its owner, due the next working day', async () => {
    const acme = await customer();
    const before = Date.now();
    const res = await t.staff.caller.evaluations.recordSurvey(
      survey({ stakeholderId: acme.id, score: 2, dimension: 'service attitude' }),
    );
    expect(res.followupId).not.toBeNull();
    const { followups } = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(followups).toHaveLength(1);
    const f = followups[0]!;
    expect(f).toMatchObject({ id: res.followupId, userId: t.staff2.user.id, stakeholderId: acme.id, status: 'open' });
    expect(f.note).toBe('Low CSAT: 2/5 from Acme (service attitude): follow up.');
    const oneWorkingDay = (at: number) => deadlineFor(at, { value: 1, unit: 'working_days' }, defaultPlan.calendar)!;
    expect(Date.parse(f.dueAt)).toBeGreaterThanOrEqual(oneWorkingDay(before));
    expect(Date.parse(f.dueAt)).toBeLessThanOrEqual(oneWorkingDay(Date.now()));

    // No owner: the recorder follows up. A 7-point 3 (≈ 2.3 of 5) is not low; anonymous low scores have no one to call.
    const orphan = await customer({ ownerUserId: null, name: 'Orphan', email: 'o@orphan.cn' });
    const low = await t.staff.caller.evaluations.recordSurvey(
      survey({ stakeholderId: orphan.id, instrument: 'nps', score: 3 }),
    );
    await t.staff.caller.evaluations.recordSurvey(survey({ stakeholderId: orphan.id, score: 3, scale: 7 }));
    await t.staff.caller.evaluations.recordSurvey(survey({ score: 1 }));
    const after = (await t.manager.caller.sync.pull({ cursor: 0 })).followups;
    expect(after).toHaveLength(2);
    expect(after.find((x) => x.id === low.followupId)).toMatchObject({
      userId: t.staff.user.id,
      note: 'Low NPS: 3 from Orphan: follow up.',
    });
  });

  it('returns the stored response when the same id is recorded again', async () => {
    const acme = await customer();
    const input = survey({ stakeholderId: acme.id, score: 1 });
    const first = await t.staff.caller.evaluations.recordSurvey(input);
    const again = await t.staff.caller.evaluations.recordSurvey({ ...input, score: 5 });
    expect(again).toEqual({ response: first.response, followupId: null });
    expect((await orgState()).followups).toBe(1);
    await expect(t.staff2.caller.evaluations.recordSurvey(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad responses with a clear error and changes nothing', async () => {
    const acme = await customer();
    const before = await orgState();
    const s = t.staff.caller.evaluations;
    await expect(s.recordSurvey(survey({ score: 7 }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('A CSAT score of 7 is outside its 1–5 scale'),
    });
    await expect(s.recordSurvey(survey({ instrument: 'nps', score: 5, scale: 7 }))).rejects.toMatchObject({
      message: expect.stringContaining('Only a CSAT response declares a scale'),
    });
    await expect(s.recordSurvey(survey({ stakeholderId: 'nobody', score: 1 }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'stakeholderId: no stakeholder nobody in your org',
    });
    await expect(s.recordSurvey(survey({ stakeholderId: acme.id, answeredAt: '2099-01-01' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('cannot be answered in the future'),
    });
    await expect(s.recordSurvey({ ...survey(), mood: 'happy' } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await orgState()).toEqual(before);
  });
});

describe('evaluations.listSurveys', () => {
  it('filters, pages newest first, and shows staff only what they recorded', async () => {
    const acme = await customer();
    const rec = (who: TestOrg['staff'], over: Partial<SurveyResponseInput>) =>
      who.caller.evaluations.recordSurvey(survey(over));
    const a = await rec(t.staff, {
      stakeholderId: acme.id,
      dimension: 'usability',
      answeredAt: '2026-03-02T10:00:00+08:00',
    });
    const b = await rec(t.staff, { instrument: 'nps', score: 10, answeredAt: '2026-03-03T10:00:00+08:00' });
    const c = await rec(t.staff2, { dimension: 'usability', stakeholderType: 'partner', answeredAt: '2026-03-04' });
    const d = await rec(t.manager, {
      instrument: 'score100',
      score: 88.5,
      stakeholderType: 'partner',
      answeredAt: '2026-04-01',
    });
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    const list = t.manager.caller.evaluations.listSurveys;

    expect(ids(await list({}))).toEqual([d, c, b, a].map((x) => x.response.id));
    expect(ids(await t.staff.caller.evaluations.listSurveys({}))).toEqual([b, a].map((x) => x.response.id));
    expect(ids(await list({ dimension: 'usability' }))).toEqual([c, a].map((x) => x.response.id));
    expect(ids(await list({ instrument: 'nps' }))).toEqual([b.response.id]);
    expect(ids(await list({ stakeholderType: 'partner' }))).toEqual([d, c].map((x) => x.response.id));
    expect(ids(await list({ stakeholderId: acme.id }))).toEqual([a.response.id]);
    expect(ids(await list({ from: '2026-03-03T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' }))).toEqual(
      [c, b].map((x) => x.response.id),
    );

    const first = await list({ limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(ids(second)).toEqual([a.response.id]);
    expect(second.nextCursor).toBeNull();
    await expect(list({ cursor: 'bogus' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('evaluations.importSurveysCsv', () => {
  const header = 'instrument,score,scale,stakeholder,stakeholder_type,dimension,answered_at,comment';

  it('previews exactly what the import then stores, resolving stakeholders by id, email or name', async () => {
    const acme = await customer();
    const beta = await customer({ name: 'Beta', email: 'ops@beta.cn' });
    await customer({ name: 'Twin', email: 'a@twin1.cn' });
    await customer({ name: 'twin', email: 'b@twin2.cn' });
    const csv = [
      header,
      `csat,5,,${acme.id},customer,usability,2026-03-10,Great`,
      'csat,2,,OPS@beta.cn,customer,service attitude,2026-03-11T10:00:00+08:00,',
      'nps,9,,beta,customer,,2026-03-12,',
      'score100,72.5,,,partner,project delivery,2026-03-12,anonymous',
      'csat,7,,,customer,,2026-03-12,',
      'csat,4,,Twin,customer,,2026-03-12,',
      'csat,4,,Nobody,customer,,2026-03-12,',
      'nps,8,,,customer,,2099-01-01,',
      'stars,4,,,customer,,2026-03-12,',
    ].join('\n');
    const before = await orgState();

    const dry = await t.staff.caller.evaluations.importSurveysCsv({ csv, dryRun: true });
    expect(dry.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'created'],
      [5, 'created'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'error'],
      [10, 'error'],
    ]);
    expect(dry.rows.slice(0, 4).map((r) => r.stakeholderId)).toEqual([acme.id, beta.id, beta.id, null]);
    expect(dry.rows.every((r) => r.responseId === null)).toBe(true);
    expect(dry.rows.slice(4).map((r) => r.message)).toEqual([
      'score: A CSAT score of 7 is outside its 1–5 scale',
      'stakeholder: several stakeholders are named Twin; give its id or email instead',
      'stakeholder: no stakeholder Nobody in your org (give its id, an email address of it, or its name)',
      'answeredAt: a survey cannot be answered in the future',
      expect.stringContaining('instrument:'),
    ]);
    expect({ created: dry.created, errors: dry.errors, followups: dry.followups }).toEqual({
      created: 4,
      errors: 5,
      followups: 1,
    });
    expect(await orgState()).toEqual(before);

    const real = await t.staff.caller.evaluations.importSurveysCsv({ csv });
    expect(real.dryRun).toBe(false);
    expect(real.rows.map((r) => [r.row, r.status, r.message])).toEqual(
      dry.rows.map((r) => [r.row, r.status, r.message]),
    );
    expect(real.rows[0]!.responseId).not.toBeNull();
    const stored = await t.staff.caller.evaluations.listSurveys({});
    // Newest answer first; the two of 12 March in either order (same instant, ids at random).
    expect(stored.items.slice(2).map((i) => [i.instrument, i.score, i.stakeholderId])).toEqual([
      ['csat', 2, beta.id],
      ['csat', 5, acme.id],
    ]);
    expect(stored.items.slice(0, 2).map((i) => [i.instrument, i.score, i.stakeholderId])).toEqual(
      expect.arrayContaining([
        ['nps', 9, beta.id],
        ['score100', 72.5, null],
      ]),
    );
    expect((await orgState()).followups).toBe(1);
  });

  it('refuses a file it cannot read as a whole', async () => {
    const s = t.staff.caller.evaluations;
    await expect(s.importSurveysCsv({ csv: 'instrument,score,mood\ncsat,4,ok' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Unknown column(s): mood'),
    });
    await expect(
      s.importSurveysCsv({ csv: 'instrument,score,stakeholder_type\ncsat,4,customer' }),
    ).rejects.toMatchObject({
      message: 'The header needs a "answered_at" column.',
    });
  });
});

describe('evaluations coverage', () => {
  const report = (outletStakeholderId: string, over: Record<string, unknown> = {}) => ({
    id: ulid(),
    outletStakeholderId,
    title: 'Launch covered',
    url: 'https://news.example.cn/a',
    publishedAt: '2026-03-10T09:00:00+08:00',
    tone: 'negative' as const,
    ...over,
  });
  const outlet = (name = 'Daily News') =>
    t.manager.caller.directory.create({
      name,
      type: 'media',
      identities: [{ kind: 'email', value: `${name.replace(/\W+/g, '.').toLowerCase()}@news.cn` }],
    });

  async function coverageState() {
    const pulled = await t.manager.caller.sync.pull({ cursor: 0 });
    return { cursor: pulled.cursor, items: (await t.manager.caller.evaluations.listCoverage({})).items };
  }

  it('records an item from a media outlet, and returns it again for the same id', async () => {
    const news = await outlet();
    const input = report(news.id, { reach: 12000, eventTag: 'launch' });
    const item = await t.staff.caller.evaluations.recordCoverage(input);
    expect(item).toMatchObject({
      outletStakeholderId: news.id,
      tone: 'negative',
      reach: 12000,
      eventTag: 'launch',
      clarifiedAt: null,
      publishedAt: '2026-03-10T01:00:00.000Z',
      userId: t.staff.user.id,
    });
    expect(await t.staff.caller.evaluations.recordCoverage({ ...input, title: 'Other' })).toEqual(item);
  });

  it('refuses bad items with a clear error and changes nothing', async () => {
    const news = await outlet();
    const acme = await customer();
    const before = await coverageState();
    const s = t.staff.caller.evaluations;
    await expect(s.recordCoverage(report(acme.id))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'outletStakeholderId: Acme is a customer stakeholder, not a media outlet',
    });
    await expect(s.recordCoverage(report('nobody'))).rejects.toMatchObject({
      message: 'outletStakeholderId: no stakeholder nobody in your org',
    });
    await expect(s.recordCoverage(report(news.id, { clarifiedAt: '2026-03-09T09:00:00+08:00' }))).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: expect.stringContaining('The clarification date is before the publication date'),
      },
    );
    await expect(
      s.recordCoverage(report(news.id, { tone: 'positive', clarifiedAt: '2026-03-11T09:00:00+08:00' })),
    ).rejects.toMatchObject({ message: expect.stringContaining('Only a negative report is clarified') });
    await expect(s.recordCoverage(report(news.id, { publishedAt: '2099-01-01T00:00:00Z' }))).rejects.toMatchObject({
      message: 'publishedAt: a report cannot be published in the future',
    });
    await expect(s.recordCoverage(report(news.id, { sentiment: 'bad' }) as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await coverageState()).toEqual(before);
  });

  it('updates some fields, checked against the whole item', async () => {
    const news = await outlet();
    const item = await t.staff.caller.evaluations.recordCoverage(report(news.id, { tone: null }));
    const s = t.staff.caller.evaluations;
    await expect(s.updateCoverage({ id: item.id, clarifiedAt: '2026-03-12T09:00:00+08:00' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'clarifiedAt: Only a negative report is clarified',
    });
    const clarified = await s.updateCoverage({
      id: item.id,
      tone: 'negative',
      clarifiedAt: '2026-03-12T09:00:00+08:00',
    });
    expect(clarified).toMatchObject({ tone: 'negative', clarifiedAt: '2026-03-12T01:00:00.000Z', title: item.title });
    const before = await coverageState();
    await expect(s.updateCoverage({ id: item.id, clarifiedAt: '2026-03-01T09:00:00+08:00' })).rejects.toMatchObject({
      message: 'clarifiedAt: The clarification date is before the publication date',
    });
    await expect(s.updateCoverage({ id: item.id, tone: 'positive' })).rejects.toMatchObject({
      message: 'clarifiedAt: Only a negative report is clarified',
    });
    await expect(s.updateCoverage({ id: item.id, reach: -5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(t.staff2.caller.evaluations.updateCoverage({ id: item.id, reach: 5 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(s.updateCoverage({ id: 'nothing', reach: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await coverageState()).toEqual(before);

    const cleared = await t.manager.caller.evaluations.updateCoverage({
      id: item.id,
      tone: 'positive',
      clarifiedAt: null,
      reach: 300,
      eventTag: 'launch',
      title: 'Launch praised',
    });
    expect(cleared).toMatchObject({
      tone: 'positive',
      clarifiedAt: null,
      reach: 300,
      eventTag: 'launch',
      userId: t.staff.user.id,
    });
    const untagged = await s.updateCoverage({ id: item.id, eventTag: null, reach: null });
    expect(untagged).toMatchObject({ eventTag: null, reach: null, title: 'Launch praised' });
  });

  it('lists by period, outlet, tone and event; staff see what they recorded', async () => {
    const news = await outlet();
    const tv = await outlet('Evening TV');
    const a = await t.staff.caller.evaluations.recordCoverage(report(news.id, { eventTag: 'launch' }));
    const b = await t.staff.caller.evaluations.recordCoverage(
      report(tv.id, { tone: 'positive', publishedAt: '2026-03-12T09:00:00+08:00' }),
    );
    const c = await t.staff2.caller.evaluations.recordCoverage(
      report(news.id, { tone: 'neutral', eventTag: 'launch', publishedAt: '2026-04-02T09:00:00+08:00' }),
    );
    const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
    const list = t.manager.caller.evaluations.listCoverage;
    expect(ids(await list({}))).toEqual([c.id, b.id, a.id]);
    expect(ids(await t.staff.caller.evaluations.listCoverage({}))).toEqual([b.id, a.id]);
    expect(ids(await list({ outletStakeholderId: news.id }))).toEqual([c.id, a.id]);
    expect(ids(await list({ tone: 'positive' }))).toEqual([b.id]);
    expect(ids(await list({ eventTag: 'launch' }))).toEqual([c.id, a.id]);
    expect(ids(await list({ from: '2026-03-11T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' }))).toEqual([b.id]);
    const first = await list({ limit: 2 });
    expect(ids(await list({ limit: 2, cursor: first.nextCursor }))).toEqual([a.id]);
  });

  it('moves surveys and coverage with a merged stakeholder', async () => {
    const news = await outlet();
    const dup = await outlet('Daily News (dup)');
    const item = await t.staff.caller.evaluations.recordCoverage(report(dup.id));
    const acme = await customer();
    const acme2 = await customer({ name: 'Acme Ltd', email: 'x@acme2.cn' });
    const answer = await t.staff.caller.evaluations.recordSurvey(survey({ stakeholderId: acme2.id }));
    await t.manager.caller.directory.merge({ keepId: news.id, mergeId: dup.id });
    await t.manager.caller.directory.merge({ keepId: acme.id, mergeId: acme2.id });
    expect((await t.manager.caller.evaluations.listCoverage({})).items[0]).toMatchObject({
      id: item.id,
      outletStakeholderId: news.id,
    });
    expect((await t.manager.caller.evaluations.listSurveys({})).items[0]).toMatchObject({
      id: answer.response.id,
      stakeholderId: acme.id,
    });
  });
});
