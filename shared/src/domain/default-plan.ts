import type { Plan } from '../schemas/plan';
import { DEFAULT_PURPOSES } from './evaluation/default-purposes';
import { DEFAULT_LOW_SCORE } from './evaluation/low-score';

/**
 * The default communication plan, from the organisation's external-communication norms (docs/metrics.md "Default plan"):
 * customers answered within 4 working hours on email/online enquiries, 24 h on social, 15 min on chat or
 * phone, contacted every 30 days; partners answered within 1 working day and contacted monthly, core partners
 * met face-to-face or by video every 90 days; media enquiries answered within 24 h, key journalists every
 * 90 days. Managers can change every figure: this is only the seed.
 */
export const defaultPlan: Plan = {
  calendar: {
    timeZone: 'Asia/Shanghai',
    workDays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '18:00',
    holidays: [],
    extraWorkDays: [],
  },
  sla: [
    { stakeholderType: 'customer', channel: 'email', limit: { value: 4, unit: 'working_hours' } },
    { stakeholderType: 'customer', channel: 'project', limit: { value: 4, unit: 'working_hours' } },
    { stakeholderType: 'customer', channel: 'social', limit: { value: 24, unit: 'hours' } },
    { stakeholderType: 'customer', channel: 'im', limit: { value: 15, unit: 'minutes' } },
    { stakeholderType: 'customer', channel: 'phone', limit: { value: 15, unit: 'minutes' } },
    { stakeholderType: 'customer', channel: null, limit: { value: 4, unit: 'working_hours' } },
    { stakeholderType: 'partner', channel: null, limit: { value: 1, unit: 'working_days' } },
    { stakeholderType: 'media', channel: null, limit: { value: 24, unit: 'hours' } },
    { stakeholderType: 'investor', channel: null, limit: { value: 1, unit: 'working_days' } },
    { stakeholderType: 'government', channel: null, limit: { value: 1, unit: 'working_days' } },
    { stakeholderType: 'supplier', channel: null, limit: { value: 2, unit: 'working_days' } },
    { stakeholderType: 'other', channel: null, limit: { value: 2, unit: 'working_days' } },
  ],
  cadence: [
    { stakeholderType: 'customer', tier: null, idealDays: 21, maxDays: 30, channels: null },
    { stakeholderType: 'partner', tier: null, idealDays: 21, maxDays: 30, channels: null },
    { stakeholderType: 'partner', tier: 'core', idealDays: 21, maxDays: 30, channels: null },
    { stakeholderType: 'partner', tier: 'core', idealDays: 75, maxDays: 90, channels: ['video', 'in_person'] },
    { stakeholderType: 'media', tier: 'key', idealDays: 75, maxDays: 90, channels: null },
  ],
  goals: [
    {
      id: 'customer-mean-response',
      label: { en: 'Customer average response ≤ 4 h', zh: '客户平均响应时间 ≤ 4 小时' },
      metric: 'mean_response_hours',
      scope: { stakeholderType: 'customer', channel: null, tier: null },
      comparator: '<=',
      target: 4,
      period: 'month',
    },
    {
      id: 'customer-on-time',
      label: { en: 'Customer enquiries answered on time ≥ 98%', zh: '客户咨询按时响应率 ≥ 98%' },
      metric: 'on_time_rate',
      scope: { stakeholderType: 'customer', channel: null, tier: null },
      comparator: '>=',
      target: 0.98,
      period: 'month',
    },
    {
      id: 'customer-coverage',
      label: { en: 'Every customer contacted within cadence', zh: '客户联系覆盖率 100%' },
      metric: 'coverage',
      scope: { stakeholderType: 'customer', channel: null, tier: null },
      comparator: '>=',
      target: 1,
      period: 'month',
    },
    {
      id: 'partner-coverage',
      label: { en: 'Every partner contacted monthly', zh: '每月联系所有合作伙伴' },
      metric: 'coverage',
      scope: { stakeholderType: 'partner', channel: null, tier: null },
      comparator: '>=',
      target: 1,
      period: 'month',
    },
    {
      id: 'media-on-time',
      label: { en: 'Media enquiries answered on time ≥ 98%', zh: '媒体问询按时响应率 ≥ 98%' },
      metric: 'on_time_rate',
      scope: { stakeholderType: 'media', channel: null, tier: null },
      comparator: '>=',
      target: 0.98,
      period: 'month',
    },
    {
      id: 'social-posts',
      label: { en: 'Official social accounts publish ≥ 12 posts a month', zh: '官方社交账号每月发布 ≥ 12 条' },
      metric: 'outbound_posts',
      scope: { stakeholderType: null, channel: 'social', tier: null },
      comparator: '>=',
      target: 12,
      period: 'month',
    },
    {
      id: 'video-meetings',
      label: { en: '1–2 key video meetings a week', zh: '每周 1–2 次重点视频会议' },
      metric: 'meetings',
      scope: { stakeholderType: null, channel: 'video', tier: null },
      comparator: '>=',
      target: 1,
      period: 'week',
    },
  ],
  segmentGapDays: { email: 5, social: 2, project: 5, im: 2 },
  dueSoonWorkingHours: 2,
  purposes: [...DEFAULT_PURPOSES],
  evaluation: { lowScore: { ...DEFAULT_LOW_SCORE } },
};
