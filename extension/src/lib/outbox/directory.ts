import type { HandleRef, Stakeholder, StakeholderType } from '@comms-log/shared';
import type { CommsLogDb, LocalStakeholder } from './local-db';

/** A directory entry as the pickers show it. */
export type StakeholderSummary = {
  id: string;
  name: string;
  type: StakeholderType;
  organization: string | null;
  pending: boolean;
};

/** The id prefix of a stakeholder created here that the server has not created yet. */
export const LOCAL_STAKEHOLDER_PREFIX = 'local:';

export function identityKey(ref: HandleRef): string {
  return `${ref.kind}:${ref.value.trim().toLowerCase()}`;
}

export function toLocalStakeholder(s: Stakeholder, pending = false): LocalStakeholder {
  return { ...s, identityKeys: s.identities.map(identityKey), nameLower: s.name.toLowerCase(), pending };
}

/** Local directory lookup: exact handle first, then the email's domain. */
export async function matchLocal(
  db: CommsLogDb,
  handle: HandleRef,
): Promise<{ stakeholder: LocalStakeholder; via: 'exact' | 'domain' } | null> {
  const exact = await db.stakeholders.where('identityKeys').equals(identityKey(handle)).first();
  if (exact) return { stakeholder: exact, via: 'exact' };
  if (handle.kind !== 'email') return null;
  const domain = handle.value.slice(handle.value.lastIndexOf('@') + 1);
  if (!domain) return null;
  const byDomain = await db.stakeholders
    .where('identityKeys')
    .equals(identityKey({ kind: 'domain', value: domain }))
    .first();
  return byDomain ? { stakeholder: byDomain, via: 'domain' } : null;
}

/** Directory search for the pickers: names containing the text, then identities starting with it. */
export async function searchStakeholders(db: CommsLogDb, text: string, limit = 20): Promise<LocalStakeholder[]> {
  const q = text.trim().toLowerCase();
  const all = await db.stakeholders.toArray();
  const matches =
    q === ''
      ? all
      : all.filter(
          (s) => s.nameLower.includes(q) || s.identityKeys.some((k) => k.slice(k.indexOf(':') + 1).includes(q)),
        );
  return matches
    .filter((s) => s.active)
    .sort(
      (a, b) => Number(b.nameLower.startsWith(q)) - Number(a.nameLower.startsWith(q)) || a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}

/** A directory entry as the pickers show it. */
export function stakeholderSummary(s: LocalStakeholder): StakeholderSummary {
  return { id: s.id, name: s.name, type: s.type, organization: s.organization, pending: s.pending };
}

export async function getStakeholder(db: CommsLogDb, id: string): Promise<LocalStakeholder | null> {
  return (await db.stakeholders.get(id)) ?? null;
}
