import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { embeddedOnly } from '../support/app.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'steward-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['src/cli.js', ...args], {
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

embeddedOnly('admin CLI', () => {
  it('migrates, creates an admin and a token for them', () => {
    expect(cli('migrate')).toMatchObject({ code: 0 });
    const admin = cli('create-admin', '--email', 'ops@example.com', '--name', 'Ops');
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/Password \(shown once\): \S{12,}/);
    const token = cli('create-token', '--email', 'ops@example.com', '--name', 'ci', '--scopes', 'read');
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/stw_\S+/);
  });

  it('explains bad arguments and exits 2', () => {
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('Unknown command "frobnicate"');
    const missing = cli('create-admin', '--name', 'X');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.out).toContain('--email is required.');
    const scope = cli('create-token', '--email', 'ops@example.com', '--name', 'x', '--scopes', 'root');
    expect(scope.out).toContain('Unknown scope(s) root');
    expect(cli('create-token', '--email', 'nobody@example.com', '--name', 'x').out).toContain(
      'No user with email nobody@example.com.',
    );
    expect(cli('create-admin', '--email', 'x@example.com', '--name', 'X', '--bogus', '1').out).toContain(
      "Unknown option '--bogus'",
    );
  });

  it('refuses a duplicate admin with a clear error', () => {
    const r = cli('create-admin', '--email', 'OPS@example.com', '--name', 'Ops');
    expect(r.code).toBe(1);
    expect(r.out).toContain('already exists');
  });
});

embeddedOnly('embedded database lock', () => {
  it('refuses a second process on the same data folder with a clear message, and frees it on exit', async () => {
    const { spawn } = await import('node:child_process');
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { openDatabase } = await import(${JSON.stringify(new URL('../../src/db/client.ts', import.meta.url).href)});
      const d = await openDatabase({ dataDir: ${JSON.stringify(dir)} });
      console.log('ready');
      process.stdin.on('data', async () => { await d.close(); process.exit(0); });
    `,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) =>
      holder.stdout!.on('data', (d) => String(d).includes('ready') && resolve()),
    );
    const busy = cli('migrate');
    expect(busy.code).toBe(1);
    expect(busy.out).toContain(`is in use by process ${holder.pid}`);
    holder.stdin!.write('x');
    await new Promise((r) => holder.on('exit', r));
    expect(cli('migrate').code).toBe(0);
  });
});

embeddedOnly('CLI import', () => {
  const file = path.join(dir, 'cis.csv');
  writeFileSync(
    file,
    'class,name,hostname,os\nvirtual_server,app-vm-1,app-vm-1.corp,linux\napplication,Billing,,\nspaceship,Enterprise,,\n',
  );

  it('reports per row on a dry run and changes nothing', () => {
    const dry = cli('import', '--file', file, '--type', 'cis', '--dry-run');
    expect(dry.out).toContain(
      'Dry run of 3 cis row(s) from cis.csv: 2 created, 0 updated, 0 unchanged, 1 rejected',
    );
    expect(dry.out).toMatch(/row 2\s+created/);
    expect(dry.out).toMatch(/row 4\s+rejected\s+Unknown class "spaceship"\./);
    expect(dry.code).toBe(1);
    const again = cli('import', '--file', file, '--type', 'cis', '--dry-run');
    expect(again.out).toContain('2 created');
  });

  it('imports, then finds nothing to change on a second run', () => {
    expect(cli('import', '--file', file, '--type', 'cis').out).toContain(
      '2 created, 0 updated, 0 unchanged, 1 rejected',
    );
    const second = cli('import', '--file', file, '--type', 'cis');
    expect(second.out).toContain('0 created, 0 updated, 2 unchanged, 1 rejected');
    expect(second.out).toMatch(/row 4\s+rejected/);
  });

  it('explains bad import arguments', () => {
    expect(cli('import', '--type', 'cis')).toMatchObject({ code: 2 });
    expect(cli('import', '--file', file, '--type', 'planets').out).toContain(
      '--type must be one of cis, relationships, assets.',
    );
    expect(cli('import', '--file', path.join(dir, 'missing.csv'), '--type', 'cis').out).toContain(
      'Cannot read',
    );
  });
});
