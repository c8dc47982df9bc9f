import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built extension: `COMMS_LOG_EXT_OUT` (relative to extension/) when set, as wxt.config.ts builds it. */
export const extensionOutDir = resolve(repoRoot, 'extension', process.env.COMMS_LOG_EXT_OUT ?? '.output');
export const extensionDir = resolve(extensionOutDir, 'chrome-mv3');
export const serverDir = resolve(repoRoot, 'server');
export const siteFixturesDir = (site: string) => resolve(repoRoot, 'extension/src/sites', site, 'fixtures');
/** Pages the e2e tests serve that are not a site adapter's fixtures (a news article, say). */
export const e2eFixturesDir = resolve(repoRoot, 'test/e2e/fixtures');
export const artifactsDir = resolve(repoRoot, 'test/artifacts');
