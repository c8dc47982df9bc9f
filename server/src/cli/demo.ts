import { seedDemo } from '../demo/seed';
import { flags, UsageError, type Command } from './args';

/** `seed-demo`. */
export const demoCommands: Record<string, Command> = {
  async 'seed-demo'(db, args) {
    const f = flags(args, ['org-name', 'seed', 'interactions', 'now']);
    const now = f.now === undefined ? undefined : Date.parse(f.now);
    if (now !== undefined && !Number.isFinite(now))
      throw new UsageError(`--now must be an ISO 8601 date-time such as 2026-03-17T09:00:00+08:00 (got "${f.now}")`);
    const seed = f.seed === undefined ? 42 : Number(f.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer (got "${f.seed}")`);
    const interactions = f.interactions === undefined ? 5000 : Number(f.interactions);
    if (!Number.isInteger(interactions) || interactions < 1 || interactions > 200_000)
      throw new UsageError('--interactions must be an integer from 1 to 200000');
    const started = Date.now();
    const result = await seedDemo(db, { orgName: f['org-name'], seed, interactions, now });
    const c = result.counts;
    console.log(
      `Created demo org "${result.orgName}" (${result.orgId}) in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    );
    console.log(
      `  ${c.stakeholders} stakeholders, ${c.interactions} interactions, ${c.followups} follow-ups, ${c.closures} "no reply needed" closures,`,
    );
    console.log(
      `  ${c.threadOutcomes} conversation outcomes, ${c.surveys} survey responses, ${c.coverage} media reports,`,
    );
    console.log(
      `  ${c.projectItems} dated project items, ${c.ownPosts} own posts, ${c.meetings} meetings, ${c.activities} planned activities, ${c.costEntries} cost entries, ${c.revenueMonths} months of revenue.\n`,
    );
    console.log('API tokens (shown only once):');
    for (const u of result.users) console.log(`  ${u.role.padEnd(7)} ${u.email.padEnd(28)} ${u.token}`);
  },
};
