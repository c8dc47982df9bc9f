import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/*
 * WXT's plugin gives the tests what the build gives the extension: `wxt/browser` and the `browser`/`chrome`
 * globals are its in-memory fake (`fakeBrowser` from 'wxt/testing/fake-browser'; reset it where a test needs a
 * clean state), plus the build's aliases and globals.
 * Node by default: DOM tests opt in with `// @vitest-environment happy-dom` or build a happy-dom Window themselves.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.output/**', '.wxt/**'],
  },
});
