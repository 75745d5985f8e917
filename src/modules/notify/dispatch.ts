/**
 * Telling people about an event, inside the transaction that caused it: the rule picks the
 * parties, the parties become people (never the actor; internal events never reach requesters
 * or anyone who may not read internal notes), each person's preferences pick the channels, the
 * event's templates are rendered for each, the inbox row and the mail are written, and the
 * webhooks registered for the event get their deliveries. A rolled-back change tells nobody.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import {
  chooseRecipients,
  type RecipientFacts,
  type RecipientParty,
} from '../../domain/notify/recipients.ts';
import type { TemplateVars } from '../../domain/notify/template.ts';
import { type Actor, can, type Role } from '../../domain/roles.ts';
import { groups, namesOf, userRoles, users } from '../auth/index.ts';
import { type RecordRow, recordTypeOf, recordWatchers } from '../records/index.ts';
import { cachedLifecycle, getRaci } from '../settings/index.ts';
import { peopleOf } from './audience.ts';
import { queueNotificationMail } from './email.ts';
import { type NotificationEventDefinition, notificationEvent } from './events.ts';
import { preferencesOf } from './preferences.ts';
import { ruleFor } from './rules.ts';
import { notificationDeliveries, notificationOnCall, notifications } from './schema.ts';
import { renderChannel, templatesFor } from './templates.ts';
import { queueWebhooks, webhooksWant } from './webhooks.ts';

export type NotifyEventInput = {
  event: string;
  record: RecordRow | null;
  actorId: string | null;
  at: Date;
  /** The event's own variables (comment, toState…); also the webhook payload's `data`. */
  vars?: Record<string, string | null>;
  /**
   * People the cause names, with the reason each is told (the approvers asked, an escalation
   * policy's audience, a transition's notify effects). Added to the rule's parties.
   */
  named?: readonly (readonly [string, string])[];
  /** Only people who may read internal notes hear of it (an internal update), whatever the event. */
  internal?: boolean;
  /**
   * Variables only the rendered templates see, never the webhook payload (a survey's secret
   * link, which only its recipient's mail may carry).
   */
  templateVars?: Record<string, string>;
};

const WEB_ROUTES: Record<string, { agent: string; portal: string | null }> = {
  incident: { agent: 'incidents', portal: 'portal/incidents' },
  problem: { agent: 'problems', portal: null },
  request: { agent: 'requests', portal: 'portal/requests' },
  request_task: { agent: 'tasks', portal: null },
};

export function appUrl(ctx: AppContext): string {
  return (ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/+$/, '');
}

/** The record's page in the web app; requesters get the portal's page where there is one. */
export function recordLink(ctx: AppContext, rec: Pick<RecordRow, 'type' | 'number'>, portal = false): string {
  const r = WEB_ROUTES[rec.type] ?? { agent: 'incidents', portal: null };
  return `${appUrl(ctx)}/${portal && r.portal ? r.portal : r.agent}/${encodeURIComponent(rec.number)}`;
}

const NO_FACTS: RecipientFacts = {
  requesterId: null,
  assigneeId: null,
  watcherIds: [],
  groupMemberIds: [],
  consultedIds: [],
  informedIds: [],
  assigneeManagerId: null,
  groupManagerId: null,
  onCallId: null,
};

