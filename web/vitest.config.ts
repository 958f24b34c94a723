import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: vitest 3 runs on its own Vite, which plugin-react 6 does not support,
// so JSX is compiled by esbuild here instead.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    // Pure logic runs in Node; files that need a DOM say so with a `@vitest-environment jsdom` comment,
    // which keeps `npm test` fast (a jsdom start costs over a second per file).
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // A component test renders in about a second; on a busy two-core machine (CI with other jobs) it has taken eight.
    testTimeout: 20_000,
  },
});
