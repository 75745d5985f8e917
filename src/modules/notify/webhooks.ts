/**
 * Webhooks: administrators register endpoints per event type. Every event writes one delivery
 * per subscribed, active endpoint in the transaction that caused it (with the exact JSON body),
 * and a job posts it, signed (HMAC-SHA256 over `timestamp.body`), with a timeout. A failed
 * attempt is retried after an exponential backoff; an endpoint that fails many attempts in a row
 * is disabled and the administrators are told. Any delivery can be sent again by hand.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookInput,
  WebhookPayload,
  WebhookView,
  WebhookWithSecret,
} from '../../contracts/webhooks.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { beforeCursor, newestFirst, newestFirstPage } from '../../db/newest-first.ts';
import { deleteRowById, rowById } from '../../db/rows.ts';
import { assertVersion } from '../../db/version.ts';
import {
  retryDelayMs,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '../../domain/notify/signature.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { userRoles } from '../auth/index.ts';
import type { RecordRow } from '../records/index.ts';
import { notificationEvent } from './events.ts';
import { queueNotifications } from './notifications.ts';
import { webhookDeliveries, webhookEndpoints } from './schema.ts';

export const WEBHOOK_QUEUE = 'webhook.deliver';
export const WEBHOOK_SWEEP_QUEUE = 'webhook.sweep';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/**
 * Cache key of the active endpoints and their events, read on every record write. Every change of
 * an endpoint's url, events or switch drops it here and, by NOTIFY, on every instance.
 */
const ENDPOINTS_CACHE_KEY = 'notify:webhooks';

/** The active endpoints with the events each is subscribed to; a miss reads through `db` (the caller's transaction). */
function activeEndpoints(ctx: Pick<AppContext, 'configCache'>, db: Db) {
  return ctx.configCache.get(ENDPOINTS_CACHE_KEY, () =>
    db
      .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.active, true)),
  );
}

/** Whether any active endpoint is subscribed to `event` (from the cache). */
export async function webhooksWant(
  ctx: Pick<AppContext, 'configCache'>,
  db: Db,
  event: string,
): Promise<boolean> {
  return (await activeEndpoints(ctx, db)).some((ep) => ep.events.includes(event));
}

const endpointsChanged = (ctx: AppContext, db: Db) => configChanged(db, ctx.configCache, ENDPOINTS_CACHE_KEY);
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const view = (r: EndpointRow): WebhookView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events,
  active: r.active,
  consecutiveFailures: r.consecutiveFailures,
  disabledAt: r.disabledAt?.toISOString() ?? null,
  disabledReason: r.disabledReason,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const deliveryView = (r: DeliveryRow): WebhookDeliveryView => ({
  id: r.id,
  endpointId: r.endpointId,
  eventId: r.eventId,
  event: r.event,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.lastStatusCode,
  lastError: r.lastError,
  nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
  body: r.body,
});

function assertAdmin(actor: Actor, write: boolean) {
  const ok = can(actor, 'settings.manage') || (!write && can(actor, 'audit.read'));
  if (!ok) throw forbidden('Only administrators manage webhooks.');
}

/** The stored fields of an endpoint, its event types checked and each kept once. */
function endpointFields(input: WebhookInput) {
  const events = [...new Set(input.events)];
  const unknown = events.filter((e) => !notificationEvent(e));
  if (unknown.length)
    throw invalid(unknown.map((e) => ({ field: 'events', message: `${e} is not a notification event.` })));
  return { url: input.url, description: input.description ?? '', events, active: input.active ?? true };
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export async function listWebhooks(ctx: AppContext, actor: Actor): Promise<WebhookView[]> {
  assertAdmin(actor, false);
  return (await ctx.db.select().from(webhookEndpoints).orderBy(webhookEndpoints.createdAt)).map(view);
}

async function endpoint(db: Db, id: string): Promise<EndpointRow> {
  const r = await rowById(db, webhookEndpoints, id, 'Webhook');
  return r;
}

export async function getWebhook(ctx: AppContext, actor: Actor, id: string): Promise<WebhookView> {
  assertAdmin(actor, false);
  return view(await endpoint(ctx.db, id));
}

export async function createWebhook(
  ctx: AppContext,
  actor: Actor,
  input: WebhookInput,
): Promise<WebhookWithSecret> {
  assertAdmin(actor, true);
  const fields = endpointFields(input);
  const now = ctx.clock.now();
  const [r] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      ...fields,
      secret: newSecret(),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await endpointsChanged(ctx, ctx.db);
  return { ...view(r!), secret: r!.secret };
}

/** Change an endpoint; switching it on again clears its failure count. */
export async function updateWebhook(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: WebhookInput,
  expected: number | undefined,
): Promise<WebhookView> {
  assertAdmin(actor, true);
  const fields = endpointFields(input);
  const current = await endpoint(ctx.db, id);
  assertVersion({ version: current.version, number: 'This webhook' }, expected);
  const reenabled = fields.active && !current.active;
  const [r] = await ctx.db
    .update(webhookEndpoints)
    .set({
      ...fields,
      ...(reenabled ? { consecutiveFailures: 0, disabledAt: null, disabledReason: null } : {}),
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.version, current.version)))
    .returning();
  if (!r)
    throw conflict('This webhook was changed by someone else at the same moment; reload and try again.');
  await endpointsChanged(ctx, ctx.db);
  return view(r);
}