async function factsOf(
  tx: Db,
  def: NotificationEventDefinition,
  rec: RecordRow | null,
  parties: readonly RecipientParty[],
) {
  const want = new Set(parties);
  const f: RecipientFacts = {
    ...NO_FACTS,
    requesterId: rec?.requesterId ?? null,
    assigneeId: rec?.assigneeId ?? null,
  };
  if (!rec) return f;
  if (want.has('watchers'))
    f.watcherIds = (
      await tx
        .select({ id: recordWatchers.userId })
        .from(recordWatchers)
        .where(eq(recordWatchers.recordId, rec.id))
    ).map((w) => w.id);
  if (rec.groupId && want.has('group'))
    f.groupMemberIds = await peopleOf(tx, [{ kind: 'group', groupId: rec.groupId }]);
  if (rec.groupId && want.has('group_manager'))
    f.groupManagerId =
      (await tx.select({ m: groups.managerId }).from(groups).where(eq(groups.id, rec.groupId)))[0]?.m ?? null;
  if (rec.assigneeId && want.has('assignee_manager'))
    f.assigneeManagerId =
      (await tx.select({ m: users.managerId }).from(users).where(eq(users.id, rec.assigneeId)))[0]?.m ?? null;
  if (rec.groupId && want.has('on_call'))
    f.onCallId =
      (
        await tx
          .select({ u: notificationOnCall.userId })
          .from(notificationOnCall)
          .where(eq(notificationOnCall.groupId, rec.groupId))
      )[0]?.u ?? null;
  const cfg = recordTypeOf(rec.type);
  if (cfg && def.raciActivity && (want.has('consulted') || want.has('informed'))) {
    const { value: raci } = await getRaci(tx, cfg.process);
    const activity = raci.activities.find((a) => a.key === def.raciActivity);
    if (activity) {
      f.consultedIds = await peopleOf(tx, activity.consulted);
      f.informedIds = await peopleOf(tx, activity.informed);
    }
  }
  return f;
}

type Person = { id: string; name: string; email: string; roles: Role[] };

async function peopleByIds(tx: Db, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const [rows, roles] = await Promise.all([
    tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.active, true))),
    tx
      .select({ id: userRoles.userId, role: userRoles.role })
      .from(userRoles)
      .where(inArray(userRoles.userId, ids)),
  ]);
  return new Map(
    rows.map((r) => [r.id, { ...r, roles: roles.filter((x) => x.id === r.id).map((x) => x.role as Role) }]),
  );
}

const actorOf = (p: Person): Actor => ({ userId: p.id, roles: p.roles, groupIds: [], scopes: null });

/** The common variables of a record event. */
async function recordVars(
  ctx: AppContext,
  tx: Db,
  rec: RecordRow | null,
  actorId: string | null,
): Promise<Record<string, string>> {
  // The people and the group, in one round of the shared name loader.
  const { people, groups: teams } = await namesOf(
    tx,
    [rec?.requesterId ?? null, rec?.assigneeId ?? null, actorId],
    [rec?.groupId ?? null],
  );
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? '') : '');
  const actor = actorId ? name(actorId) || 'Someone' : 'Steward';
  if (!rec) return { actor };
  const group = rec.groupId ? (teams.get(rec.groupId)?.name ?? '') : '';
  const cfg = recordTypeOf(rec.type);
  const state = cfg
    ? ((await cachedLifecycle({ db: tx, configCache: ctx.configCache }, cfg.process)).value.states.find(
        (s) => s.key === rec.state,
      )?.label ?? rec.state)
    : rec.state;
  return {
    recordNumber: rec.number,
    recordType: rec.type,
    title: rec.title,
    state,
    priority: String(rec.priority),
    requester: name(rec.requesterId),
    assignee: name(rec.assigneeId),
    group,
    actor,
  };
}

/** The record's own fields a check before its creation can see. */
export type RecordToBe = {
  requesterId?: string | null | undefined;
  assigneeId?: string | null | undefined;
  groupId?: string | null | undefined;
  createdBy?: string | null | undefined;
};

/** Parties found without a query when the record names no group (and, for the manager, no assignee). */
const NEEDS_GROUP = new Set<RecipientParty>(['group', 'group_manager', 'on_call']);

/**
 * Whether `event` on a record about to be created could tell anyone or reach a webhook, from the
 * cached rule and endpoints and the record's own fields: no query. A party only the database
 * knows (watchers, the RACI matrix, a group's members) counts as someone.
 */
