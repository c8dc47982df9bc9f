import type { BenchUser } from '../bench/generate';
import { runCli } from '../e2e/harness/server-process';

const ORG = 'Soak faults';

const tokenIn = (what: string, out: string): string => {
  const token = /\bcl_[A-Za-z0-9_-]{20,}/.exec(out)?.[0];
  if (!token) throw new Error(`no token in the output of ${what}:\n${out}`);
  return token;
};

/**
 * Through the server's own CLI, before the server starts: the org (Asia/Shanghai, default plan) with an admin and
 * a token, and each of `users` as staff with a token of their own (one simulated extension each).
 */
export async function provisionSoakOrg(
  databaseUrl: string,
  users: readonly BenchUser[],
): Promise<{ adminToken: string; staffTokens: string[] }> {
  const created = await runCli(databaseUrl, [
    'org:create',
    '--name',
    ORG,
    '--tz',
    'Asia/Shanghai',
    '--admin-email',
    'admin@soak.example.com',
    '--admin-name',
    'Soak Admin',
  ]);
  const staffTokens: string[] = [];
  for (const u of users) {
    await runCli(databaseUrl, ['user:create', '--org', ORG, '--email', u.email, '--name', u.name, '--role', 'staff']);
    staffTokens.push(tokenIn('token:create', await runCli(databaseUrl, ['token:create', '--user', u.email])));
  }
  return { adminToken: tokenIn('org:create', created), staffTokens };
}
