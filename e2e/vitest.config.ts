import { defineConfig } from 'vitest/config';

// End-to-end tests: the real web build, served on 127.0.0.1, driven in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['scripts/testTmpdir.ts', 'e2e/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
