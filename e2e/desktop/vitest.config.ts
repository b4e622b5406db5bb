import { defineConfig } from 'vitest/config';

// The desktop e2e alone (`npm run test:desktop`, the release workflow): the real Electron shell,
// no web server or Chromium (e2e/vitest.config.ts, which also runs these files, needs both).
export default defineConfig({
  test: {
    include: ['e2e/desktop/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
