import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each integration file gets its own fresh database, copied from one migrated database the
    // global setup makes once per run, so files may run in parallel: two at a time even on a
    // two-core machine, since much of a file's time is spent waiting on its database.
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
