/**
 * Recipient rules: per event, whether it is told at all and which parties hear of it. Without an
 * administrator's rule the event's defaults apply. Events whose cause names the people
 * (defaultParties null) may still be switched off, or given extra parties.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RuleInput } from '../../contracts/notifications.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import type { RecipientParty } from '../../domain/notify/recipients.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import type { NotificationEventDefinition } from './events.ts';
import { notificationRules } from './schema.ts';

export type Rule = { enabled: boolean; parties: RecipientParty[] | null; version: number };

export async function rulesByEvent(db: Db): Promise<Map<string, Rule>> {
  const rows = await db.select().from(notificationRules);
  return new Map(
    rows.map((r) => [
      r.event,
      { enabled: r.enabled, parties: r.parties as RecipientParty[], version: r.version },
    ]),
  );
}

/** Cache key of the stored rules; a saved rule drops it here and, by NOTIFY, on every instance. */
const RULES_CACHE_KEY = 'notify:rules';

/**
 * The rule an event is sent by (read on every record write, so kept in the configuration cache).
 * A miss reads through `db`, the caller's transaction: the embedded database has one connection.
 */
export async function ruleFor(
  ctx: Pick<AppContext, 'configCache'>,
  db: Db,
  def: NotificationEventDefinition,
): Promise<Rule> {
  const rules = await ctx.configCache.get(RULES_CACHE_KEY, () => rulesByEvent(db));
  const r = rules.get(def.key);
  return r
    ? { ...r, parties: r.parties ? [...r.parties] : null }
    : { enabled: true, parties: def.defaultParties ? [...def.defaultParties] : null, version: 0 };
}

export async function saveRule(
  ctx: AppContext,
  actor: Actor,
  def: NotificationEventDefinition,
  input: RuleInput,
  expected: number | undefined,
): Promise<Rule> {
  if (!can(actor, 'settings.manage'))
    throw forbidden('Only administrators and process owners may change who is notified.');
  const parties = [...new Set(input.parties ?? def.defaultParties ?? [])];
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(notificationRules)
      .where(eq(notificationRules.event, def.key))
      .for('update');
    assertVersion({ version: current?.version ?? 0, number: `The rule of ${def.label}` }, expected);
    const values = { enabled: input.enabled, parties, updatedAt: now };
    const [row] = current
      ? await tx
          .update(notificationRules)
          .set({ ...values, version: current.version + 1 })
          .where(eq(notificationRules.event, def.key))
          .returning()
      : await tx
          .insert(notificationRules)
          .values({ event: def.key, ...values })
          .returning();
    await configChanged(tx, ctx.configCache, RULES_CACHE_KEY);
    return { enabled: row!.enabled, parties: row!.parties as RecipientParty[], version: row!.version };
  });
}
