/**
 * Start-up shared by the server, the CLI and the tests: open the database, migrate, make sure an
 * administrator exists, and (optionally) start the job queue.
 */
import pino from 'pino';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { ConfigCache, listenForChanges } from './db/changes.ts';
import { logSafeError, openDatabase } from './db/client.ts';
import { NoticeRelay } from './db/notice-outbox.ts';
import { type Clock, systemClock } from './domain/clock.ts';
import { startJobQueue } from './jobs/queue.ts';
import { declareSentQueues, registerJobs } from './jobs/register.ts';
import { AUTH_CHANNEL, AuthCache } from './modules/auth/cache.ts';
import { createUser } from './modules/auth/directory.ts';
import { generatePassword } from './modules/auth/password.ts';
import { users } from './modules/auth/schema.ts';
import { CiGraphStore } from './modules/cmdb/graph-store.ts';
import { seedDefaultClasses } from './modules/cmdb/service.ts';
import { LIVE_CHANNEL, LiveHub } from './modules/live/index.ts';
import { registerModuleHooks } from './modules/registry.ts';

export async function createContext(
  config: Config,
  opts: { clock?: Clock; startJobs?: boolean; initialData?: Blob } = {},
): Promise<AppContext> {
  const log = pino({
    level: config.logLevel,
    base: { app: 'steward' },
    serializers: { err: (e: Error) => pino.stdSerializers.err(logSafeError(e) as Error) },
  });
  registerModuleHooks();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffers: config.embeddedSharedBuffers,
    initialData: opts.initialData,
  });
  await database.migrate();
  const authCache = new AuthCache();
  const configCache = new ConfigCache();
  await seedDefaultClasses(database.db);
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock: opts.clock ?? systemClock,
    log,
    jobs: undefined,
    authCache,
    configCache,
    ciGraph: new CiGraphStore(database, { snapshotDir: config.graphSnapshotDir }),
    live: new LiveHub(),
    stopListeners: async () => {},
  };
  const stopListening = await listenForChanges(
    database,
    config.databaseUrl,
    { [AUTH_CHANNEL]: authCache, [ConfigCache.CHANNEL]: configCache, [LIVE_CHANNEL]: ctx.live },
    (err) => log.warn({ err }, 'change listener interrupted; caches off until it reconnects'),
  );
  const relay = new NoticeRelay(database, {
    onError: (err) => log.warn({ err }, 'notices to other instances not sent; trying again'),
  });
  ctx.stopListeners = async () => {
    await relay.stop();
    await stopListening();
  };
  if (opts.startJobs ?? config.jobs) {
    ctx.jobs = await startJobQueue(database, config.databaseUrl);
    await registerJobs(ctx);
  } else if (!database.pglite) {
    ctx.jobSender = await startJobQueue(database, config.databaseUrl, { work: false });
    await declareSentQueues(ctx.jobSender);
  }
  return ctx;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs?.stop().catch(() => undefined);
  await ctx.jobSender?.stop().catch(() => undefined);
  await ctx.stopListeners();
  await ctx.ciGraph.settled();
  await ctx.database.close();
}

/**
 * On an empty database, create the first administrator. The password comes from
 * STEWARD_ADMIN_PASSWORD or is generated and returned once so the caller can print it.
 */
export async function ensureFirstAdmin(
  ctx: AppContext,
): Promise<{ email: string; password: string | null } | null> {
  const [any] = await ctx.db.select({ id: users.id }).from(users).limit(1);
  if (any) return null;
  const password = ctx.config.adminPassword ?? generatePassword();
  await createUser(ctx, 'system', {
    email: ctx.config.adminEmail,
    name: 'Administrator',
    password,
    roles: ['admin', 'service_manager', 'agent'],
  });
  return { email: ctx.config.adminEmail, password: ctx.config.adminPassword ? null : password };
}
