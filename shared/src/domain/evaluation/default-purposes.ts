import type { Purpose } from '../../schemas/purpose';

/**
 * The purposes an organisation starts with, four per stakeholder type, from its external-communication norms:
 * customers (product feedback, satisfaction survey, market research, complaint), partners (project progress sync,
 * resource coordination, risk sharing, periodic review) and media (press release, crisis response, brand
 * maintenance, enquiry). Managers can rename, add and retire purposes: this is only the seed.
 */
export const DEFAULT_PURPOSES: readonly Purpose[] = [
  { id: 'product_feedback', stakeholderType: 'customer', label: { en: 'Product feedback', zh: '产品反馈' } },
  { id: 'satisfaction_survey', stakeholderType: 'customer', label: { en: 'Satisfaction survey', zh: '满意度调查' } },
  { id: 'market_research', stakeholderType: 'customer', label: { en: 'Market research', zh: '市场调研' } },
  { id: 'complaint', stakeholderType: 'customer', label: { en: 'Complaint', zh: '投诉处理' } },
  { id: 'project_sync', stakeholderType: 'partner', label: { en: 'Project progress sync', zh: '项目进度同步' } },
  { id: 'resource_coordination', stakeholderType: 'partner', label: { en: 'Resource coordination', zh: '资源协调' } },
  { id: 'risk_sharing', stakeholderType: 'partner', label: { en: 'Risk sharing', zh: '风险共担' } },
  { id: 'periodic_review', stakeholderType: 'partner', label: { en: 'Periodic review', zh: '定期复盘' } },
  { id: 'press_release', stakeholderType: 'media', label: { en: 'Press release', zh: '新闻发布' } },
  { id: 'crisis_response', stakeholderType: 'media', label: { en: 'Crisis response', zh: '危机应对' } },
  { id: 'brand_maintenance', stakeholderType: 'media', label: { en: 'Brand maintenance', zh: '品牌维护' } },
  { id: 'media_enquiry', stakeholderType: 'media', label: { en: 'Media enquiry', zh: '媒体问询' } },
];
