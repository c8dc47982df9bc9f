import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './server-process';

/** The org every browser test signs into: Northwind Robotics in Shanghai, its admin Chen Jing. */
export const org = {
  name: 'Northwind Robotics',
  admin: { name: 'Chen Jing', email: 'chen.jing@northwind-robotics.com' },
  staff: { name: 'Li Wei', email: 'li.wei@northwind-robotics.com' },
  manager: { name: 'Zhou Min', email: 'zhou.min@northwind-robotics.com' },
} as const;

const tokenIn = (what: string, out: string): string => {
  const token = /\bcl_[A-Za-z0-9_-]{20,}/.exec(out)?.[0];
  if (!token) throw new Error(`no token in the output of ${what}:\n${out}`);
  return token;
};

/** Creates one of the org's users through the CLI and issues their token. */
async function userWithToken(databaseUrl: string, who: { name: string; email: string }, role: string): Promise<string> {
  await runCli(databaseUrl, [
    'user:create',
    '--org',
    org.name,
    '--email',
    who.email,
    '--name',
    who.name,
    '--role',
    role,
  ]);
  return tokenIn('token:create', await runCli(databaseUrl, ['token:create', '--user', who.email]));
}

/**
 * Through the server's own CLI: the org and its admin, with `staff` also Li Wei (staff), with `manager` also
 * Zhou Min (manager), a token each, and the stakeholders of `stakeholderCsv` (rows under the CLI's import
 * header), checked to import without errors; their ids in the rows' order.
 */
export async function provisionOrg(
  databaseUrl: string,
  opts: { dir: string; staff?: boolean; manager?: boolean; stakeholderCsv: string[] },
): Promise<{ adminToken: string; staffToken: string | null; managerToken: string | null; stakeholderIds: string[] }> {
  const created = await runCli(databaseUrl, [
    'org:create',
    '--name',
    org.name,
    '--tz',
    'Asia/Shanghai',
    '--admin-email',
    org.admin.email,
    '--admin-name',
    org.admin.name,
  ]);
  const adminToken = tokenIn('org:create', created);
  const staffToken = opts.staff ? await userWithToken(databaseUrl, org.staff, 'staff') : null;
  const managerToken = opts.manager ? await userWithToken(databaseUrl, org.manager, 'manager') : null;
  const csv = join(opts.dir, 'stakeholders.csv');
  writeFileSync(
    csv,
    ['name,type,tier,organization,owner_email,emails,domains,weibo,jira,trello,phones', ...opts.stakeholderCsv].join(
      '\n',
    ),
  );
  const imported = await runCli(databaseUrl, ['import:stakeholders', '--org', org.name, '--file', csv]);
  const expected = `${opts.stakeholderCsv.length} created, 0 updated, 0 with errors`;
  if (!imported.includes(expected)) throw new Error(`import:stakeholders did not report "${expected}":\n${imported}`);
  // "row 2: created (<id>)", in the file's order.
  const stakeholderIds = [...imported.matchAll(/row \d+: created \(([^)]+)\)/g)].map((m) => m[1]!);
  return { adminToken, staffToken, managerToken, stakeholderIds };
}
