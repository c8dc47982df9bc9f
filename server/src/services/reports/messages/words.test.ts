import { describe, expect, it } from 'vitest';
import { channels, reportMarkdown, reportTextsSchema, reportWords, stakeholderTypes } from '@comms-log/shared';
import { freshOrgPerTest, interactionData, type TestOrg, upsert } from '../../../testing/test-org';
import { reportMessages } from './by-language';

let org: TestOrg;
freshOrgPerTest((_, o) => {
  org = o;
});

const zhWords = reportWords('zh-CN');
const enWords = reportWords('en');

describe('the words of types and channels in report sentences', () => {
  it('are the report labels: the same in Chinese, lower-cased in English', () => {
    for (const t of stakeholderTypes) {
      expect(reportMessages['zh-CN'].stakeholderType[t]).toBe(zhWords.type(t));
      expect(reportMessages.en.stakeholderType[t]).toBe(enWords.type(t).toLowerCase());
    }
    for (const c of channels) {
      expect(reportMessages['zh-CN'].channel[c]).toBe(zhWords.channel(c));
      expect(reportMessages.en.channel[c]).toBe(enWords.channel(c).toLowerCase());
    }
  });

  it('name a channel in a zh report as its tables do', async () => {
    // Three unanswered e-mails from customers and three Jira comments from partners: both pairs answer none on time.
    const unanswered = (i: number, over: Record<string, unknown>) =>
      interactionData({ threadKey: `t:${i}`, occurredAt: `2026-03-0${2 + (i % 3)}T10:00:00+08:00`, ...over });
    const items = [0, 1, 2].flatMap((i) => [
      unanswered(i, {}),
      unanswered(i + 3, { source: 'jira', channel: 'project', stakeholderType: 'partner', threadKey: `jira:${i}` }),
    ]);
    expect((await org.staff.caller.sync.push({ items: items.map((d) => upsert(d)) })).rejected).toEqual([]);
    const filter = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-09T00:00:00+08:00' };
    const report = await org.manager.caller.reports.period({
      filter,
      asOf: '2026-03-20T09:00:00+08:00',
      language: 'zh-CN',
    });

    const slow = report.actions.filter((a) => a.kind === 'slow_channel').map((a) => a.text);
    expect(slow).toHaveLength(2);
    expect(slow).toContainEqual(expect.stringContaining(`${zhWords.type('customer')}·${zhWords.channel('email')}`));
    expect(slow).toContainEqual(expect.stringContaining(`${zhWords.type('partner')}·${zhWords.channel('project')}`));
    // The printed document carries both the sentence and the channel tables, each with the one word.
    const doc = reportMarkdown({ report, texts: reportTextsSchema.parse({}) });
    for (const text of slow) expect(doc).toContain(text);
    expect(doc).toContain(`| ${zhWords.channel('email')} |`);
  });
});
