import type { Channel, Role, StakeholderType } from '@comms-log/shared';

/* The demo org's people, companies and words: what `seedDemo` draws its history from. */

export interface DemoUser {
  name: string;
  email: string;
  role: Role;
}

export const demoUsers: DemoUser[] = [
  { name: 'Admin Chen', email: 'admin@demo.example', role: 'admin' },
  { name: 'Zhou Min (Manager)', email: 'zhou.min@demo.example', role: 'manager' },
  { name: 'Li Na', email: 'li.na@demo.example', role: 'staff' },
  { name: 'Wang Fang', email: 'wang.fang@demo.example', role: 'staff' },
  { name: 'Zhang Wei', email: 'zhang.wei@demo.example', role: 'staff' },
  { name: 'Liu Yang', email: 'liu.yang@demo.example', role: 'staff' },
  { name: 'Emma Clarke', email: 'emma.clarke@demo.example', role: 'staff' },
  { name: 'Chen Jie', email: 'chen.jie@demo.example', role: 'staff' },
];

export const companyStems = [
  'Huaxin',
  'Bluewave',
  'Jinghong',
  'Northstar',
  'Tianyu',
  'Redwood',
  'Kaiyuan',
  'Silverline',
  'Mingda',
  'Harbor',
  'Longteng',
  'Brightpath',
  'Xinhe',
  'Evergreen',
  'Ruifeng',
  'Summit',
  'Haitian',
  'Cloudpeak',
  'Zhongyi',
  'Lakeside',
  'Fengshang',
  'Orbit',
  'Yuanda',
  'Keystone',
  'Baisheng',
  'Meridian',
  'Dongfang',
  'Pinecrest',
  'Shengshi',
  'Westgate',
  'Jiahe',
  'Crescent',
  'Hongtu',
  'Falcon',
  'Anxin',
  'Riverview',
];
export const suffixByType: Record<StakeholderType, string[]> = {
  customer: ['Trading', 'Retail', 'Logistics', 'Foods', 'Electronics', 'Textiles'],
  partner: ['Systems', 'Consulting', 'Solutions', 'Channel Partners'],
  media: ['Daily', 'Tech Review', 'Business Weekly', 'News', 'Finance Times'],
  investor: ['Capital', 'Ventures'],
  government: ['District Commerce Bureau', 'Industry Park Office', 'Trade Office'],
  supplier: ['Packaging', 'Components', 'Printing'],
  other: ['Association', 'University Lab'],
};
export const people = [
  'Li Lei',
  'Han Meimei',
  'Sun Hao',
  'Zhao Li',
  'Qian Yu',
  'Zhou Jun',
  'Wu Ting',
  'Zheng Kai',
  'Feng Xue',
  'Xu Bo',
  'He Lin',
  'Gao Yan',
  'Lin Tao',
  'Ma Rui',
  'Huang Qi',
  'Peter Miller',
  'Anna Schmidt',
  'Yuki Tanaka',
  'Carlos Ruiz',
  'Sara Jones',
];
export const freeMail = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'sina.com'];

export const subjects: Record<StakeholderType, string[]> = {
  customer: [
    'Order status',
    'Invoice question',
    'Delivery delayed?',
    'Price quote request',
    'Return and refund',
    'Bulk order for Q3',
    'Product defect report',
    'Contract renewal',
  ],
  partner: [
    'Joint campaign plan',
    'Integration milestone',
    'Co-marketing budget',
    'Quarterly business review',
    'API access issue',
    'Channel pricing update',
  ],
  media: [
    'Interview request',
    'Comment on industry report',
    'Press release follow-up',
    'Event invitation',
    'Fact check before publication',
  ],
  investor: ['Quarterly update', 'Board meeting materials', 'Funding round questions'],
  government: ['Subsidy application', 'Compliance filing', 'Park visit arrangement'],
  supplier: ['Shipment schedule', 'Price adjustment', 'Quality inspection report'],
  other: ['Research collaboration', 'Membership renewal', 'Conference speaker slot'],
};
export const inboundLines = [
  'Could you please confirm by this week?',
  'We have not received an update yet.',
  'Attached are the documents you asked for.',
  'Is there any progress on this?',
  'Thanks, one more question below.',
  'Please advise at your earliest convenience.',
];
export const outboundLines = [
  'Thanks for reaching out — here is the update.',
  'We have checked with the team and confirm.',
  'Sorry for the delay, the answer is below.',
  'Happy to arrange a call this week.',
  'Please find the revised quote attached.',
];

/** Per type: how many stakeholders, their top tier, and how many of them are in it. */
export const stakeholderMix: [StakeholderType, number, string, number][] = [
  ['customer', 24, 'key', 6],
  ['partner', 12, 'core', 4],
  ['media', 10, 'key', 4],
  ['investor', 4, 'key', 1],
  ['government', 3, 'standard', 0],
  ['supplier', 5, 'standard', 0],
  ['other', 3, 'standard', 0],
];

/** How often each channel carries a conversation with a stakeholder of `type`. */
export function channelWeights(type: StakeholderType): [Channel, number][] {
  switch (type) {
    case 'customer':
      return [
        ['email', 50],
        ['project', 12],
        ['social', 14],
        ['im', 6],
        ['phone', 12],
        ['video', 4],
        ['in_person', 2],
      ];
    case 'partner':
      return [
        ['email', 45],
        ['project', 20],
        ['video', 18],
        ['in_person', 10],
        ['phone', 7],
      ];
    case 'media':
      return [
        ['email', 45],
        ['social', 35],
        ['phone', 15],
        ['in_person', 5],
      ];
    default:
      return [
        ['email', 70],
        ['phone', 15],
        ['video', 10],
        ['in_person', 5],
      ];
  }
}

/** Why some open waits were closed as "no reply needed". */
export const closureReasons = [
  'Newsletter reply, nothing to answer',
  'Answered by phone (not logged)',
  'Duplicate of another thread',
  'Thank-you note only',
];
