import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'labs/**/*.test.ts',
      'cli/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Each run's temporary files in a folder of its own, removed at the end (scripts/testTmpdir.ts).
    globalSetup: ['scripts/testTmpdir.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
