import { asc } from 'drizzle-orm';
import type { SiteHealthEntry } from '@comms-log/shared';
import { siteHealthOfOrg } from '../db/queries/site-health';
import { orgs } from '../db/schema';
import { findOrg, flags, type Command } from './args';

/** One line per broken field: which site broke since when, how often, for how many people, on which hosts. */
export function healthLine(e: SiteHealthEntry): string {
  const people = e.users === 1 ? '1 person' : `${e.users} people`;
  return (
    `  ${e.site}: "${e.field}" not found (adapter ${e.adapterVersion}) since ${e.firstAt}, last ${e.lastAt}; ` +
    `${e.failures} failure${e.failures === 1 ? '' : 's'}, ${people}, on ${e.hosts.join(', ')}`
  );
}

/** `health`: the site adapters' failures reported by the org's extensions (docs/architecture.md "Content scripts"). */
export const healthCommands: Record<string, Command> = {
  async health(db, args) {
    const f = flags(args, ['org']);
    const chosen = f.org
      ? [await findOrg(db, f.org)]
      : await db.select({ id: orgs.id, name: orgs.name }).from(orgs).orderBy(asc(orgs.name));
    for (const org of chosen) {
      const entries = await siteHealthOfOrg(db, org.id);
      console.log(`${org.name}: ${entries.length === 0 ? 'every site read without failures' : 'site failures'}`);
      for (const e of entries) console.log(healthLine(e));
    }
  },
};
