import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from './paths';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded (docs/development.md "The extension in a real browser"). Reuse `userDataDir` to simulate a
 * browser restart with the same profile.
 */
export async function launchWithExtension(
  opts: { userDataDir?: string; lang?: string; timeZone?: string } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`the extension is not built at ${extensionDir}: run \`pnpm build\` first`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'comms-log-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: false,
    locale: opts.lang ?? 'en-US',
    timezoneId: opts.timeZone,
    // The content scripts read the zone from Intl in their own world: set it for the whole browser process.
    env: { ...process.env, ...(opts.timeZone ? { TZ: opts.timeZone } : {}) } as Record<string, string>,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${opts.lang ?? 'en-US'}`,
      // Lets a test press the toolbar button through CDP (active-tab.ts): a real click grants activeTab.
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, userDataDir, close: () => context.close() };
}
