/** What every use case receives: configuration, the database, the clock, a logger and the job queue. */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { ConfigCache } from './db/changes.ts';
import type { Database, Db } from './db/client.ts';
import type { Clock } from './domain/clock.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { AuthCache } from './modules/auth/cache.ts';
import type { CiGraphStore } from './modules/cmdb/graph-store.ts';
import type { LiveHub } from './modules/live/index.ts';

export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  /** The job queue this instance works (undefined with STEWARD_JOBS=0 or in most tests). */
  jobs: JobQueue | undefined;
  /**
   * A send-only queue on an instance that works no jobs on a server database, so what its
   * requests enqueue (SLA alert jobs) still reaches the instances that do.
   */
  jobSender?: JobQueue | undefined;
  authCache: AuthCache;
  configCache: ConfigCache;
  /** This instance's in-memory CI graph for impact analysis, kept current from the database. */
  ciGraph: CiGraphStore;
  /** Announcements of record changes heard on this instance, passed to its live streams. */
  live: LiveHub;
  /** Stops background listeners started with the context. */
  stopListeners: () => Promise<void>;
};
