import type { IdentityKind, Stakeholder, StakeholderType } from '@comms-log/shared';

/** The stakeholder form's fields as typed (numbers as text until saved). */
export interface StakeholderDraft {
  id: string | null;
  name: string;
  type: StakeholderType;
  tier: string;
  organization: string;
  ownerUserId: string;
  idealDays: string;
  maxDays: string;
  active: boolean;
  identities: { kind: IdentityKind; value: string }[];
}

export const emptyDraft = (over: Partial<StakeholderDraft> = {}): StakeholderDraft => ({
  id: null,
  name: '',
  type: 'customer',
  tier: 'standard',
  organization: '',
  ownerUserId: '',
  idealDays: '',
  maxDays: '',
  active: true,
  identities: [],
  ...over,
});

export const draftOf = (s: Stakeholder): StakeholderDraft => ({
  id: s.id,
  name: s.name,
  type: s.type,
  tier: s.tier,
  organization: s.organization ?? '',
  ownerUserId: s.ownerUserId ?? '',
  idealDays: s.cadenceOverride ? String(s.cadenceOverride.idealDays) : '',
  maxDays: s.cadenceOverride ? String(s.cadenceOverride.maxDays) : '',
  active: s.active,
  identities: s.identities.map((i) => ({ kind: i.kind, value: i.value })),
});
