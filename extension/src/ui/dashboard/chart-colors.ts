import type { Channel } from '@comms-log/shared';

/** One colour per channel, the same in every chart (colour-blind-safe Okabe–Ito palette). */
export const channelColor: Record<Channel, string> = {
  email: '#0072B2',
  social: '#E69F00',
  project: '#009E73',
  phone: '#CC79A7',
  video: '#56B4E9',
  in_person: '#D55E00',
  im: '#999999',
};

export const accent = '#1a73e8';

/** One colour per tone of a media report (same palette); grey for reports not judged yet. */
export const toneColor = { positive: '#009E73', neutral: '#56B4E9', negative: '#D55E00', none: '#999999' } as const;
