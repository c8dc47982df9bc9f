import { defineConfig } from 'vitest/config';

// End-to-end flows start a real server and a real Chromium, the soak a server it kills: run files one at a time,
// with generous timeouts.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts', 'soak/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
