import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeCsvBytes } from '@comms-log/shared';
import { cliCtx } from '../services/audit/record';
import { importCsv, recordImport } from '../services/directory/import';
import { findOrg, flags, required, UsageError, type Command } from './args';

/** `import:stakeholders`. */
export const directoryCommands: Record<string, Command> = {
  async 'import:stakeholders'(db, args) {
    const f = flags(args, ['org', 'file']);
    const org = await findOrg(db, required(f, 'org'));
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), required(f, 'file'));
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new UsageError(`cannot read ${path}`);
    }
    if (bytes.byteLength > 1024 * 1024) throw new UsageError('the CSV can be at most 1 MiB; split it');
    // Excel and WPS on a Chinese Windows machine save GB18030, not UTF-8: read the file's own encoding.
    const decoded = decodeCsvBytes(bytes);
    if ('error' in decoded) throw new UsageError(`${path}: ${decoded.error.replace(/\.$/, '')}`);
    const csv = decoded.text;
    const report = await importCsv(db, org.id, { csv, dryRun: false }, Date.now());
    await recordImport(cliCtx(db, org.id), report);
    for (const r of report.rows)
      console.log(
        `row ${r.row}: ${r.status}${r.status === 'error' ? ` — ${r.message}` : ''}${r.stakeholderId ? ` (${r.stakeholderId})` : ''}`,
      );
    console.log(`\n${report.created} created, ${report.updated} updated, ${report.errors} with errors.`);
    if (report.errors > 0) process.exitCode = 1;
  },
};
