import { createHash } from 'node:crypto';
import type { DbHandle } from '../db/client';

/** A column every authenticated request may touch, refused or not: when a token was last used. */
const touchedByAnyRequest = new Set(['api_tokens.last_used_at']);

/** The tables and their columns, read once per database (the schema does not change under a test). */
const layouts = new WeakMap<DbHandle, Promise<{ table: string; columns: string[] }[]>>();

function layoutOf(handle: DbHandle) {
  let layout = layouts.get(handle);
  if (!layout) {
    layout = (async () => {
      const tables = await handle.client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
      );
      return Promise.all(
        tables.rows.map(async ({ name }) => {
          const info = await handle.client.execute(`SELECT name FROM pragma_table_info('${String(name)}')`);
          return { table: String(name), columns: info.rows.map((r) => String(r.name)) };
        }),
      );
    })();
    layouts.set(handle, layout);
  }
  return layout;
}

/**
 * Test files only: a digest of every table's rows (in a stable order), to show that a refused call changed nothing.
 * With `orgId`, only that org's rows of the tables that carry `org_id` (and the org itself).
 */
export async function hashTables(handle: DbHandle, orgId?: string): Promise<string> {
  const hash = createHash('sha256');
  for (const { table, columns } of await layoutOf(handle)) {
    let where = '';
    if (orgId !== undefined) {
      if (table === 'orgs') where = 'WHERE id = ?';
      else if (columns.includes('org_id')) where = 'WHERE org_id = ?';
      else continue;
    }
    const rs = await handle.client.execute({ sql: `SELECT * FROM "${table}" ${where}`, args: where ? [orgId!] : [] });
    const rows = rs.rows
      .map((row) =>
        JSON.stringify(rs.columns.map((c, i) => (touchedByAnyRequest.has(`${table}.${c}`) ? null : row[i]))),
      )
      .sort();
    hash.update(`${table}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}
