/** The real process: `node src/server.js` starts, creates the first admin, serves, and shuts down cleanly. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { embeddedOnly } from '../support/app.ts';
import { pollUntil } from '../support/poll.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['src/server.js'], {
    env: { ...process.env, LOG_LEVEL: 'info', STEWARD_JOBS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

embeddedOnly('server process', () => {
  it('starts on the embedded database, prints the first admin once, serves requests and stops gracefully on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'steward-server-'));
    dirs.push(dir);
    const port = await freePort();
    const s = start({ DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', STEWARD_DEMO: '0' });
    const ready = await pollUntil(
      () =>
        fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      Boolean,
      { what: 'the server to be ready', timeoutMs: 60_000, everyMs: 200 },
    );
    expect(ready).toBe(true);
    const out = s.output();
    expect(out).toContain('first administrator created');
    const password = /password: (\S+)/.exec(out)![1]!;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@steward.local', password }),
    });
    expect(login.status).toBe(200);
    // An in-flight request: headers sent, body only half sent when the signal arrives.
    const body = JSON.stringify({ email: 'admin@steward.local', password: 'wrong password!' });
    const sock = connect(port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let got = '';
      sock.on('data', (d) => {
        got += d;
      });
      sock.on('close', () => resolve(got));
    });
    sock.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 500));
    s.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    sock.write(body.slice(10));
    expect(await answer).toMatch(/^HTTP\/1.1 401/);
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('shutting down');
  });

  it('refuses to start with a readable message for a bad setting', async () => {
    const s = start({ PORT: 'eighty', DATA_DIR: 'memory://' });
    expect(await s.exited).toBe(2);
    expect(s.output()).toContain('PORT="eighty"');
  });
});
