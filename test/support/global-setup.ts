/**
 * Once per test run: one migrated database every test file's fresh database is copied from,
 * instead of each file creating an empty cluster and running every migration again.
 * - Embedded (PGlite): the migrated data folder, with the job queue's schema, dumped to a file
 *   in the temporary folder; each file loads it into a new in-memory database.
 * - PostgreSQL server (TEST_DATABASE_URL): a migrated template database; each file creates its
 *   throwaway database from it (`create database … template …`), and it is dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { startJobQueue } from '../../src/jobs/queue.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The embedded database's migrated data folder, as a tarball file. */
    pgliteTemplate: string;
    /** The PostgreSQL server's migrated template database. */
    serverTemplate: string;
  }
}

async function onServer(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The migrations and the job queue's schema (the queue started without working, then stopped). */
async function prepare(database: Database, databaseUrl: string | undefined): Promise<void> {
  await database.migrate();
  const queue = await startJobQueue(database, databaseUrl, { work: false });
  await queue.stop();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const name = `steward_template_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    await onServer(admin, `create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    await prepare(database, url.toString()).finally(() => database.close());
    project.provide('serverTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => onServer(admin, `drop database if exists ${name} with (force)`);
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  const dump = await prepare(database, undefined)
    .then(() => database.pglite?.dumpDataDir('none'))
    .finally(() => database.close());
  if (!dump) throw new Error('The embedded database gave no data folder to copy.');
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-test-'));
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('serverTemplate', '');
  return async () => rmSync(dir, { recursive: true, force: true });
}
