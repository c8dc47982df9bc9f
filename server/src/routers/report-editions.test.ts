import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

/* reports.save / list / get / compare: editions keep their figures and texts, and say what changed since. */

const march = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
const february = { from: '2026-02-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' };

describe('report editions', () => {
  let org: TestOrg;
  freshOrgPerTest((_handle, o) => {
    org = o;
  });

  it('keeps an edition unchanged when the data changes, and the next one says what moved', async () => {
    const m = org.manager.caller;
    await pushAccepted(org.staff, [interactionData({ threadKey: 'gmail:a' })]);
    const first = await m.reports.save({
      filter: march,
      language: 'en',
      texts: {
        summary: 'Quiet month.',
        suggestions: [{ id: 'faq', text: 'Write an FAQ', owner: 'Li', status: 'open' }],
      },
    });
    expect(first.figures.overview.total).toBe(1);
    expect(first.sincePrevious).toBeNull();
    expect(first.createdBy.id).toBe(org.manager.user.id);

    await pushAccepted(org.staff, [
      interactionData({ threadKey: 'gmail:b', occurredAt: '2026-03-10T10:00:00+08:00' }),
      interactionData({
        threadKey: 'gmail:c',
        channel: 'phone',
        source: 'manual',
        occurredAt: '2026-03-11T10:00:00+08:00',
      }),
    ]);
    const second = await m.reports.save({ filter: march, language: 'zh-CN', texts: { summary: '本月较忙。' } });
    expect(second.previousId).toBe(first.id);
    expect(second.figures.overview.total).toBe(3);
    const total = second.sincePrevious!.changes.find((c) => c.figure === 'total')!;
    expect(total).toMatchObject({ before: 1, after: 3, label: '沟通次数' });
    expect(second.sincePrevious!.changes.some((c) => c.figure === 'channel.phone' && c.before === null)).toBe(true);
    expect(second.sincePrevious!.textsChanged).toEqual(['suggestions', 'summary']);

    // Reopened later: the first edition still holds what it held when saved.
    const again = await m.reports.get({ id: first.id });
    expect(again.figures.overview.total).toBe(1);
    expect(again.texts.summary).toBe('Quiet month.');
    expect(again.texts.suggestions[0]).toMatchObject({ id: 'faq', owner: 'Li', due: null, status: 'open' });

    const listed = await m.reports.list({ period: march });
    expect(listed.map((e) => e.id)).toEqual([second.id, first.id]);
    const compared = await m.reports.compare({ before: first.id, after: second.id });
    expect(compared.diff).toEqual(second.sincePrevious);
  });

  it("follows up the measures of the period before's last edition", async () => {
    const m = org.manager.caller;
    await m.reports.save({
      filter: february,
      language: 'en',
      texts: { suggestions: [{ id: 'crm', text: 'One stakeholder database', owner: 'Wang', due: '2026-03-31' }] },
    });
    const next = await m.reports.save({ filter: march, language: 'en', texts: {} });
    expect(next.followUp).toEqual([
      { id: 'crm', text: 'One stakeholder database', owner: 'Wang', due: '2026-03-31', status: 'open' },
    ]);
  });

  it('refuses staff, unknown editions and bad texts with a clear error, saving nothing', async () => {
    await expect(org.staff.caller.reports.save({ filter: march, language: 'en', texts: {} })).rejects.toThrow(
      /manager/,
    );
    await expect(org.manager.caller.reports.get({ id: '01J0000000000000000000000Z' })).rejects.toThrow(
      /no saved report edition/,
    );
    await expect(
      org.manager.caller.reports.save({
        filter: march,
        language: 'en',
        texts: { suggestions: [{ id: 'x', text: '' }] },
      }),
    ).rejects.toThrow(/say what the measure is/);
    expect(await org.manager.caller.reports.list({})).toEqual([]);
  });
});