export async function rotateWebhookSecret(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<WebhookWithSecret> {
  assertAdmin(actor, true);
  await endpoint(ctx.db, id);
  const [r] = await ctx.db
    .update(webhookEndpoints)
    .set({ secret: newSecret(), version: sql`${webhookEndpoints.version} + 1`, updatedAt: ctx.clock.now() })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return { ...view(r!), secret: r!.secret };
}

export async function deleteWebhook(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor, true);
  await deleteRowById(ctx.db, webhookEndpoints, id, 'Webhook');
  await endpointsChanged(ctx, ctx.db);
}

export async function listWebhookDeliveries(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: PageRequest,
): Promise<WebhookDeliveryPage> {
  assertAdmin(actor, false);
  await endpoint(ctx.db, id);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, id),
        beforeCursor(q.cursor, webhookDeliveries.createdAt, webhookDeliveries.id),
      ),
    )
    .orderBy(...newestFirst(webhookDeliveries.createdAt, webhookDeliveries.id))
    .limit(q.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.map(deliveryView), nextCursor };
}

const queueOf = (ctx: AppContext) => ctx.jobs ?? ctx.jobSender;

/** Send a delivery again as a new delivery with the same event id and body. */
export async function redeliverWebhook(
  ctx: AppContext,
  actor: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  assertAdmin(actor, true);
  const ep = await endpoint(ctx.db, endpointId);
  if (!ep.active)
    throw conflict('This webhook is switched off; switch it on before sending deliveries again.');
  const [old] = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  if (!old) throw notFound('Webhook delivery', deliveryId);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(webhookDeliveries)
      .values({
        endpointId,
        eventId: old.eventId,
        event: old.event,
        body: old.body,
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning();
    const queue = queueOf(ctx);
    if (queue) await queue.sendWithin(tx, WEBHOOK_QUEUE, { id: r!.id });
    return r!;
  });
  return deliveryView(row);
}

export type WebhookEvent = {
  event: string;
  record: { row: RecordRow; url: string; state: string } | null;
  actor: { id: string; name: string } | null;
  data: Record<string, string | null>;
  at: Date;
};

export function webhookPayload(e: WebhookEvent, id: string): WebhookPayload {
  const r = e.record;
  return {
    id,
    event: e.event,
    occurredAt: e.at.toISOString(),
    schemaVersion: 1,
    record: r
      ? {
          id: r.row.id,
          number: r.row.number,
          type: r.row.type,
          title: r.row.title,
          state: r.row.state,
          priority: r.row.priority,
          url: r.url,
        }
      : null,
    actor: e.actor,
    data: e.data,
  };
}

/** Write the event's deliveries to every active endpoint subscribed to it (in the caller's transaction). */
export async function queueWebhooks(ctx: AppContext, tx: Db, e: WebhookEvent): Promise<void> {
  const endpoints = (await activeEndpoints(ctx, tx)).filter((ep) => ep.events.includes(e.event));
  if (endpoints.length === 0) return;
  const eventId = randomUUID();
  const body = JSON.stringify(webhookPayload(e, eventId));
  const rows = await tx
    .insert(webhookDeliveries)
    .values(
      endpoints.map((ep) => ({
        endpointId: ep.id,
        eventId,
        event: e.event,
        body,
        status: 'pending',
        nextAttemptAt: e.at,
        createdAt: e.at,
      })),
    )
    .returning({ id: webhookDeliveries.id });
  const queue = queueOf(ctx);
  if (queue) for (const r of rows) await queue.sendWithin(tx, WEBHOOK_QUEUE, { id: r.id });
}

async function post(
  ctx: AppContext,
  ep: EndpointRow,
  d: DeliveryRow,
): Promise<{ status: number | null; error: string | null }> {
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  try {
    const res = await fetch(ep.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(ctx.config.webhooks.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Steward-Webhooks/1',
        'steward-event': d.event,
        'steward-event-id': d.eventId,
        'steward-delivery': d.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(ep.secret, timestamp, d.body),
      },
      body: d.body,
    });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { status: res.status, error: null };
    return { status: res.status, error: `The endpoint answered ${res.status}.` };
  } catch (err) {
    const cause =
      err instanceof Error && err.name === 'TimeoutError' ? 'The endpoint did not answer in time.' : null;
    const msg =
      err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { status: null, error: (cause ?? `The request failed: ${msg}`).slice(0, 1000) };
  }
}

