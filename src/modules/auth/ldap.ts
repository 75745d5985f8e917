/**
 * LDAP / Active Directory sign-in: find the person's entry with the service account (or
 * anonymously), bind as that entry with the password they typed, read their groups (`memberOf`
 * as Active Directory keeps it, and a group search as OpenLDAP needs), then find, create or
 * refresh the Steward user through the role and group maps. Steward never stores the password.
 */

import { sql } from 'drizzle-orm';
import type { Client } from 'ldapts';
import type { LdapConfig } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { provisionExternalUser } from './external-users.ts';
import { users } from './schema.ts';

type UserRow = typeof users.$inferSelect;
type Entry = { dn: string; [attribute: string]: unknown };

/** RFC 4515 escaping of a value placed in a search filter. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const firstString = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The first RDN value of a DN: `cn=it-agents,ou=groups,…` → `it-agents`. */
export function rdnValue(dn: string): string {
  const m = /^[^=]+=((?:\\.|[^,])*)/.exec(dn);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : dn;
}

/**
 * Signs in through the directory: the Steward user when the bind succeeds, null when the person
 * is not in the directory or the password is wrong (the caller counts the failure). Accounts with
 * a local password never use the directory.
 */
export async function directorySignIn(
  ctx: AppContext,
  email: string,
  password: string,
  ip: string | null,
): Promise<UserRow | null> {
  const cfg = ctx.config.ldap;
  if (!cfg || !password) return null;
  const [local] = await ctx.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (local?.hash) return null;
  const found = await bindAsPerson(ctx, cfg, email, password);
  if (!found) return null;
  return provisionExternalUser(
    ctx,
    {
      provider: 'ldap',
      subject: found.entry.dn.toLowerCase(),
      email: firstString(found.entry[cfg.emailAttribute]) || email,
      name: firstString(found.entry[cfg.nameAttribute]),
      emailVerified: true,
      values: found.groups,
    },
    cfg,
    ip,
  );
}

async function bindAsPerson(
  ctx: AppContext,
  cfg: LdapConfig,
  email: string,
  password: string,
): Promise<{ entry: Entry; groups: string[] } | null> {
  const { Client, InvalidCredentialsError } = await import('ldapts');
  const client = new Client({ url: cfg.url, timeout: cfg.timeoutMs, connectTimeout: cfg.timeoutMs });
  try {
    if (cfg.bindDn && cfg.bindPassword) await client.bind(cfg.bindDn, cfg.bindPassword);
    const filter = cfg.userFilter.replaceAll('{email}', escapeFilterValue(email));
    const { searchEntries } = await client.search(cfg.userBase, {
      scope: 'sub',
      filter,
      sizeLimit: 2,
      attributes: ['dn', cfg.emailAttribute, cfg.nameAttribute, 'memberOf'],
    });
    if (searchEntries.length !== 1) return null;
    const entry = searchEntries[0] as Entry;
    try {
      await client.bind(entry.dn, password);
    } catch (e) {
      if (e instanceof InvalidCredentialsError) return null;
      throw e;
    }
    return { entry, groups: await groupsOf(client, cfg, entry) };
  } catch (e) {
    ctx.log.warn({ err: e, ldap: cfg.url }, 'LDAP sign-in failed');
    throw new AppError('server.unavailable', 'The directory cannot be reached right now. Try again later.');
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** Group names and DNs: `memberOf` of the entry plus, with a group base, the groups naming it. */
async function groupsOf(client: Client, cfg: LdapConfig, entry: Entry): Promise<string[]> {
  const dns = strings(entry.memberOf);
  if (cfg.groupBase) {
    const filter = cfg.groupFilter.replaceAll('{dn}', escapeFilterValue(entry.dn));
    const { searchEntries } = await client.search(cfg.groupBase, {
      scope: 'sub',
      filter,
      attributes: ['dn'],
    });
    dns.push(...searchEntries.map((g) => g.dn));
  }
  return [...new Set(dns.flatMap((dn) => [dn, rdnValue(dn)]))];
}
