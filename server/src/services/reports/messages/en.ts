import type { ReportMessages } from './types';

const answerFaster = 'Review the slowest waits and adjust who covers the inbox; answer overdue messages first.';

export const en: ReportMessages = {
  stakeholderType: {
    customer: 'customer',
    partner: 'partner',
    media: 'media',
    investor: 'investor',
    government: 'government',
    supplier: 'supplier',
    other: 'other',
  },
  channel: {
    email: 'email',
    social: 'social media',
    project: 'project tools',
    phone: 'phone',
    video: 'video',
    in_person: 'face-to-face',
    im: 'chat',
  },
  goalLabel: (label) => label.en || label.zh,
  hours: (value) => `${value} h`,
  goalAdvice: {
    on_time_rate: answerFaster,
    mean_response_hours: answerFaster,
    median_response_hours: answerFaster,
    coverage: 'Schedule contact with the stakeholders past their cadence and give each an owner.',
    outbound_posts: 'Plan the publishing calendar to make up the missing posts.',
    meetings: 'Book the key video meetings.',
  },
  missedGoal: (m) => `Goal missed — "${m.label}": ${m.actual} against ${m.target}. ${m.advice}`,
  nearGoal: (m) => `Goal at risk — "${m.label}": ${m.actual} against ${m.target}. Act before it is missed.`,
  lateOpen: (late, openLate) =>
    `${late} waits went past their SLA and ${openLate} of them are still unanswered: answer those first, then review why they ran late.`,
  lateAnswered: (late) => `${late} waits were answered after their SLA: review the cases under the worst waits.`,
  overdueStakeholders: (count, names, more) =>
    `${count} stakeholders are past their cadence: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. Contact them this week.`,
  slowChannel: (m) =>
    `Only ${m.rate} of ${m.type} ${m.channel} waits were answered on time (${m.decided} waits): check who watches this channel and its reminders.`,
  volumeDrop: (m) =>
    `Logged communication fell ${m.drop} from the previous period (${m.previous} → ${m.current}): check whether conversations go unlogged or contact has slowed.`,
};
