/**
 * Runs once before the e2e files: builds the web app when web/dist is missing or older than its
 * sources (web/src, web/index.html, web/vite.config.ts, src/shared), so `npm run test:e2e` works
 * on a fresh clone without a separate `npm run build:web`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/db/client.ts';
import { ROOT } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated embedded data folder; each server starts from a copy. */
    e2eDataTemplate: string;
  }
}

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export default async function setup(project: TestProject): Promise<() => void> {
  buildWebIfStale();
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-e2e-template-'));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate().finally(() => database.close());
  project.provide('e2eDataTemplate', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

function buildWebIfStale(): void {
  const built = path.join(
    process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(ROOT, 'web/dist'),
    'index.html',
  );
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/shared'].map((p) =>
    path.join(ROOT, p),
  );
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (builtAt > 0 && sources.every((s) => newest(s) <= builtAt)) return;
  console.log('[e2e] building the web app (web/dist is missing or stale)…');
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error(`Building the web app failed (exit ${r.status ?? r.signal})`);
}
