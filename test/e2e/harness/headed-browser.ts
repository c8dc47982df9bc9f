import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, type ExtensionBrowser } from './browser';
import { extensionDir } from './paths';

/**
 * Chromium with the built extension in a real (virtual) X display, for the one thing headless Chromium cannot
 * do: answer the browser's own permission prompt (`permissions.request`), which no page, CDP call or flag can
 * accept. The test presses the prompt's keys as a user would, through the X server (xdotool). Needs `Xvfb` and
 * `xdotool` (`apt-get install -y xvfb xdotool`; docs/development.md "The extension in a real browser").
 */
export interface HeadedExtensionBrowser extends ExtensionBrowser {
  /** Types keys into whatever has the focus on the display, e.g. `pressKeys('Tab', 'Return')`. */
  pressKeys(...keys: string[]): void;
}

function freeDisplay(): number {
  for (let n = 90; n < 190; n++) if (!existsSync(`/tmp/.X${n}-lock`)) return n;
  throw new Error('no free X display number in :90–:189');
}

async function startXvfb(): Promise<{ display: string; xvfb: ChildProcess }> {
  const n = freeDisplay();
  const xvfb = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) =>
    xvfb.once('error', (e) => reject(new Error(`Xvfb did not start (apt-get install -y xvfb xdotool): ${e.message}`))),
  );
  const deadline = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (Date.now() > deadline) throw new Error(`Xvfb :${n} did not come up`);
    await Promise.race([failed, new Promise((r) => setTimeout(r, 100))]);
  }
  return { display: `:${n}`, xvfb };
}

export async function launchHeadedWithExtension(
  opts: { userDataDir?: string; lang?: string; timeZone?: string } = {},
): Promise<HeadedExtensionBrowser> {
  const { display, xvfb } = await startXvfb();
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'comms-log-chromium-'));
  const lang = opts.lang ?? 'en-US';
  const env = { ...process.env, DISPLAY: display, ...(opts.timeZone ? { TZ: opts.timeZone } : {}) };
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: false,
    locale: lang,
    timezoneId: opts.timeZone,
    env: env as Record<string, string>,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    worker,
    userDataDir,
    pressKeys: (...keys) => void execFileSync('xdotool', ['key', '--clearmodifiers', ...keys], { env }),
    async close() {
      await context.close();
      xvfb.kill();
    },
  };
}
