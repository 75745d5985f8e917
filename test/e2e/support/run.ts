/** A browser test file's own server and browser: started before its tests, closed after them. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ApiSession, PASSWORD, type UserInfo } from './api.ts';
import { launchBrowser, newPerson, type Person, signIn } from './browser.ts';
import { type RunningServer, shutDown, startServer } from './server.ts';

type ServerOptions = Parameters<typeof startServer>[0];

/** What a file's tests use of its server and browser, there once the file's first hook has run. */
export type BrowserRun = {
  /** The server's first administrator, for arranging users, groups and records. */
  readonly admin: ApiSession;
  readonly baseUrl: string;
  /**
   * What the pages of every profile opened through the run have thrown, each after who it was
   * signed in as (`person N` for a profile opened signed out); each profile's own are in its `errors`.
   */
  readonly pageErrors: string[];
  /** A fresh browser profile on this server, as `newPerson` in browser.ts. */
  newPerson(width?: number, height?: number): Promise<Person>;
  /**
   * A fresh browser profile on this server, signed in as `email` with the password test users are
   * given unless told.
   */
  signedInPerson(email: string, password?: string): Promise<Person>;
  /**
   * A new user for this run (as `createPerson` in api.ts) and a fresh browser profile signed in as
   * them.
   */
  signedInUser(...person: Parameters<ApiSession['createPerson']>): Promise<Person & { user: UserInfo }>;
  /** An API session on this server as `email`, with the password test users are given unless told. */
  apiAs(email: string, password?: string): Promise<ApiSession>;
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
  const pageErrors: string[] = [];
  let opened = 0;
  /** A fresh profile whose page errors go to `pageErrors` too, after `who`. */
  const open = async (who: string, width?: number, height?: number): Promise<Person> => {
    const run = started();
    const person = await newPerson(run.browser, run.server.baseUrl, width, height);
    person.page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
    return person;
  };
  const signedIn = async (email: string, password = PASSWORD): Promise<Person> => {
    const person = await open(email);
    await signIn(person.page, email, password);
    return person;
  };
  return {
    get admin() {
      return started().server.admin;
    },
    get baseUrl() {
      return started().server.baseUrl;
    },
    pageErrors,
    newPerson: (width, height) => open(`person ${++opened}`, width, height),
    signedInPerson: signedIn,
    async signedInUser(...person) {
      const user = await started().server.admin.createPerson(...person);
      return { user, ...(await signedIn(user.email)) };
    },
    apiAs: (email, password = PASSWORD) => ApiSession.signIn(started().server.baseUrl, email, password),
  };
}
