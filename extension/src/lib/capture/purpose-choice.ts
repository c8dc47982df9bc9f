import { DEFAULT_PURPOSES } from '@comms-log/shared/domain';
import type { Purpose, StakeholderType } from '@comms-log/shared';

/** The last purposes the local copy holds: the thread's, then the stakeholder's (null where none). */
export type LastPurposes = { thread: string | null; stakeholder: string | null };

/**
 * The plan's purposes. A plan cached before purposes existed has none listed: the defaults apply, as the server's
 * plan schema gives them (shared/src/schemas/plan.ts).
 */
export function planPurposes(plan: { purposes?: readonly Purpose[] }): readonly Purpose[] {
  return plan.purposes ?? DEFAULT_PURPOSES;
}

/**
 * What the form offers for a stakeholder type: the purposes of that type or of any type, retired ones left out.
 * With no stakeholder chosen yet (`type` null), only the purposes for any type.
 */
export function offeredPurposes(purposes: readonly Purpose[], type: StakeholderType | null): Purpose[] {
  return purposes.filter((p) => !p.retired && (p.stakeholderType === null || p.stakeholderType === type));
}

/**
 * The purpose to preselect: the thread's last one, else the stakeholder's last one, else none. One the form does
 * not offer (retired, or another type's) is passed over, since the select could not show it.
 */
export function preselectedPurpose(offered: readonly Purpose[], last: LastPurposes): string | null {
  const offers = (id: string | null) => id !== null && offered.some((p) => p.id === id);
  if (offers(last.thread)) return last.thread;
  if (offers(last.stakeholder)) return last.stakeholder;
  return null;
}

/** The label in the UI's language. */
export function purposeLabel(purpose: Purpose, lang: 'en' | 'zh_CN'): string {
  return lang === 'zh_CN' ? purpose.label.zh : purpose.label.en;
}
