import { defineConfig } from 'vitest/config';

// Node by default: DOM tests opt in with `// @vitest-environment happy-dom` or build a happy-dom Window themselves.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.output/**', '.wxt/**'],
  },
});
