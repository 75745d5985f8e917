/**
 * Background work through pg-boss in the same database, so several app instances share one queue.
 * On PGlite it runs through pg-boss's PGlite adapter; on a server through its own pool.
 * Handlers must be idempotent: a job may run more than once (a retry, a batch retried after one
 * of its jobs failed, a job reclaimed from an instance that died holding it).
 *
 * A queue started with `work: false` only sends: an instance that runs no jobs (`STEWARD_JOBS=0`)
 * still enqueues what its requests cause (an SLA alert's escalation job) in the same transaction,
 * and the instances that do run jobs work it.
 */
import { fromPglite, PgBoss, type QueueOptions, type WorkOptions } from 'pg-boss';
import { type Database, type Db, statementRows } from '../db/client.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export type JobQueue = {
  boss: PgBoss;
  /** False for a send-only queue (an instance started with STEWARD_JOBS=0). */
  working: boolean;
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
  /** A periodic job: work `name` with `handler` and run it on the `cron` schedule. */
  every(name: string, cron: string, handler: JobHandler): Promise<void>;
  stop(): Promise<void>;
};

/**
 * How workers fetch: up to 50 jobs at a time, fetching again at once while batches come back full,
 * woken at once by a NOTIFY when a job is sent, and polling every 5 s besides (every half second
 * when the notices are unavailable). The defaults (one job per fetch, a 2 s poll) worked an alert
 * burst at about 0.5 jobs/s per queue.
 */
export const WORK_OPTIONS = {
  batchSize: 50,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 5,
  burstWhenBatchFull: true,
} satisfies WorkOptions;

/**
 * Every queue notifies its workers on send. On a server database jobs also carry a heartbeat:
 * a worker refreshes it every 5 s, and a job whose heartbeat is 10 s stale (its instance was
 * killed) is failed by the supervisor of any live instance, which runs every 10 s, and retried.
 * Without it a dead instance held its job for the default 15-minute expiry. On PGlite there is
 * one process, so nobody else could take the job over.
 */
export function queueOptions(server: boolean): QueueOptions & { notify: boolean } {
  return server ? { notify: true, heartbeatSeconds: 10 } : { notify: true };
}

export const SUPERVISE_INTERVAL_SECONDS = 10;

function newBoss(database: Database, databaseUrl: string | undefined, work: boolean): PgBoss {
  const roles = work
    ? { supervise: true, schedule: true, superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS }
    : { supervise: false, schedule: false };
  // Workers are woken by NOTIFY on both databases (PGlite delivers it in-process), so an idle
  // instance polls every few seconds rather than twice a second per queue.
  if (database.pglite)
    return new PgBoss({
      db: fromPglite(database.pglite),
      backend: 'pglite',
      schema: 'pgboss',
      useListenNotify: work,
      ...roles,
    });
  return new PgBoss({
    connectionString: databaseUrl!,
    schema: 'pgboss',
    max: work ? 4 : 2,
    useListenNotify: work,
    ...roles,
  });
}

/** Run a batch's jobs one by one; if any failed, fail the batch (pg-boss retries it; handlers are idempotent). */
async function runBatch(jobs: { data: unknown }[], handler: JobHandler): Promise<void> {
  let firstError: unknown;
  for (const job of jobs) {
    try {
      await handler((job.data ?? {}) as Record<string, unknown>);
    } catch (err) {
      firstError ??= err;
    }
  }
  if (firstError !== undefined) throw firstError;
}

/** Whether a stored queue has every option given (a stored null stands for an option not set). */
export function hasOptions(queue: object, options: object): boolean {
  const stored = queue as Record<string, unknown>;
  return Object.entries(options).every(([k, v]) => (stored[k] ?? undefined) === v);
}

export async function startJobQueue(
  database: Database,
  databaseUrl: string | undefined,
  opts: { work?: boolean } = {},
): Promise<JobQueue> {
  const working = opts.work ?? true;
  const boss = newBoss(database, databaseUrl, working);
  boss.on('error', () => {
    // pg-boss reports transient maintenance errors here; job failures are retried by pg-boss itself.
  });
  await boss.start();
  const options = queueOptions(!database.pglite);
  // Queues that already exist with these options need no statement: declaring every queue again
  // (four statements each) was about a third of a warm embedded start.
  const current = new Set((await boss.getQueues()).filter((q) => hasOptions(q, options)).map((q) => q.name));
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    if (!current.has(name)) {
      await boss.createQueue(name, options);
      // A queue created by an earlier version keeps its options until they are updated.
      await boss.updateQueue(name, options);
    }
    created.add(name);
  };
  const refuse = (what: string) => {
    throw new Error(`This instance runs no jobs (STEWARD_JOBS=0) and cannot ${what}.`);
  };
  const work = async (name: string, handler: JobHandler) => {
    if (!working) refuse(`work ${name}`);
    await ensureQueue(name);
    await boss.work(name, WORK_OPTIONS, (jobs) => runBatch(jobs, handler));
  };
  const schedule = async (name: string, cron: string, data: Record<string, unknown> = {}) => {
    if (!working) refuse(`schedule ${name}`);
    await ensureQueue(name);
    await boss.schedule(name, cron, data);
  };
  return {
    boss,
    working,
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
            rows: await statementRows<Record<string, unknown>>(tx, null, text, values),
          }),
        },
      });
    },
    declare: ensureQueue,
    work,
    schedule,
    async every(name, cron, handler) {
      await work(name, handler);
      await schedule(name, cron);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
