/**
 * E-mail subscriptions to a service's updates, with double opt-in: subscribing stores a pending
 * subscription and mails a confirmation link; only confirmed addresses receive updates, and every
 * mail carries an unsubscribe link. Mail goes through the outbox in the writing transaction.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { STATUS_LABELS } from '../../domain/status/derive.ts';
import { AppError, invalid } from '../../errors.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { queueMail } from '../mail/index.ts';
import type { StatusChange } from './compute.ts';
import { statusPageServices, statusSubscriptions } from './schema.ts';

const newToken = () => randomBytes(24).toString('base64url');

/** Where the links point: PUBLIC_URL when set, otherwise the address the request came to. */
export type LinkBase = string;
const link = (base: LinkBase, what: 'confirm' | 'unsubscribe', token: string) =>
  `${base.replace(/\/$/, '')}/status/${what}?token=${encodeURIComponent(token)}`;

/**
 * Subscribe an address (to one service or to all). A new or still pending subscription gets a
 * fresh confirmation mail; a confirmed one is left as it is. The answer is the same either way,
 * so the form does not tell who is subscribed.
 */
export async function subscribe(
  ctx: AppContext,
  base: LinkBase,
  input: { email: string; serviceId: string | null },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  let serviceName = 'every service';
  if (input.serviceId) {
    const [svc] = await ctx.db
      .select({ name: statusPageServices.displayName })
      .from(statusPageServices)
      .where(eq(statusPageServices.serviceId, input.serviceId));
    if (!svc)
      throw invalid([{ field: 'serviceId', message: 'no service with this id is on the status page' }]);
    serviceName = svc.name;
  }
  const token = newToken();
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(statusSubscriptions)
      .where(
        and(
          sql`lower(${statusSubscriptions.email}) = ${email}`,
          input.serviceId
            ? eq(statusSubscriptions.serviceId, input.serviceId)
            : isNull(statusSubscriptions.serviceId),
        ),
      )
      .for('update');
    if (existing?.confirmedAt) return;
    if (existing)
      await tx
        .update(statusSubscriptions)
        .set({ confirmTokenHash: tokenHash(token) })
        .where(eq(statusSubscriptions.id, existing.id));
    else
      await tx.insert(statusSubscriptions).values({
        email,
        serviceId: input.serviceId,
        confirmTokenHash: tokenHash(token),
        unsubscribeToken: newToken(),
      });
    await queueMail(ctx, tx, {
      purpose: 'status-subscription',
      to: [email],
      subject: `Confirm your subscription to status updates of ${serviceName}`,
      text: [
        `Someone (hopefully you) asked to receive status updates of ${serviceName} at this address.`,
        '',
        `Confirm here: ${link(base, 'confirm', token)}`,
        '',
        'If it was not you, ignore this message: nothing will be sent without confirmation.',
      ].join('\n'),
    });
  });
}

const badToken = () => new AppError('resource.not_found', 'This link is unknown or no longer valid.');

export async function confirmSubscription(ctx: AppContext, token: string): Promise<{ email: string }> {
  const [row] = await ctx.db
    .update(statusSubscriptions)
    .set({ confirmedAt: sql`coalesce(${statusSubscriptions.confirmedAt}, ${ctx.clock.now()})` })
    .where(eq(statusSubscriptions.confirmTokenHash, tokenHash(token)))
    .returning({ email: statusSubscriptions.email });
  if (!row) throw badToken();
  return row;
}

export async function unsubscribe(ctx: AppContext, token: string): Promise<{ email: string }> {
  const [row] = await ctx.db
    .delete(statusSubscriptions)
    .where(eq(statusSubscriptions.unsubscribeToken, token))
    .returning({ email: statusSubscriptions.email });
  if (!row) throw badToken();
  return row;
}

/** Mail every confirmed subscriber of these services (and of every service) once. */
export async function mailSubscribers(
  ctx: AppContext,
  db: Db,
  base: LinkBase,
  serviceIds: string[],
  subject: string,
  body: string,
): Promise<number> {
  const subs = await db
    .select({ email: statusSubscriptions.email, token: statusSubscriptions.unsubscribeToken })
    .from(statusSubscriptions)
    .where(
      and(
        isNotNull(statusSubscriptions.confirmedAt),
        serviceIds.length
          ? or(isNull(statusSubscriptions.serviceId), inArray(statusSubscriptions.serviceId, serviceIds))
          : isNull(statusSubscriptions.serviceId),
      ),
    );
  const seen = new Set<string>();
  for (const s of subs) {
    if (seen.has(s.email)) continue;
    seen.add(s.email);
    await queueMail(ctx, db, {
      purpose: 'status-subscription',
      to: [s.email],
      subject,
      text: `${body}\n\n—\nStatus page: ${base.replace(/\/$/, '')}/status\nUnsubscribe: ${link(base, 'unsubscribe', s.token)}`,
      headers: {
        'List-Unsubscribe': `<${link(base, 'unsubscribe', s.token)}>`,
        'Auto-Submitted': 'auto-generated',
      },
    });
  }
  return seen.size;
}

/** The base of links in mail sent outside a request (status changes found by a recomputation). */
export const configuredBase = (ctx: AppContext) =>
  ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;

/** Mail subscribers about status changes a recomputation recorded. */
export async function mailStatusChanges(ctx: AppContext, changes: StatusChange[]): Promise<void> {
  for (const c of changes) {
    const text =
      c.to === 'operational'
        ? `${c.name} is operational again.`
        : `${c.name}: ${STATUS_LABELS[c.to]}.${c.cause ? `\n\n${c.cause}` : ''}`;
    await mailSubscribers(
      ctx,
      ctx.db,
      configuredBase(ctx),
      [c.serviceId],
      `[${STATUS_LABELS[c.to]}] ${c.name}`,
      text,
    );
  }
}

export async function subscriptionOverview(ctx: AppContext) {
  const rows = await ctx.db
    .select({
      serviceId: statusSubscriptions.serviceId,
      name: statusPageServices.displayName,
      confirmed: sql<number>`count(*) filter (where ${statusSubscriptions.confirmedAt} is not null)::int`,
      pending: sql<number>`count(*) filter (where ${statusSubscriptions.confirmedAt} is null)::int`,
    })
    .from(statusSubscriptions)
    .leftJoin(statusPageServices, eq(statusPageServices.serviceId, statusSubscriptions.serviceId))
    .groupBy(statusSubscriptions.serviceId, statusPageServices.displayName);
  return {
    confirmed: rows.reduce((n, r) => n + Number(r.confirmed), 0),
    pending: rows.reduce((n, r) => n + Number(r.pending), 0),
    byService: rows.map((r) => ({
      serviceId: r.serviceId,
      name: r.serviceId ? (r.name ?? 'unpublished service') : 'Every service',
      confirmed: Number(r.confirmed),
    })),
  };
}
