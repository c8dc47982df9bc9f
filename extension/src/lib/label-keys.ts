import type { Channel, StakeholderType } from '@comms-log/shared';
import type { MessageKey } from './i18n';

/** The message that names each stakeholder type, in the UI and in reports alike. */
export const stakeholderTypeKey: Record<StakeholderType, MessageKey> = {
  customer: 'typeCustomer',
  partner: 'typePartner',
  media: 'typeMedia',
  investor: 'typeInvestor',
  government: 'typeGovernment',
  supplier: 'typeSupplier',
  other: 'typeOther',
};

/** The message that names each channel, in the UI and in reports alike. */
export const channelKey: Record<Channel, MessageKey> = {
  email: 'channelEmail',
  social: 'channelSocial',
  project: 'channelProject',
  phone: 'channelPhone',
  video: 'channelVideo',
  in_person: 'channelInPerson',
  im: 'channelIm',
};
