/**
 * Debug command: run a site adapter on a saved page and print the capture as JSON.
 *
 *   pnpm extract <site> <file.html> [--now ISO] [--tz Area/City] [--url URL]
 *
 * From the repo root the root script runs this through `pnpm --filter`, whose working directory is extension/,
 * so a relative file path is resolved against INIT_CWD (where pnpm was started).
 * Exit codes: 0 printed; 1 the page shows no thread; 2 the site changed (a required element is missing);
 * 64 usage error; 70 anything unexpected.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteIdSchema, timeZoneSchema, type SiteId } from '@comms-log/shared';
import { createPageWindow, readFixtureMeta } from '../src/sites/common/fixture-test-kit';
import { SiteChangedError } from '../src/sites/common/site-changed-error';
import { adapters } from '../src/sites/registry';

const usage = `usage: pnpm extract <site> <file.html> [--now ISO] [--tz Area/City] [--url URL]
  site   one of: ${siteIdSchema.options.join(', ')}
  --now  "now" for relative times (default: the page's fixture-now meta, else the current time)
  --tz   IANA zone the page shows times in (default: the page's fixture-timezone meta, else this machine's zone)
  --url  the page's real URL (default: the page's fixture-url meta, else Chrome's "saved from url" comment)`;

class UsageError extends Error {}

type Args = { site: SiteId; file: string; now?: string; tz?: string; url?: string };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') throw new UsageError('');
    const flag = arg.match(/^--(now|tz|url)(?:=(.*))?$/);
    if (flag) {
      const value = flag[2] ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${flag[1]} needs a value`);
      flags[flag[1]!] = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new UsageError('expected a site and a file');
  const site = siteIdSchema.safeParse(positional[0]);
  if (!site.success) throw new UsageError(`unknown site "${positional[0]}"`);
  return { site: site.data, file: positional[1]!, now: flags.now, tz: flags.tz, url: flags.url };
}

function savedFromUrl(html: string): string | null {
  return html.match(/<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/)?.[1] ?? null;
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) process.stderr.write(`extract: ${err.message}\n`);
    process.stderr.write(`${usage}\n`);
    return 64;
  }

  const path = resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch (err) {
    process.stderr.write(`extract: cannot read ${path}: ${(err as Error).message}\n${usage}\n`);
    return 64;
  }

  const url = args.url ?? readFixtureMeta(html, 'fixture-url') ?? savedFromUrl(html);
  if (!url || !URL.canParse(url)) {
    process.stderr.write(`extract: the page names no URL; pass --url <the page's real URL>\n${usage}\n`);
    return 64;
  }
  const nowText = args.now ?? readFixtureMeta(html, 'fixture-now');
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`extract: --now is not an ISO date-time: ${nowText}\n${usage}\n`);
    return 64;
  }
  const timeZone =
    args.tz ?? readFixtureMeta(html, 'fixture-timezone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!timeZoneSchema.safeParse(timeZone).success) {
    process.stderr.write(`extract: unknown time zone ${timeZone}\n${usage}\n`);
    return 64;
  }

  const window = createPageWindow(html, url);
  try {
    const thread = adapters[args.site].extract(window.document as unknown as Document, { url, now, timeZone });
    if (!thread) {
      process.stderr.write(`extract: no ${args.site} thread on this page (${url} is not a conversation view)\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(thread, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof SiteChangedError) {
      process.stderr.write(
        `extract: site changed: ${err.site}: required selector "${err.selectorKey}" matched nothing\n`,
      );
      return 2;
    }
    process.stderr.write(`extract: ${(err as Error).stack ?? String(err)}\n`);
    return 70;
  } finally {
    void window.happyDOM.close();
  }
}

process.exitCode = main(process.argv.slice(2));
