/**
 * Admin CLI: `npm run steward -- <command> [options]`.
 *   migrate                         apply database migrations
 *   seed-demo [--incidents N]       load demo users, groups, incidents and service requests
 *   create-admin --email E --name N [--password P]
 *   create-token --email E --name N [--scopes read,write,admin] [--days D]
 *   import --file F --type cis|relationships|assets [--format csv|json] [--dry-run]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { closeContext, createContext } from './bootstrap.ts';
import { checkImportArgs, ImportUsageError, runImportCommand } from './cli-import.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { TOKEN_SCOPES } from './domain/roles.ts';
import { AppError } from './errors.ts';
import { createUser } from './modules/auth/directory.ts';
import { users } from './modules/auth/schema.ts';
import { createApiToken, loadActor } from './modules/auth/service.ts';
import { LIMITS } from './shared/limits.ts';

const USAGE = `Usage: npm run steward -- <command> [options]

Commands:
  migrate                                   apply database migrations and exit
  seed-demo [--incidents N]                 load demo users, groups and incidents
  create-admin --email E --name N [--password P]
                                            create an administrator (password generated if omitted)
  create-token --email E --name N [--scopes read,write,admin] [--days D]
                                            create an API token for a user; printed once
  import --file F --type cis|relationships|assets [--format csv|json] [--dry-run]
                                            import CIs, relationships or assets from a CSV or JSON
                                            file, reconciling with what exists; --dry-run changes
                                            nothing and reports what each row would do
  help                                      show this help

The database is DATABASE_URL when set, otherwise the embedded database in DATA_DIR (./data).`;

class UsageError extends Error {}

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function need(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

const IMPORT_OPTIONS = {
  file: { type: 'string' },
  type: { type: 'string' },
  format: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

export async function runCli(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const known = ['migrate', 'seed-demo', 'create-admin', 'create-token', 'import'];
  if (!known.includes(command))
    throw new UsageError(`Unknown command "${command}". Known commands: ${known.join(', ')}.`);
  const config = loadConfig();
  // Validate arguments before touching the database.
  const values =
    command === 'seed-demo'
      ? parse(rest, { incidents: { type: 'string' } })
      : command === 'create-admin'
        ? parse(rest, { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } })
        : command === 'create-token'
          ? parse(rest, {
              email: { type: 'string' },
              name: { type: 'string' },
              scopes: { type: 'string' },
              days: { type: 'string' },
            })
          : command === 'import'
            ? parse(rest, IMPORT_OPTIONS)
            : parse(rest, {});
  const importArgs = command === 'import' ? checkImportArgs(values) : null;
  const ctx = await createContext(config, { startJobs: false });
  try {
    switch (command) {
      case 'migrate':
        out(`Migrations applied (${ctx.database.kind}).`);
        return 0;
      case 'seed-demo': {
        const n =
          typeof values.incidents === 'string'
            ? z.coerce.number().int().min(0).max(100_000).safeParse(values.incidents)
            : undefined;
        if (n && !n.success) throw new UsageError('--incidents must be a whole number from 0 to 100000.');
        const [existing] = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(sql`email like '%@example.com'`);
        if ((existing?.n ?? 0) > 0) throw new UsageError('Demo data is already loaded in this database.');
        const r = await seedDemo(ctx, { incidents: n?.data });
        out(
          `Demo data loaded: ${r.users} users, ${r.groups} groups, ${r.incidents} incidents, ${r.requests} service requests, ${r.cmdb.cis} CIs, ${r.cmdb.assets} assets. Demo password: ${r.password}`,
        );
        return 0;
      }
      case 'create-admin': {
        const email = need(values, 'email');
        const name = need(values, 'name');
        if (!z.email().safeParse(email).success)
          throw new UsageError(`--email "${email}" is not an email address.`);
        const password =
          (values.password as string | undefined) ??
          Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url');
        if (password.length < LIMITS.passwordMin)
          throw new UsageError(`--password must be at least ${LIMITS.passwordMin} characters.`);
        await createUser(ctx, 'system', { email, name, password, roles: ['admin'] });
        out(`Administrator ${email} created.${values.password ? '' : ` Password (shown once): ${password}`}`);
        return 0;
      }
      case 'create-token': {
        const email = need(values, 'email');
        const name = need(values, 'name');
        const scopes = ((values.scopes as string | undefined) ?? 'read,write')
          .split(',')
          .map((s) => s.trim());
        const bad = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
        if (bad.length)
          throw new UsageError(`Unknown scope(s) ${bad.join(', ')}; use ${TOKEN_SCOPES.join(', ')}.`);
        const days = typeof values.days === 'string' ? Number(values.days) : undefined;
        if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650))
          throw new UsageError('--days must be a whole number from 1 to 3650.');
        const [u] = await ctx.db
          .select({ id: users.id })
          .from(users)
          .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
        if (!u) throw new UsageError(`No user with email ${email}.`);
        const actor = { ...(await loadActor(ctx.db, u.id, null)) };
        const r = await createApiToken(
          ctx,
          actor,
          { name, scopes: scopes as (typeof TOKEN_SCOPES)[number][], expiresInDays: days },
          null,
        );
        out(`Token "${name}" for ${email} (scopes ${scopes.join(', ')}), shown once:\n${r.token}`);
        return 0;
      }
      case 'import':
        return await runImportCommand(ctx, importArgs!, out);
    }
    return 2;
  } finally {
    await closeContext(ctx);
  }
}

/** Run the command line of this process and exit with its status. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof UsageError || err instanceof ImportUsageError)
        console.error(`Error: ${err.message}\n\n${USAGE}`);
      else if (err instanceof ConfigError) console.error(err.message);
      else if (err instanceof AppError)
        console.error(
          `Error: ${err.message}${err.fieldErrors.length ? ` (${err.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')})` : ''}`,
        );
      else console.error('Error:', err instanceof Error ? err.message : err);
      process.exit(err instanceof UsageError || err instanceof ImportUsageError ? 2 : 1);
    },
  );
}
