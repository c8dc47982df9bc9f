import { runCli } from './server-process';

/** Tokens printed by `seed-demo`, by role (the first user of each role) and by email. */
export interface DemoTokens {
  admin: string;
  manager: string;
  staff: string;
  byEmail: Map<string, string>;
}

/** Parses the token lines of `seed-demo` ("  manager zhou.min@demo.example   <token>"). */
export function parseSeedTokens(out: string): DemoTokens {
  const byEmail = new Map<string, string>();
  const byRole = new Map<string, string>();
  for (const m of out.matchAll(/^\s+(staff|manager|admin)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    byEmail.set(m[2]!, m[3]!);
    if (!byRole.has(m[1]!)) byRole.set(m[1]!, m[3]!);
  }
  const role = (r: string) => {
    const tok = byRole.get(r);
    if (!tok) throw new Error(`seed-demo printed no ${r} token:\n${out}`);
    return tok;
  };
  return { admin: role('admin'), manager: role('manager'), staff: role('staff'), byEmail };
}

/** Fills a fresh database with the CLI's `seed-demo` and returns the tokens it printed. */
export async function seedDemo(databaseUrl: string): Promise<DemoTokens> {
  return parseSeedTokens(await runCli(databaseUrl, ['seed-demo']));
}
