/** Writes and reads the append-only audit log of security-relevant events. */
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { auditLog } from './schema.ts';

export type AuditEvent = {
  action: string;
  actorId?: string | null;
  actorLabel?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
};

/**
 * A value as the audit log can always store it: the log must never lose an entry because a
 * hostile string (a NUL, an unpaired surrogate, which jsonb refuses) reached an event's details.
 */
export function storableForAudit(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return v.replaceAll('\u0000', '\uFFFD').toWellFormed();
  if (v === null || typeof v !== 'object' || depth > 8)
    return typeof v === 'object' && v !== null ? '[nested]' : v;
  if (Array.isArray(v)) return v.map((x) => storableForAudit(x, depth + 1));
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [storableForAudit(k) as string, storableForAudit(x, depth + 1)]),
  );
}

const storableText = (s: string | null | undefined) => (s == null ? null : (storableForAudit(s) as string));

export async function writeAudit(db: Db, at: Date, e: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    at,
    action: e.action,
    actorId: e.actorId ?? null,
    actorLabel: storableText(e.actorLabel),
    targetType: e.targetType ?? null,
    targetId: storableText(e.targetId),
    ip: storableText(e.ip),
    details: (storableForAudit(e.details ?? {}) as Record<string, unknown>) ?? {},
  });
}

export type LoginFailureStats = {
  /** Failed sign-ins on the account in the window, from anywhere. */
  account: number;
  /** Those from the given address. */
  fromAddress: number;
  lastAt: Date | null;
  lastFromAddressAt: Date | null;
  /** How many addresses they came from. */
  addresses: number;
};

/** Failed sign-ins on one account since an instant: the basis of sign-in throttling. */
export async function loginFailureStats(
  db: Db,
  email: string,
  ip: string | null,
  since: Date,
): Promise<LoginFailureStats> {
  const fromIp = ip === null ? sql`${auditLog.ip} is null` : sql`${auditLog.ip} = ${ip}`;
  const [row] = await db
    .select({
      account: sql<number>`count(*)::int`,
      fromAddress: sql<number>`(count(*) filter (where ${fromIp}))::int`,
      lastAt: sql<Date | string | null>`max(${auditLog.at})`,
      lastFromAddressAt: sql<Date | string | null>`max(${auditLog.at}) filter (where ${fromIp})`,
      addresses: sql<number>`count(distinct ${auditLog.ip})::int`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'auth.login_failed'),
        gte(auditLog.at, since),
        sql`${auditLog.details}->>'email' = ${email.toLowerCase()}`,
      ),
    );
  const date = (v: Date | string | null | undefined) => (v == null ? null : new Date(v));
  return {
    account: row?.account ?? 0,
    fromAddress: row?.fromAddress ?? 0,
    lastAt: date(row?.lastAt),
    lastFromAddressAt: date(row?.lastFromAddressAt),
    addresses: row?.addresses ?? 0,
  };
}

export type AuditQuery = {
  action?: string | undefined;
  actorId?: string | undefined;
  before?: number | undefined;
  limit: number;
};

export async function listAudit(ctx: AppContext, actor: Actor, q: AuditQuery) {
  if (!can(actor, 'audit.read')) throw forbidden('Only administrators and auditors may read the audit log.');
  const conds: SQL[] = [];
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.before) conds.push(lt(auditLog.id, q.before));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    details: r.details,
  }));
  return { items, nextCursor: more ? String(items.at(-1)?.id) : null };
}
