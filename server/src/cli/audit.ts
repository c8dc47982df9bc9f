import { fromIso, toIso } from '../iso';
import { listAudit } from '../services/audit/list';
import { cliCtx } from '../services/audit/record';
import { findOrg, flags, required, UsageError, type Command } from './args';

/** `audit`: the org's audit trail, oldest first (as a log reads), from `--since` on. */
export const auditCommands: Record<string, Command> = {
  async audit(db, args) {
    const f = flags(args, ['org', 'since', 'limit']);
    const org = await findOrg(db, required(f, 'org'));
    const since = f.since === undefined ? undefined : parseSince(f.since);
    const limit = f.limit === undefined ? 500 : Number(f.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new UsageError(`--limit must be a whole number from 1 to 500 (got "${f.limit}")`);
    const { entries, hasMore } = await listAudit(cliCtx(db, org.id), { since, limit });
    if (entries.length === 0) {
      console.log(`No audit entries in "${org.name}"${since ? ` since ${since}` : ''}.`);
      return;
    }
    for (const e of entries.reverse()) {
      const detail = Object.keys(e.detail).length ? `  ${JSON.stringify(e.detail)}` : '';
      console.log(`${e.at}  ${e.actor}  ${e.action}${e.target ? `  ${e.target}` : ''}${detail}`);
    }
    if (hasMore) console.log(`(older entries left out: these are the newest ${limit}; narrow with --since)`);
  },
};

/** `--since`: an ISO date (midnight UTC) or date-time. */
function parseSince(value: string): string {
  const ms = fromIso(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw new UsageError(`--since must be a date or date-time, e.g. 2026-03-01 (got "${value}")`);
  return toIso(ms);
}
