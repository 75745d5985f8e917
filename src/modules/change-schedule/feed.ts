/**
 * The personal iCalendar feed of the change calendar. Calendar programs cannot sign in, so each
 * person has a secret feed token (kept as a SHA-256 hash; shown once, in the subscription
 * address); the feed answers with what that person may see, checked at every fetch, and never
 * accepts the session. Creating a token again replaces the old one; revoking deletes it.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { FeedTokenCreated, FeedTokenStatus } from '../../contracts/change-schedule.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, forbidden } from '../../errors.ts';
import { addDays } from '../../shared/time.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { loadActor, users } from '../auth/index.ts';
import { calendarEntries } from './calendar.ts';
import { calendarFeedTokens } from './schema.ts';

const PREFIX = 'stwcal_';
/** The feed covers a month back and a year ahead. */
const FEED_PAST_DAYS = 31;
const FEED_FUTURE_DAYS = 366;

export const feedPath = (token: string) => `/api/v1/change-calendar/feed/${token}.ics`;

export async function feedTokenStatus(ctx: AppContext, actor: Actor): Promise<FeedTokenStatus> {
  const [row] = await ctx.db
    .select()
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.userId, actor.userId));
  return {
    active: !!row,
    createdAt: row?.createdAt.toISOString() ?? null,
    lastUsedAt: row?.lastUsedAt?.toISOString() ?? null,
  };
}

/** A new secret for the actor's feed; the previous one stops working. */
export async function createFeedToken(ctx: AppContext, actor: Actor): Promise<FeedTokenCreated> {
  if (!can(actor, 'change_schedule.read')) throw forbidden('You may not see the change schedule.');
  if (actor.scopes !== null)
    throw forbidden('Feed addresses are made from a signed-in session, not with an API token.');
  const token = PREFIX + randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await ctx.db
    .insert(calendarFeedTokens)
    .values({ userId: actor.userId, tokenHash: tokenHash(token), createdAt: now, lastUsedAt: null })
    .onConflictDoUpdate({
      target: calendarFeedTokens.userId,
      set: { tokenHash: tokenHash(token), createdAt: now, lastUsedAt: null },
    });
  const path = feedPath(token);
  return {
    url: `${ctx.config.publicUrl?.replace(/\/$/, '') ?? ''}${path}`,
    path,
    createdAt: now.toISOString(),
  };
}

export async function revokeFeedToken(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, actor.userId));
}

const unknownFeed = () =>
  new AppError('resource.not_found', 'No calendar feed has this address: it was revoked or replaced.');

/** The feed's iCalendar text for a token, as its owner may see it now. */
export async function feedCalendar(ctx: AppContext, token: string): Promise<string> {
  if (!token.startsWith(PREFIX) || token.length > 100) throw unknownFeed();
  const [row] = await ctx.db
    .select({ userId: calendarFeedTokens.userId, active: users.active })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(eq(calendarFeedTokens.tokenHash, tokenHash(token)));
  if (!row?.active) throw unknownFeed();
  const owner = await loadActor(ctx.db, row.userId, null);
  if (!can(owner, 'change_schedule.read')) throw unknownFeed();
  const now = ctx.clock.now();
  await ctx.db
    .update(calendarFeedTokens)
    .set({ lastUsedAt: now })
    .where(
      and(eq(calendarFeedTokens.userId, row.userId), eq(calendarFeedTokens.tokenHash, tokenHash(token))),
    );
  const answer = await calendarEntries(ctx, {
    from: addDays(now, -FEED_PAST_DAYS),
    to: addDays(now, FEED_FUTURE_DAYS),
  });
  const { default: ical } = await import('ical-generator');
  const cal = ical({
    name: 'Steward change calendar',
    prodId: { company: 'Steward', product: 'change-calendar' },
    ttl: 900,
  });
  const base = ctx.config.publicUrl?.replace(/\/$/, '');
  for (const e of answer.items) {
    const summary =
      e.kind === 'change'
        ? `${e.number} ${e.title}`
        : e.kind === 'freeze'
          ? `Freeze: ${e.title}`
          : `Maintenance window: ${e.title}`;
    const description =
      e.kind === 'change'
        ? `Change ${e.number} (${e.changeType}, ${e.state})`
        : e.kind === 'freeze'
          ? 'Change freeze: no changes should be implemented.'
          : 'Maintenance window: changes to its CI or service are planned inside it.';
    cal.createEvent({
      id: `${e.key.replace(/[^\w.-]/g, '-')}@steward`,
      start: new Date(e.start),
      end: new Date(e.end),
      summary,
      description,
      categories: [{ name: e.kind === 'change' ? 'Change' : e.kind === 'freeze' ? 'Freeze' : 'Maintenance' }],
      ...(base && e.kind === 'change' && e.recordId ? { url: `${base}/changes/${e.recordId}` } : {}),
      stamp: now,
    });
  }
  return cal.toString();
}
