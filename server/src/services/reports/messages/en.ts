import type { ReportMessages } from './types';
import { sentenceWords } from './words';

const answerFaster = 'Review the slowest waits and adjust who covers the inbox; answer overdue messages first.';

export const en: ReportMessages = {
  ...sentenceWords('en'),
  goalLabel: (label) => label.en || label.zh,
  hours: (value) => `${value} h`,
  workingDays: (value) => `${value} working days`,
  goalAdvice: {
    on_time_rate: answerFaster,
    mean_response_hours: answerFaster,
    median_response_hours: answerFaster,
    coverage: 'Schedule contact with the stakeholders past their cadence and give each an owner.',
    outbound_posts: 'Plan the publishing calendar to make up the missing posts.',
    meetings: 'Book the key video meetings.',
    complaint_resolution_rate: 'Go through the open complaints in the drill-down, resolve them and mark them resolved.',
    first_contact_resolution_rate:
      'Review complaints that took several replies: give first responders what they need to settle them at once.',
    resolution_working_days: 'Work through the oldest open issues first and agree resolution dates with the partners.',
    csat_mean: 'Read the low-scoring responses and their comments, and follow up with those customers.',
    satisfaction_rate: 'Read the low-scoring responses and their comments, and follow up with those customers.',
    nps: 'Call back the detractors (scores 0–6) and find out what would change their score.',
    score100_mean: 'Review the lowest scores by dimension with the owners of those relationships.',
    positive_coverage_share: 'Plan positive stories with the key outlets and answer negative reports quickly.',
    negative_clarified_rate: 'Publish a clarification for every negative report that has none yet.',
    coverage_items: 'Pitch more stories to the outlets and log the coverage they publish.',
    delivery_on_time_rate: 'Agree realistic due dates with the partners and review the items at risk every week.',
    interaction_rate: 'Post what the audience answers: questions, events and replies to comments.',
    attendance_rate: 'Send the agenda ahead and ask absent departments to send a deputy.',
    execution_rate: 'Hold the planned activities on their dates, or reschedule them in the calendar in time.',
    cost_share: 'Review the largest cost categories against their results and trim the least effective.',
  },
  missedGoal: (m) => `Goal missed — "${m.label}": ${m.actual} against ${m.target}. ${m.advice}`,
  nearGoal: (m) => `Goal at risk — "${m.label}": ${m.actual} against ${m.target}. Act before it is missed.`,
  lateOpen: (late, openLate) =>
    `${late} waits went past their SLA and ${openLate} of them are still unanswered: answer those first, then review why they ran late.`,
  lateAnswered: (late) => `${late} waits were answered after their SLA: review the cases under the worst waits.`,
  overdueStakeholders: (count, names, more) =>
    `${count} stakeholders are past their cadence: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. Contact them this week.`,
  slowChannel: (m) =>
    `Only ${m.rate} of the waits of ${m.type} by ${m.channel} were answered on time (${m.decided} waits): check who watches this channel and its reminders.`,
  volumeDrop: (m) =>
    `Logged communication fell ${m.drop} from the previous period (${m.previous} → ${m.current}): check whether conversations go unlogged or contact has slowed.`,
};
