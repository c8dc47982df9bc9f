import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, upsert, type TestOrg } from '../testing/test-org';

/*
 * Text arrives whole or is refused (docs/sync.md "Text"): SQLite cut a string at a NUL, so two site ids differing
 * only after one collapsed into one row, and names, titles and notes were cut short. Identifiers holding a control
 * character or a lone surrogate are refused; free text loses them and keeps the rest.
 */

let t: TestOrg;
freshOrgPerTest((_h, org) => {
  t = org;
});

const NUL = '\u0000';
const LONE = '\uD83D';
const CONTROL = 'must not contain control characters such as NUL (U+0000)';

describe('identifiers with a NUL or a lone surrogate are refused, on every path', () => {
  it('sync.push rejects an externalId, threadKey or handle holding one, and stores nothing for it', async () => {
    const a = interactionData({ externalId: `m1${NUL}a` });
    const b = interactionData({ externalId: `m1${NUL}b` });
    const key = interactionData({ threadKey: `gmail:t${NUL}1` });
    const handle = interactionData({ author: { name: 'Li', handle: `li${LONE}@acme.cn` } });
    const res = await t.staff.caller.sync.push({ items: [a, b, key, handle].map(upsert) });
    expect(res.applied).toEqual([]);
    expect(res.rejected).toEqual([
      { id: a.id, reason: `invalid interaction: externalId: ${CONTROL}` },
      { id: b.id, reason: `invalid interaction: externalId: ${CONTROL}` },
      { id: key.id, reason: `invalid interaction: threadKey: ${CONTROL}` },
      { id: handle.id, reason: expect.stringMatching(/^invalid interaction: author\.handle: .*surrogate/) },
    ]);
    expect((await t.admin.caller.sync.pull({ cursor: 0 })).interactions).toEqual([]);
  });

  it('refuses them in directory identities, never-log entries, thread keys and id filters', async () => {
    await expect(
      t.manager.caller.directory.create({
        name: 'Acme',
        type: 'customer',
        identities: [{ kind: 'email', value: `buyer${NUL}@acme.cn` }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(CONTROL) });
    await expect(
      t.admin.caller.settings.update({ orgNeverLog: [{ kind: 'domain', value: `acme.cn${NUL}` }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(t.staff.caller.threads.get({ threadKey: `gmail:t${LONE}` })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(t.manager.caller.directory.get({ id: `x${NUL}` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await t.manager.caller.directory.list({})).items).toEqual([]);
  });
});

describe('free text keeps all but its control characters and lone surrogates, on every path', () => {
  it('sync.push stores titles, snippets, notes and author names whole, without them', async () => {
    await t.admin.caller.settings.update({ captureLevel: 'snippet' });
    const d = interactionData({
      title: `Order${NUL} question about the ${LONE}delivery`,
      snippet: `Hello,${NUL} where is my order?`,
      note: `first${NUL}second\tthird`,
      author: { name: `Li${NUL} Lei`, handle: 'lilei@acme.cn' },
    });
    const res = await t.staff.caller.sync.push({ items: [upsert(d)] });
    expect(res.applied).toHaveLength(1);
    const [stored] = (await t.admin.caller.sync.pull({ cursor: 0 })).interactions;
    expect(stored).toMatchObject({
      title: 'Order question about the delivery',
      snippet: 'Hello, where is my order?',
      note: 'firstsecond\tthird',
      author: { name: 'Li Lei', handle: 'lilei@acme.cn' },
    });
    const listed = await t.manager.caller.metrics.interactions({
      filter: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    });
    expect(listed.items[0]).toMatchObject({ title: 'Order question about the delivery', authorName: 'Li Lei' });
  });

  it('stakeholder names and organisations, follow-up notes, outcome notes and survey comments alike', async () => {
    const acme = await t.manager.caller.directory.create({
      name: `Acme${NUL} Trading ${LONE}Ltd`,
      type: 'customer',
      organization: `Acme${NUL} Group`,
    });
    expect(acme).toMatchObject({ name: 'Acme Trading Ltd', organization: 'Acme Group' });
    expect((await t.staff.caller.directory.get({ id: acme.id })).name).toBe('Acme Trading Ltd');

    const reminder = await t.staff.caller.followups.create({
      id: ulid(),
      dueAt: '2026-03-10T09:00:00+08:00',
      note: `call${NUL} back`,
    });
    expect(reminder.note).toBe('call back');
    expect((await t.staff.caller.followups.list({})).items[0]?.note).toBe('call back');

    await t.staff.caller.sync.push({ items: [upsert(interactionData())] });
    const resolved = await t.staff.caller.threads.resolve({
      threadKey: 'gmail:t1',
      resolvedAt: '2026-03-09T11:00:00+08:00',
      note: `settled${NUL} by phone`,
    });
    expect(resolved.events[0]?.note).toBe('settled by phone');

    const survey = await t.staff.caller.evaluations.recordSurvey({
      id: ulid(),
      instrument: 'nps',
      score: 9,
      stakeholderType: 'customer',
      answeredAt: '2026-03-10',
      comment: `great${NUL} ${LONE}service`,
    });
    expect(survey.response.comment).toBe('great service');
  });

  it('directory.importCsv cleans names and refuses identities row by row', async () => {
    const csv = `name,type,emails\nAcme${NUL} Ltd,customer,a@acme.cn\nBeta,partner,b${NUL}@beta.cn\n`;
    const report = await t.manager.caller.directory.importCsv({ csv });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'error'],
    ]);
    expect(report.rows[1]?.message).toContain(CONTROL);
    expect((await t.manager.caller.directory.list({})).items.map((s) => s.name)).toEqual(['Acme Ltd']);
  });
});
