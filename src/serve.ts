/** The server's start: config → database → migrations → first admin and demo data → HTTP + jobs. */
import { closeContext, createContext, ensureFirstAdmin } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { buildApp } from './http/app.ts';

export async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const ctx = await createContext(config);
  const admin = await ensureFirstAdmin(ctx);
  if (admin) {
    const line = '='.repeat(64);
    console.log(
      `${line}\n Steward: first administrator created\n   email:    ${admin.email}\n   password: ${admin.password ?? '(from STEWARD_ADMIN_PASSWORD)'}\n This password is shown once. Change it after signing in.\n${line}`,
    );
    if (config.demo) {
      // Only a first start seeds: the demo's code is loaded then and never held by a running server.
      const { seedDemo } = await import('./demo/seed.ts');
      const demo = await seedDemo(ctx);
      console.log(
        ` Demo data loaded: ${demo.users} users, ${demo.groups} groups, ${demo.incidents} incidents, ${demo.requests} service requests, ${demo.cmdb.cis} CIs, ${demo.cmdb.assets} assets.\n Demo accounts (password "${demo.password}"): ${demo.accounts.join(', ')}\n${line}`,
      );
    }
  }
  const app = await buildApp(ctx);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      ctx.log.error('shutdown grace period over; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    await app.close();
    await closeContext(ctx);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  // Impact analysis needs the graph in memory: load it now rather than on the first walk.
  ctx.ciGraph.warm();
  // PORT=0 picks a free port: show the one the server got.
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.publicUrl ?? `http://localhost:${port}`;
  console.log(
    `Steward is running at ${shown} (database: ${ctx.database.kind}${ctx.database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
}
