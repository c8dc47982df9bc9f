import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../lib/i18n';
import { formatDuration, formatSla, isOpenableUrl, teamListErrorText } from './followup-format';

const en = (key: MessageKey, ...subs: (string | number)[]) => translate('en', key, ...subs);
const zh = (key: MessageKey, ...subs: (string | number)[]) => translate('zh_CN', key, ...subs);

describe('follow-up row formats', () => {
  it('says how long in at most two units', () => {
    expect(formatDuration(en, 45 * 60_000 + 59_000)).toBe('45 min');
    expect(formatDuration(en, 6 * 3_600_000 + 20 * 60_000)).toBe('6 h 20 min');
    expect(formatDuration(en, 3 * 86_400_000 + 2 * 3_600_000 + 59 * 60_000)).toBe('3 d 2 h');
    expect(formatDuration(zh, 3 * 86_400_000)).toBe('3 天 0 小时');
    expect(formatDuration(en, -5)).toBe('0 min');
  });

  it('names the SLA in the plan unit', () => {
    expect(formatSla(en, { value: 4, unit: 'working_hours' })).toBe('4 working h');
    expect(formatSla(en, { value: 1, unit: 'working_days' })).toBe('1 working day');
    expect(formatSla(en, { value: 2, unit: 'working_days' })).toBe('2 working days');
    expect(formatSla(en, { value: 24, unit: 'hours' })).toBe('24 h');
    expect(formatSla(zh, { value: 15, unit: 'minutes' })).toBe('15 分钟');
  });

  it('opens only web pages', () => {
    expect(isOpenableUrl('https://mail.google.com/mail/u/0/#inbox/1')).toBe(true);
    expect(isOpenableUrl('http://127.0.0.1:8080/x')).toBe(true);
    expect(isOpenableUrl('javascript:alert(1)')).toBe(false);
    expect(isOpenableUrl('chrome-extension://abc/options.html')).toBe(false);
    expect(isOpenableUrl('not a url')).toBe(false);
    expect(isOpenableUrl(null)).toBe(false);
  });

  it('says in the user’s language that staff see only their own follow-ups when the team list is refused', () => {
    const refused = {
      code: 'forbidden' as const,
      detail: "Staff see only their own follow-ups. Ask a manager for the team's list.",
    };
    expect(teamListErrorText(en, refused)).toBe(
      "Staff see only their own follow-ups. Ask a manager for the team's list.",
    );
    expect(teamListErrorText(zh, refused)).toBe('员工只能看到自己的跟进。团队的列表请向经理查看。');
    expect(teamListErrorText(en, { code: 'network', detail: '' })).toBe(translate('en', 'errNetwork'));
  });
});
