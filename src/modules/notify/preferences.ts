/**
 * Per-person preferences: for each event, the inbox and/or mail, and mail immediately or in a
 * daily digest. Without a choice the event's default applies: the inbox always, mail when the
 * event sends mail by default, immediately.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { PreferenceInput, PreferenceView } from '../../contracts/notifications.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, scopeAllows } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { type NotificationEventDefinition, notificationEvent, notificationEvents } from './events.ts';
import { notificationPreferences, notificationSubscribers } from './schema.ts';

export type Preference = { inApp: boolean; email: boolean; mode: 'immediate' | 'digest' };

export const defaultPreference = (def: NotificationEventDefinition): Preference => ({
  inApp: true,
  email: def.emailByDefault,
  mode: 'immediate',
});

/** Each person's preference for one event, defaults filled in. */
export async function preferencesOf(
  db: Db,
  def: NotificationEventDefinition,
  userIds: string[],
): Promise<Map<string, Preference>> {
  const out = new Map(userIds.map((id) => [id, defaultPreference(def)]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.event, def.key), inArray(notificationPreferences.userId, userIds)));
  for (const r of rows)
    out.set(r.userId, { inApp: r.inApp, email: r.email, mode: r.mode as Preference['mode'] });
  return out;
}

export async function myPreferences(ctx: AppContext, actor: Actor): Promise<PreferenceView[]> {
  const rows = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.userId));
  const mine = new Map(rows.map((r) => [r.event, r]));
  return notificationEvents().map((def) => {
    const r = mine.get(def.key);
    const p = r
      ? { inApp: r.inApp, email: r.email, mode: r.mode as Preference['mode'] }
      : defaultPreference(def);
    return { event: def.key, label: def.label, description: def.description, ...p, isDefault: !r };
  });
}

export async function saveMyPreferences(ctx: AppContext, actor: Actor, prefs: PreferenceInput[]) {
  if (!scopeAllows(actor, 'write')) throw forbidden('This credential may only read preferences.');
  const unknown = prefs.filter((p) => !notificationEvent(p.event));
  if (unknown.length)
    throw invalid(
      unknown.map((p) => ({ field: 'preferences', message: `${p.event} is not a notification event.` })),
    );
  await ctx.db.transaction(async (tx) => {
    for (const p of prefs) {
      const values = { inApp: p.inApp, email: p.email, mode: p.mode };
      await tx
        .insert(notificationPreferences)
        .values({ userId: actor.userId, event: p.event, ...values })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.event],
          set: values,
        });
    }
  });
  return myPreferences(ctx, actor);
}

/** Forget one's choices: every event follows its default again. */
export async function resetMyPreferences(ctx: AppContext, actor: Actor) {
  if (!scopeAllows(actor, 'write')) throw forbidden('This credential may only read preferences.');
  await ctx.db.delete(notificationPreferences).where(eq(notificationPreferences.userId, actor.userId));
  return myPreferences(ctx, actor);
}

/** The secret of a person's unsubscribe link, made on first use. */
export async function unsubscribeToken(db: Db, userId: string): Promise<string> {
  const [row] = await db
    .select({ token: notificationSubscribers.unsubscribeToken })
    .from(notificationSubscribers)
    .where(eq(notificationSubscribers.userId, userId));
  if (row) return row.token;
  await db
    .insert(notificationSubscribers)
    .values({ userId, unsubscribeToken: randomBytes(24).toString('base64url') })
    .onConflictDoNothing();
  const [made] = await db
    .select({ token: notificationSubscribers.unsubscribeToken })
    .from(notificationSubscribers)
    .where(eq(notificationSubscribers.userId, userId));
  return made!.token;
}

/** Unsubscribe from digests by link: every event that was in the digest stays in the inbox only. */
export async function unsubscribeDigest(ctx: AppContext, token: string): Promise<{ events: number }> {
  const [sub] = await ctx.db
    .select()
    .from(notificationSubscribers)
    .where(eq(notificationSubscribers.unsubscribeToken, token));
  if (!sub) throw notFound('Subscription', 'for this link');
  const changed = await ctx.db
    .update(notificationPreferences)
    .set({ email: false, mode: 'immediate' })
    .where(and(eq(notificationPreferences.userId, sub.userId), eq(notificationPreferences.mode, 'digest')))
    .returning({ event: notificationPreferences.event });
  return { events: changed.length };
}
