import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * For tests only: `@wxt-dev/browser` reads `globalThis.chrome` once, when it is first imported, so the fake must
 * be in place before any module that uses `wxt/utils/storage` loads. Import this first.
 */
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

export { fakeBrowser };
