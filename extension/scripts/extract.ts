/**
 * Debug command: run a site adapter on a saved page and print the capture as JSON.
 *
 *   pnpm extract <site> <file.html> [--now ISO] [--tz Area/City] [--url URL]
 *
 * From the repo root the root script runs this through `pnpm --filter`, whose working directory is extension/,
 * so a relative file path is resolved against INIT_CWD (where pnpm was started).
 * Exit codes: 0 printed; 1 the page shows no thread; 2 the site changed (a required element is missing);
 * 64 usage error; 70 anything unexpected, a capture that breaks the capture contract among them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { capturedThreadSchema, siteIdSchema, timeZoneSchema, type SiteId } from '@comms-log/shared';
import { createPageWindow, readFixtureMeta } from '../src/sites/common/fixture-test-kit';
import { SiteChangedError } from '../src/sites/common/site-changed-error';
import type { ExtractOptions } from '../src/sites/common/types';
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

type Page = { site: SiteId; html: string; opts: ExtractOptions };

/** The page and what extract() needs besides it: flags first, then the page's fixture metas and comments. */
function loadPage(args: Args): Page {
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  let html: string;
  try {
    html = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as Error).message}`);
  }

  const url = args.url ?? readFixtureMeta(html, 'fixture-url') ?? savedFromUrl(html);
  if (!url || !URL.canParse(url)) throw new UsageError("the page names no URL; pass --url <the page's real URL>");
  const nowText = args.now ?? readFixtureMeta(html, 'fixture-now');
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now is not an ISO date-time: ${nowText}`);
  const timeZone =
    args.tz ?? readFixtureMeta(html, 'fixture-timezone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!timeZoneSchema.safeParse(timeZone).success) throw new UsageError(`unknown time zone ${timeZone}`);
  return { site: args.site, html, opts: { url, now, timeZone } };
}

/** Runs the site's adapter on the page and prints the capture; returns the exit code. */
function printCapture({ site, html, opts }: Page): number {
  const window = createPageWindow(html, opts.url);
  try {
    const thread = adapters[site].extract(window.document as unknown as Document, opts);
    if (!thread) {
      process.stderr.write(`extract: no ${site} thread on this page (${opts.url} is not a conversation view)\n`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(thread, null, 2)}\n`);
    // Adapters carry no schema library (docs/adding-a-site.md "Size"), so the contract is checked here.
    const checked = capturedThreadSchema.safeParse(thread);
    if (checked.success) return 0;
    for (const issue of checked.error.issues)
      process.stderr.write(`extract: capture breaks the contract at ${issue.path.join('.')}: ${issue.message}\n`);
    return 70;
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

function main(argv: string[]): number {
  let page: Page;
  try {
    page = loadPage(parseArgs(argv));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) process.stderr.write(`extract: ${err.message}\n`);
    process.stderr.write(`${usage}\n`);
    return 64;
  }
  return printCapture(page);
}

process.exitCode = main(process.argv.slice(2));
