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
    // Each file starts its own server and browser; running them one at a time keeps timings stable.
    fileParallelism: false,
    pool: 'forks',
    // A page under a loaded machine may take seconds to settle; polls wait for it, not 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    reporters: ['default'],
  },
});
