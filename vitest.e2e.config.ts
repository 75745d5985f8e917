import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests: the real server as a child process, the built web app, Chromium.
 * The global setup builds web/dist first when it is missing or older than web/src.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Each file starts its own server (on a free port, from its own copy of the data folder) and
    // browser. A file spends most of its time waiting on the page, so two run side by side.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    // A page under a loaded machine may take seconds to settle; polls wait for it, not 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    reporters: ['default'],
  },
});
