import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { privacyHandleInputSchema } from '@comms-log/shared';
import { cliCtx } from '../services/audit/record';
import { allowErasedHandle } from '../services/erasure/allow-handle';
import { eraseStakeholder } from '../services/erasure/erase';
import { exportStakeholder } from '../services/erasure/export';
import { findOrg, flags, required, UsageError, type Command } from './args';

/**
 * `export:stakeholder`, `erase:stakeholder` and `allow:handle`: answering a person's access or erasure request, and
 * letting a handle in again when they come back and consent.
 */
export const privacyCommands: Record<string, Command> = {
  async 'export:stakeholder'(db, args) {
    const f = flags(args, ['org', 'stakeholder', 'out']);
    const org = await findOrg(db, required(f, 'org'));
    const out = resolve(process.env.INIT_CWD ?? process.cwd(), required(f, 'out'));
    if (existsSync(out)) throw new UsageError(`${out} exists: choose a new file name`);
    const data = await exportStakeholder(cliCtx(db, org.id), { stakeholderId: required(f, 'stakeholder') });
    writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    console.log(`Wrote ${out}: ${data.stakeholder.name}, ${data.interactions.length} interactions.`);
  },

  async 'erase:stakeholder'(db, args) {
    const f = flags(args, ['org', 'stakeholder'], ['yes']);
    const org = await findOrg(db, required(f, 'org'));
    const stakeholderId = required(f, 'stakeholder');
    if (!f.yes) throw new UsageError('erasing cannot be undone: export first if needed, then add --yes');
    const result = await eraseStakeholder(cliCtx(db, org.id), { stakeholderId });
    const counts = Object.entries(result.removed)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    console.log(`Erased stakeholder ${stakeholderId}: ${counts}. Extensions drop their copies on their next sync.`);
  },

  async 'allow:handle'(db, args) {
    const f = flags(args, ['org', 'kind', 'value']);
    const org = await findOrg(db, required(f, 'org'));
    const input = privacyHandleInputSchema.safeParse({ kind: required(f, 'kind'), value: required(f, 'value') });
    if (!input.success) throw new UsageError('--kind is one of email, weibo, jira, trello, phone; --value the handle');
    const allowed = await allowErasedHandle(cliCtx(db, org.id), input.data);
    console.log(
      `The ${allowed.kind} ${allowed.value} (erased ${allowed.erasedAt}) may be kept again: the directory and pushes accept it.`,
    );
  },
};