async function adminIds(db: Db): Promise<string[]> {
  return (await db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'))).map(
    (r) => r.id,
  );
}

/**
 * Due deliveries: waiting ones whose time has come, and ones claimed by an instance that died
 * mid-request (claimed longer ago than a request can take).
 */
function due(ctx: AppContext, now: Date) {
  const stale = new Date(now.getTime() - ctx.config.webhooks.timeoutMs - 60_000);
  return or(
    and(
      inArray(webhookDeliveries.status, ['pending', 'retrying']),
      lte(webhookDeliveries.nextAttemptAt, now),
    ),
    and(eq(webhookDeliveries.status, 'delivering'), lt(webhookDeliveries.nextAttemptAt, stale)),
  )!;
}

/**
 * One attempt at one delivery, if it is due and nobody else has it: claimed by a conditional
 * update, so a job run twice posts once. Returns the delivery's status afterwards.
 */
export async function deliverWebhook(ctx: AppContext, id: string): Promise<string> {
  const now = ctx.clock.now();
  const [d] = await ctx.db
    .update(webhookDeliveries)
    // While delivering, nextAttemptAt is when it was claimed.
    .set({ status: 'delivering', attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: now })
    .where(and(eq(webhookDeliveries.id, id), due(ctx, now)))
    .returning();
  if (!d) return 'skipped';
  const [ep] = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, d.endpointId));
  if (!ep?.active) {
    await ctx.db
      .update(webhookDeliveries)
      .set({
        status: 'failed',
        attempts: d.attempts - 1,
        lastError: 'The endpoint is switched off.',
        nextAttemptAt: null,
      })
      .where(eq(webhookDeliveries.id, id));
    return 'failed';
  }
  const result = await post(ctx, ep, d);
  const at = ctx.clock.now();
  if (!result.error) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({
          status: 'succeeded',
          lastStatusCode: result.status,
          lastError: null,
          nextAttemptAt: null,
          deliveredAt: at,
        })
        .where(eq(webhookDeliveries.id, id));
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, ep.id));
    });
    return 'succeeded';
  }
  const { maxAttempts, retryBaseMs, disableAfter } = ctx.config.webhooks;
  const giveUp = d.attempts >= maxAttempts;
  const next = giveUp ? null : new Date(at.getTime() + retryDelayMs(d.attempts, retryBaseMs));
  const disabled = await ctx.db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status: giveUp ? 'failed' : 'retrying',
        lastStatusCode: result.status,
        lastError: result.error,
        nextAttemptAt: next,
      })
      .where(eq(webhookDeliveries.id, id));
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, ep.id))
      .returning();
    if (!after?.active || after.consecutiveFailures < disableAfter) return false;
    const reason = `Switched off after ${after.consecutiveFailures} failed attempts in a row; the last: ${result.error}`;
    await tx
      .update(webhookEndpoints)
      .set({ active: false, disabledAt: at, disabledReason: reason })
      .where(eq(webhookEndpoints.id, ep.id));
    // Deliveries still waiting would only fail again: they stop here and can be sent again by hand.
    await tx
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'The endpoint was switched off.', nextAttemptAt: null })
      .where(
        and(
          eq(webhookDeliveries.endpointId, ep.id),
          inArray(webhookDeliveries.status, ['pending', 'retrying']),
        ),
      );
    await queueNotifications(
      tx,
      at,
      (await adminIds(tx)).map((recipientId) => ({
        recipientId,
        recordId: null,
        kind: 'webhook.disabled',
        subject: `Webhook to ${ep.url} was switched off`,
        body: `${reason}\nCheck the endpoint, then switch it on again in Administration → Webhooks and send the failed deliveries again.`,
      })),
    );
    await endpointsChanged(ctx, tx);
    return true;
  });
  if (next && !disabled)
    await queueOf(ctx)?.send(
      WEBHOOK_QUEUE,
      { id },
      { singletonKey: `${id}:${d.attempts}`, startAfter: next },
    );
  return disabled ? 'failed' : giveUp ? 'failed' : 'retrying';
}

/** Every due delivery (the minute sweep for deliveries whose job was lost or whose sender died, and tests). */
export async function deliverDueWebhooks(ctx: AppContext, limit = 200): Promise<number> {
  const rows = await ctx.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(due(ctx, ctx.clock.now()))
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit);
  let done = 0;
  for (const { id } of rows) if ((await deliverWebhook(ctx, id)) === 'succeeded') done++;
  return done;
}
