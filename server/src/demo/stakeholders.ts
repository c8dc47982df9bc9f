import type { IdentityInput, StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { insertStakeholder } from '../services/directory/stakeholders';
import { companyStems, freeMail, people, stakeholderMix, suffixByType } from './data';
import type { Rng } from './seeded-random';

/** A demo stakeholder as the thread generator needs it. */
export interface SeedStakeholder {
  id: string;
  name: string;
  type: StakeholderType;
  tier: string;
  ownerIndex: number;
  email: string;
  domain: string | null;
  weibo: string | null;
  /** How active the relationship is: some go quiet for months (cadence overdue in the demo). */
  activity: number;
  /** Activity stops this many days ago (0 = still active). */
  quietDays: number;
}

/** The company, contact person and handles of the `stem`-th demo stakeholder, a `type`. */
function drawContact(rng: Rng, type: StakeholderType, stem: number) {
  const company = `${companyStems[stem % companyStems.length]} ${rng.pick(suffixByType[type])}`;
  const slug =
    companyStems[stem % companyStems.length]!.toLowerCase() + (stem >= companyStems.length ? String(stem) : '');
  const person = rng.pick(people);
  const personSlug = person.toLowerCase().replace(/[^a-z]+/g, '.');
  // Media and some small customers write from personal mailboxes: no domain identity.
  const personal = type === 'media' ? rng.chance(0.5) : rng.chance(0.15);
  const domain = personal ? null : `${slug}.${rng.pick(['com.cn', 'cn', 'com'])}`;
  const email = personal ? `${personSlug}${rng.int(1, 99)}@${rng.pick(freeMail)}` : `${personSlug}@${domain}`;
  const weibo =
    type === 'media' || (type === 'customer' && rng.chance(0.3)) ? String(rng.int(1_000_000_000, 7_999_999_999)) : null;
  const identities: IdentityInput[] = [{ kind: 'email', value: email }];
  if (domain) identities.push({ kind: 'domain', value: domain });
  if (weibo) identities.push({ kind: 'weibo', value: weibo });
  if ((type === 'customer' || type === 'partner') && rng.chance(0.4))
    identities.push({ kind: type === 'partner' ? 'trello' : 'jira', value: `${slug}-${rng.int(100, 999)}` });
  if (rng.chance(0.6))
    identities.push({
      kind: 'phone',
      value: `+86 1${rng.int(30, 89)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`,
    });
  return { company, person, email, domain, weibo, identities };
}

/** ~60 stakeholders of every type and tier, each owned by one of the staff (`staff`: their user indexes). */
export async function seedStakeholders(
  db: DbOrTx,
  orgId: string,
  rng: Rng,
  owners: { staff: number[]; userIds: string[] },
  now: number,
): Promise<SeedStakeholder[]> {
  const stakeholders: SeedStakeholder[] = [];
  let stem = 0;
  for (const [type, n, topTier, topCount] of stakeholderMix) {
    for (let i = 0; i < n; i++) {
      const tier = i < topCount ? topTier : 'standard';
      const c = drawContact(rng, type, stem++);
      const ownerIndex = rng.pick(owners.staff);
      const s = await insertStakeholder(
        db,
        orgId,
        {
          name: type === 'media' || type === 'investor' ? `${c.person} (${c.company})` : c.company,
          type,
          tier,
          organization: c.company,
          ownerUserId: owners.userIds[ownerIndex]!,
          cadenceOverride: type === 'government' ? { idealDays: 60, maxDays: 90 } : null,
          active: true,
          identities: c.identities,
        },
        now,
      );
      stakeholders.push({
        id: s.id,
        name: s.name,
        type,
        tier,
        ownerIndex,
        email: c.email,
        domain: c.domain,
        weibo: c.weibo,
        activity: tier === 'key' || tier === 'core' ? 3 : type === 'customer' ? 1.5 : 1,
        quietDays: rng.chance(0.15) ? rng.int(35, 120) : 0,
      });
    }
  }
  return stakeholders;
}
