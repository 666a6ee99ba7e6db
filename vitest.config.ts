import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    // test/live calls a real endpoint: only `npm run test:live` includes it.
    exclude: process.env['LIVE_LLM'] === '1' ? [] : ['test/live/**', 'node_modules/**'],
    testTimeout: 30_000,
    // ink draws only its last frame when CI is set (is-in-ci): the UI tests read every frame.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