export async function mayNotifyOnCreate(
  ctx: Pick<AppContext, 'configCache' | 'db'>,
  event: string,
  rec: RecordToBe,
): Promise<boolean> {
  const def = notificationEvent(event);
  if (!def || (await webhooksWant(ctx, ctx.db, def.key))) return true;
  const rule = await ruleFor(ctx, ctx.db, def);
  if (!rule.enabled) return false;
  const parties = rule.parties ?? def.defaultParties ?? [];
  const known = (p: RecipientParty) =>
    p === 'requester' ||
    p === 'assignee' ||
    (NEEDS_GROUP.has(p) && !rec.groupId) ||
    (p === 'assignee_manager' && !rec.assigneeId);
  if (!parties.every(known)) return true;
  const facts: RecipientFacts = {
    ...NO_FACTS,
    requesterId: rec.requesterId ?? null,
    assigneeId: rec.assigneeId ?? null,
  };
  const told = chooseRecipients({
    parties,
    facts,
    actorId: rec.createdBy ?? null,
    internal: false,
    mayReadInternal: () => true,
  });
  return told.size > 0;
}

/** Tell whom the event's rule and cause name. Returns the ids of the people told. */
export async function notifyEvent(ctx: AppContext, tx: Db, input: NotifyEventInput): Promise<string[]> {
  const def = notificationEvent(input.event);
  if (!def) throw new Error(`Notification event ${input.event} is not registered.`);
  const rule = await ruleFor(ctx, tx, def);
  if (!rule.enabled) return [];
  const parties = rule.parties ?? def.defaultParties ?? [];
  const facts = await factsOf(tx, def, input.record, parties);
  const internal = input.internal ?? def.internal ?? false;
  // Who may read internal notes is known only once the people are loaded; load everyone named.
  const candidates = chooseRecipients({
    parties,
    facts,
    named: input.named ?? [],
    actorId: input.actorId,
    internal: false,
    mayReadInternal: () => true,
  });
  const people = await peopleByIds(tx, [...candidates.keys()]);
  const chosen = internal
    ? chooseRecipients({
        parties,
        facts,
        named: input.named ?? [],
        actorId: input.actorId,
        internal,
        mayReadInternal: (id) => {
          const p = people.get(id);
          return !!p && can(actorOf(p), 'comment.read_internal');
        },
      })
    : candidates;
  const base = { ...(await recordVars(ctx, tx, input.record, input.actorId)), ...(input.vars ?? {}) };
  await queueWebhooks(ctx, tx, {
    event: def.key,
    record: input.record
      ? { row: input.record, url: recordLink(ctx, input.record), state: base.state ?? input.record.state }
      : null,
    actor: input.actorId ? { id: input.actorId, name: base.actor ?? '' } : null,
    data: input.vars ?? {},
    at: input.at,
  });
  const audience = [...chosen].filter(([id]) => people.has(id));
  if (audience.length === 0) return [];
  const [templates, prefs] = await Promise.all([
    templatesFor(tx, def),
    preferencesOf(
      tx,
      def,
      audience.map(([id]) => id),
    ),
  ]);
  const mails = [];
  for (const [id, reasons] of audience) {
    const person = people.get(id)!;
    const pref = prefs.get(id)!;
    const portal = !can(actorOf(person), 'record.read_all');
    const vars: TemplateVars = {
      ...base,
      ...(input.templateVars ?? {}),
      link: input.record ? recordLink(ctx, input.record, portal) : appUrl(ctx),
      recipient: person.name,
      reasons: reasons.join(', and '),
    };
    const inApp = renderChannel(templates.in_app, vars);
    const [n] = await tx
      .insert(notifications)
      .values({
        recipientId: id,
        recordId: input.record?.id ?? null,
        kind: def.key,
        subject: inApp.subject,
        body: inApp.body,
        inApp: pref.inApp,
        createdAt: input.at,
      })
      .returning({ id: notifications.id });
    if (!pref.email) continue;
    const delivery = { notificationId: n!.id, channel: 'email', createdAt: input.at, updatedAt: input.at };
    if (!person.email) {
      await tx
        .insert(notificationDeliveries)
        .values({ ...delivery, status: 'skipped', detail: 'No mail address.' });
    } else if (pref.mode === 'digest') {
      await tx.insert(notificationDeliveries).values({ ...delivery, status: 'digest' });
    } else {
      mails.push({ notificationId: n!.id, to: person.email, rendered: renderChannel(templates.email, vars) });
    }
  }
  await queueNotificationMail(ctx, tx, input.record, def.key, mails, input.at);
  return audience.map(([id]) => id);
}
