/**
 * Background work through pg-boss in the same database, so several app instances share one queue.
 * On PGlite it runs through pg-boss's PGlite adapter; on a server through its own pool.
 * Handlers must be idempotent: a job may run more than once.
 */
import { fromPglite, PgBoss } from 'pg-boss';
import { type Database, type Db, queryRows, sqlWithParams } from '../db/client.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export type JobQueue = {
  boss: PgBoss;
  send(
    name: string,
    data: Record<string, unknown>,
    opts?: { singletonKey?: string; startAfter?: Date },
  ): Promise<string | null>;
  /**
   * Enqueue inside the caller's database transaction, so the job exists if and only if the
   * transaction commits. The queue must have been declared at start-up: creating it here would
   * need a second connection while the transaction holds the (single, on PGlite) first one.
   */
  sendWithin(tx: Db, name: string, data: Record<string, unknown>): Promise<string | null>;
  /** Create a queue that this process sends to but may not work on. */
  declare(name: string): Promise<void>;
  work(name: string, handler: JobHandler): Promise<void>;
  schedule(name: string, cron: string, data?: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
};

export async function startJobQueue(database: Database, databaseUrl: string | undefined): Promise<JobQueue> {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss' })
    : new PgBoss({ connectionString: databaseUrl!, schema: 'pgboss', max: 4 });
  boss.on('error', () => {
    // pg-boss reports transient maintenance errors here; job failures are retried by pg-boss itself.
  });
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  };
  return {
    boss,
    async send(name, data, opts = {}) {
      await ensureQueue(name);
      return boss.send(name, data, {
        retryLimit: 5,
        retryBackoff: true,
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      });
    },
    async sendWithin(tx, name, data) {
      if (!created.has(name)) throw new Error(`Queue ${name} was not declared at start-up.`);
      return boss.send(name, data, {
        retryLimit: 5,
        retryBackoff: true,
        db: {
          executeSql: async (text: string, values: unknown[] = []) => ({
            rows: await queryRows<Record<string, unknown>>(tx, sqlWithParams(text, values)),
          }),
        },
      });
    },
    declare: ensureQueue,
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work(name, async (jobs) => {
        for (const job of jobs) await handler((job.data ?? {}) as Record<string, unknown>);
      });
    },
    async schedule(name, cron, data = {}) {
      await ensureQueue(name);
      await boss.schedule(name, cron, data);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
