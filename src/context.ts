/** What every use case receives: configuration, the database, the clock, a logger and the job queue. */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { ConfigCache } from './db/changes.ts';
import type { Database, Db } from './db/client.ts';
import type { Clock } from './domain/clock.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { AuthCache } from './modules/auth/cache.ts';
import type { CiGraphStore } from './modules/cmdb/graph-store.ts';

export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  jobs: JobQueue | undefined;
  authCache: AuthCache;
  configCache: ConfigCache;
  /** This instance's in-memory CI graph for impact analysis, kept current from the database. */
  ciGraph: CiGraphStore;
  /** Stops background listeners started with the context. */
  stopListeners: () => Promise<void>;
};
