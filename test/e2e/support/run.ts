/** A browser test file's own server and browser: started before its tests, closed after them. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ApiSession } from './api.ts';
import { launchBrowser, newPerson, type Person, signedInPerson } from './browser.ts';
import { type RunningServer, shutDown, startServer } from './server.ts';

type ServerOptions = Parameters<typeof startServer>[0];

/** What a file's tests use of its server and browser, there once the file's first hook has run. */
export type BrowserRun = {
  /** The server's first administrator, for arranging users, groups and records. */
  readonly admin: ApiSession;
  readonly baseUrl: string;
  /** A fresh browser profile on this server, as `newPerson` in browser.ts. */
  newPerson(width?: number, height?: number): Promise<Person>;
  /** A fresh browser profile on this server, signed in as `email`, as `signedInPerson` in browser.ts. */
  signedInPerson(email: string, password?: string): Promise<Person>;
};

/**
 * Registers the file's hooks: before its tests a server and a browser, after them both closed.
 * Call it before the file's own `beforeAll`, which then finds them started.
 * `options` (or what the function gives, when the server needs something prepared first) go to
 * `startServer`.
 */
export function useBrowserRun(options?: ServerOptions | (() => Promise<ServerOptions>)): BrowserRun {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(typeof options === 'function' ? await options() : options);
    browser = await launchBrowser();
  });
  afterAll(() => shutDown(browser, server));
  const started = () => {
    if (!server || !browser) throw new Error('The server and browser start in the first beforeAll');
    return { server, browser };
  };
  return {
    get admin() {
      return started().server.admin;
    },
    get baseUrl() {
      return started().server.baseUrl;
    },
    newPerson: (width, height) => {
      const run = started();
      return newPerson(run.browser, run.server.baseUrl, width, height);
    },
    signedInPerson: (email, password) => {
      const run = started();
      return signedInPerson(run.browser, run.server.baseUrl, email, password);
    },
  };
}
