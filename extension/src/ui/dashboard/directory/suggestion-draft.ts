import type { Suggestion } from '@comms-log/shared';
import { emptyDraft, type StakeholderDraft } from './stakeholder-draft';

/**
 * What "create a stakeholder" from the unknown-counterparts queue starts from: the sender's name and handle, plus
 * the organisation's email domain unless the directory already resolves the sender (the domain would then clash
 * with the stakeholder holding it). Free-mail domains never come as `suggestedDomain`.
 */
export function draftFromSuggestion(s: Suggestion): StakeholderDraft {
  const identities: StakeholderDraft['identities'] = [{ kind: s.kind, value: s.value }];
  if (s.suggestedDomain && !s.matchedStakeholderId) identities.push({ kind: 'domain', value: s.suggestedDomain });
  return emptyDraft({ name: s.name, identities });
}
