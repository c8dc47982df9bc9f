import type { ReportMessages } from './types';
import { sentenceWords } from './words';

const answerFaster = '请复核最慢的等待，并调整值班与分工，优先处理逾期消息。';

export const zh: ReportMessages = {
  ...sentenceWords('zh-CN'),
  goalLabel: (label) => label.zh || label.en,
  hours: (value) => `${value} 小时`,
  workingDays: (value) => `${value} 个工作日`,
  goalAdvice: {
    on_time_rate: answerFaster,
    mean_response_hours: answerFaster,
    median_response_hours: answerFaster,
    coverage: '请为逾期未联系的对象安排联系，并指定负责人。',
    outbound_posts: '请制定发布计划，补足本期发布数量。',
    meetings: '请预约重点视频会议。',
    complaint_resolution_rate: '请在明细中逐一处理未解决的投诉，并及时标记为已解决。',
    first_contact_resolution_rate: '请复盘多次往来才解决的投诉，让一线人员首次接触即可解决问题。',
    resolution_working_days: '请优先处理最早的未决问题，并与合作伙伴约定解决时间。',
    csat_mean: '请查看低分反馈及其评论，并回访相关客户。',
    satisfaction_rate: '请查看低分反馈及其评论，并回访相关客户。',
    nps: '请回访贬损者（0–6 分），了解如何改进。',
    score100_mean: '请按维度复盘最低评分，并与关系负责人沟通。',
    positive_coverage_share: '请与重点媒体策划正面报道，并及时回应负面报道。',
    negative_clarified_rate: '请为每篇尚未澄清的负面报道发布澄清。',
    coverage_items: '请向媒体提供更多选题，并记录其发布的报道。',
    delivery_on_time_rate: '与合作伙伴商定切实可行的交付日期，每周检查有延期风险的事项。',
    interaction_rate: '多发布能引发互动的内容：提问、活动，并及时回复评论。',
    attendance_rate: '提前发送议程，请缺席部门指派代表参会。',
    execution_rate: '按计划日期开展沟通活动，无法按期进行的及时在日历中改期。',
    cost_share: '对照效果审视费用最高的类别，削减效果最差的支出。',
  },
  missedGoal: (m) => `未达成目标「${m.label}」：实际 ${m.actual}，目标 ${m.target}。${m.advice}`,
  nearGoal: (m) => `目标「${m.label}」接近未达成：实际 ${m.actual}，目标 ${m.target}。请及早关注。`,
  lateOpen: (late, openLate) =>
    `${late} 个等待超出时限，其中 ${openLate} 个至今未回复：请先答复这些消息，再复盘超时原因。`,
  lateAnswered: (late) => `${late} 个等待超时后才回复：请复盘“最慢等待”中的案例。`,
  overdueStakeholders: (count, names, more) =>
    `${count} 个联系对象已超过联系周期：${names.join('、')}${more > 0 ? ' 等' : ''}。请本周内联系。`,
  slowChannel: (m) =>
    `${m.type}·${m.channel} 的按时响应率仅 ${m.rate}（${m.decided} 个等待）：请检查该渠道的分工与提醒。`,
  volumeDrop: (m) =>
    `本期沟通量较上一期下降 ${m.drop}（${m.previous} → ${m.current}）：请确认是否有沟通未记录，或联系是否减少。`,
};
