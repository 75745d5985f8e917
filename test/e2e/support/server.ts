/**
 * Starts the real Steward server as a child process (the Node running vitest, which is Node 24)
 * on a free port with a fresh data directory, waits for /readyz, and stops it by PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { ApiSession } from './api.ts';
import { ROOT } from './paths.ts';

export const ADMIN_EMAIL = 'admin@steward.local';
export const ADMIN_PASSWORD = 'e2e-admin-password-123';

export type RunningServer = {
  baseUrl: string;
  /** Signed in as the first administrator, for arranging users, groups and records. */
  admin: ApiSession;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A copy of the run's migrated database (global-setup.ts): no empty cluster, no migrations. */
function freshDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-e2e-'));
  const template = inject('e2eDataTemplate');
  if (template) cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

async function waitReady(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`The server exited early (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not become ready within ${timeoutMs} ms:\n${log()}`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * `port` when the caller needs the address first (e.g. to register it at an identity provider);
 * `dataDir`, a data folder the caller prepared, instead of a fresh copy of the migrated one (it is
 * removed when the server stops, as the copy would be); extra `env`.
 */
export async function startServer(
  opts: { port?: number; dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? freshDataDir();
  let output = '';
  const child = spawn(process.execPath, ['src/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STEWARD_DEMO: '0',
      STEWARD_JOBS: '0',
      STEWARD_ADMIN_EMAIL: ADMIN_EMAIL,
      STEWARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      }, 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitReady(baseUrl, child, () => output);
    const admin = await ApiSession.signIn(baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    return { baseUrl, admin, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** After a file's tests: close its browser, then stop its server (either may never have started). */
export async function shutDown(
  browser: Browser | undefined,
  server: RunningServer | undefined,
): Promise<void> {
  await browser?.close();
  await server?.stop();
}
