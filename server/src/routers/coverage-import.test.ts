import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

const header = 'outlet,title,url,published_at,tone,reach,event_tag,clarified_at';

/** Two outlets (one known by an email address, one by its domain) and a customer that is no outlet. */
async function directory() {
  const create = t.manager.caller.directory.create;
  const daily = await create({
    name: 'Daily News',
    type: 'media',
    identities: [{ kind: 'email', value: 'desk@daily.cn' }],
  });
  const xinhua = await create({
    name: 'Xinhua',
    type: 'media',
    identities: [{ kind: 'domain', value: 'xinhuanet.com' }],
  });
  const acme = await create({
    name: 'Acme',
    type: 'customer',
    identities: [{ kind: 'email', value: 'buyer@acme.cn' }],
  });
  return { daily, xinhua, acme };
}

/** The org's change sequence and every coverage item, to tell that a dry run changed nothing. */
async function coverageState() {
  const pulled = await t.manager.caller.sync.pull({ cursor: 0 });
  return { cursor: pulled.cursor, items: (await t.manager.caller.evaluations.listCoverage({})).items };
}

describe('evaluations.importCoverageCsv', () => {
  it('previews exactly what the import then stores, finding outlets by id, email, domain or name', async () => {
    const { daily, xinhua } = await directory();
    const csv = [
      header,
      `${daily.id},Launch praised,https://daily.cn/a,2026-03-10,Positive,12000,spring launch,`,
      'DESK@daily.cn,Recall questions,https://daily.cn/b,2026-03-11T10:00:00+08:00,negative,,recall,2026-03-12',
      'english.xinhuanet.com,Interview,https://xinhuanet.com/c,2026-03-12,,,,',
      'daily news,Factory visit,https://daily.cn/d,2026-03-12,neutral,300,,',
      'editor@xinhuanet.com,Second look,https://xinhuanet.com/e,2026-03-13,negative,,recall,',
      'Xinhua,Early answer,https://xinhuanet.com/f,2026-03-12T10:00:00+08:00,negative,,,2026-03-12',
      'Xinhua,Kind words,https://xinhuanet.com/g,2026-03-12,positive,,,2026-03-13',
      'Acme,Customer blog,https://acme.cn/h,2026-03-12,positive,,,',
      'Nobody,Lost,https://nowhere.cn/i,2026-03-12,positive,,,',
      'Xinhua,Tomorrow,https://xinhuanet.com/j,2099-01-01,positive,,,',
      'Xinhua,Odd row,ftp://xinhuanet.com/k,March,glowing,-3,,',
    ].join('\n');
    const before = await coverageState();

    const dry = await t.staff.caller.evaluations.importCoverageCsv({ csv, dryRun: true });
    expect(dry.rows.map((r) => [r.row, r.status, r.outletStakeholderId])).toEqual([
      [2, 'created', daily.id],
      [3, 'created', daily.id],
      [4, 'created', xinhua.id],
      [5, 'created', daily.id],
      [6, 'created', xinhua.id],
      [7, 'error', xinhua.id],
      [8, 'error', null],
      [9, 'error', null],
      [10, 'error', null],
      [11, 'error', xinhua.id],
      [12, 'error', null],
    ]);
    expect(dry.rows.every((r) => r.coverageId === null)).toBe(true);
    expect(dry.rows[1]!.message).toBe('created a report from Daily News: negative, clarified');
    expect(dry.rows.slice(5).map((r) => r.message)).toEqual([
      // A bare date is midnight in the org's zone: before a report published at 10:00 that day.
      'clarifiedAt: The clarification date is before the publication date',
      'clarified_at: Only a negative report is clarified',
      'outlet: Acme is a customer stakeholder, not a media outlet',
      'outlet: no stakeholder Nobody in your org (give its id, its name, an email address or a domain of it)',
      'publishedAt: a report cannot be published in the future',
      expect.stringMatching(/^url: .*; published_at: .*; tone: .*; reach: reach cannot be negative$/),
    ]);
    expect({ created: dry.created, errors: dry.errors, dryRun: dry.dryRun }).toEqual({
      created: 5,
      errors: 6,
      dryRun: true,
    });
    expect(await coverageState()).toEqual(before);

    const real = await t.staff.caller.evaluations.importCoverageCsv({ csv });
    expect(real.dryRun).toBe(false);
    expect(real.rows.map((r) => [r.row, r.status, r.message])).toEqual(
      dry.rows.map((r) => [r.row, r.status, r.message]),
    );
    const stored = (await t.staff.caller.evaluations.listCoverage({})).items;
    expect(stored.map((i) => i.id).sort()).toEqual(
      real.rows.flatMap((r) => (r.coverageId ? [r.coverageId] : [])).sort(),
    );
    const byTitle = new Map(stored.map((i) => [i.title, i]));
    expect(byTitle.get('Launch praised')).toMatchObject({
      outletStakeholderId: daily.id,
      url: 'https://daily.cn/a',
      publishedAt: '2026-03-09T16:00:00.000Z',
      tone: 'positive',
      reach: 12000,
      eventTag: 'spring launch',
      clarifiedAt: null,
      userId: t.staff.user.id,
    });
    expect(byTitle.get('Recall questions')).toMatchObject({
      publishedAt: '2026-03-11T02:00:00.000Z',
      tone: 'negative',
      clarifiedAt: '2026-03-11T16:00:00.000Z',
    });
    expect(byTitle.get('Interview')).toMatchObject({ tone: null, reach: null, eventTag: null });
  });

  it('records as the caller: staff see what they imported, managers the org’s', async () => {
    const { daily } = await directory();
    await t.staff.caller.evaluations.importCoverageCsv({
      csv: `${header}\nDaily News,Staff's find,https://daily.cn/s,2026-03-10,positive,,,`,
    });
    const byManager = await t.manager.caller.evaluations.importCoverageCsv({
      csv: 'title,url,published_at,outlet\nManager’s find,https://daily.cn/m,2026-03-11,desk@daily.cn',
    });
    expect(byManager.rows.map((r) => [r.status, r.outletStakeholderId])).toEqual([['created', daily.id]]);
    const titles = async (who: TestOrg['staff']) =>
      (await who.caller.evaluations.listCoverage({})).items.map((i) => i.title);
    expect(await titles(t.manager)).toEqual(['Manager’s find', "Staff's find"]);
    expect(await titles(t.staff)).toEqual(["Staff's find"]);
    expect(await titles(t.staff2)).toEqual([]);
  });

  it('refuses a file it cannot read as a whole, and changes nothing', async () => {
    await directory();
    const before = await coverageState();
    const s = t.staff.caller.evaluations;
    await expect(
      s.importCoverageCsv({ csv: `${header},mood\nXinhua,a,https://x.cn,2026-03-10,,,,,ok` }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `Unknown column(s): mood. The columns are: ${header}.`,
    });
    await expect(s.importCoverageCsv({ csv: 'outlet,title,url\nXinhua,a,https://x.cn' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The header needs a "published_at" column.',
    });
    await expect(s.importCoverageCsv({ csv: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await coverageState()).toEqual(before);
  });
});
