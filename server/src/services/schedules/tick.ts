import { eq } from 'drizzle-orm';
import { orgs } from '../../db/schema';
import { mailSchedules } from '../../db/tables/mail';
import { deliver, reportMaker, type MailDeps } from './deliver';
import { lastWholePeriod, periodOfKey } from './periods';
import { claimRetries, claimScheduled } from './send-log';

/**
 * One pass of the schedule: for every org with recipients, the last whole period goes to each recipient who has
 * not had it (a claimed row each), then failed sends to addresses still listed whose retry time came are tried again. Returns how many
 * messages went out.
 */
export async function runScheduleTick(deps: MailDeps): Promise<number> {
  const schedules = await deps.db
    .select({ schedule: mailSchedules, timeZone: orgs.timeZone })
    .from(mailSchedules)
    .innerJoin(orgs, eq(orgs.id, mailSchedules.orgId));
  let sent = 0;
  for (const { schedule, timeZone } of schedules) {
    const now = deps.now();
    const period = lastWholePeriod(schedule.cadence, now, timeZone);
    const report = reportMaker(deps, schedule.orgId, schedule.updatedBy, period);
    for (const recipient of schedule.recipients) {
      const row = await claimScheduled(deps.db, { orgId: schedule.orgId, period: period.key, recipient, now });
      if (row && (await deliver(deps, row, report))) sent++;
    }
    const emails = schedule.recipients.map((r) => r.email);
    for (const row of await claimRetries(deps.db, schedule.orgId, emails, now)) {
      const retried = periodOfKey(row.period, timeZone);
      if (!retried) continue;
      const retryReport =
        row.period === period.key ? report : reportMaker(deps, row.orgId, schedule.updatedBy, retried);
      if (await deliver(deps, row, retryReport)) sent++;
    }
  }
  return sent;
}
