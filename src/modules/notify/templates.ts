/**
 * Templates per event and channel: the shipped default unless an administrator saved an override.
 * Saving validates the template (well formed, only the event's variables); the preview renders a
 * template on a sample record without saving it.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  NotificationChannel,
  PreviewInput,
  PreviewView,
  TemplateInput,
  TemplateView,
} from '../../contracts/notifications.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import {
  renderTemplate,
  type TemplateVars,
  textToHtml,
  validateTemplate,
} from '../../domain/notify/template.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { eventVariables, type NotificationEventDefinition, notificationEvent } from './events.ts';
import { notificationTemplates } from './schema.ts';

export type TemplateSet = Record<NotificationChannel, TemplateView>;

function shipped(def: NotificationEventDefinition): TemplateSet {
  return {
    in_app: { channel: 'in_app', ...def.templates.inApp, html: null, overridden: false, version: 0 },
    email: {
      channel: 'email',
      subject: def.templates.email.subject,
      body: def.templates.email.text,
      html: def.templates.email.html ?? null,
      overridden: false,
      version: 0,
    },
  };
}

/** The templates in force for an event: overrides where saved, shipped defaults elsewhere. */
export async function templatesFor(db: Db, def: NotificationEventDefinition): Promise<TemplateSet> {
  const set = shipped(def);
  const rows = await db.select().from(notificationTemplates).where(eq(notificationTemplates.event, def.key));
  for (const r of rows) {
    const channel = r.channel as NotificationChannel;
    set[channel] = {
      channel,
      subject: r.subject,
      body: r.body,
      html: r.html,
      overridden: true,
      version: r.version,
    };
  }
  return set;
}

export type Rendered = { subject: string; body: string; html: string | null };

const oneLine = (s: string) =>
  s
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .slice(0, 500);

/** The mail's HTML around a body: a plain, readable layout that mail clients render alike. */
export function mailLayout(inner: string, link: string | undefined): string {
  const button = link
    ? `<p style="margin-top:24px"><a href="${link.replace(/"/g, '&quot;')}" style="color:#1c7ed6">Open in Steward</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#212529">${inner}${button}</body></html>`;
}

/** Render one channel's template with the values of one recipient. */
export function renderChannel(
  t: Pick<TemplateView, 'channel' | 'subject' | 'body' | 'html'>,
  vars: TemplateVars,
): Rendered {
  const subject = oneLine(renderTemplate(t.subject, vars));
  const body = renderTemplate(t.body, vars).trim();
  if (t.channel === 'in_app') return { subject, body, html: null };
  const link = typeof vars.link === 'string' && /^https?:\/\//.test(vars.link) ? vars.link : undefined;
  const html = t.html ? renderTemplate(t.html, vars, { html: true }) : mailLayout(textToHtml(body), link);
  return { subject, body, html };
}

function assertManage(actor: Actor) {
  if (!can(actor, 'settings.manage'))
    throw forbidden('Only administrators and process owners may change notification templates.');
}

export function eventOrThrow(key: string): NotificationEventDefinition {
  const def = notificationEvent(key);
  if (!def) throw notFound('Notification event', key);
  return def;
}

function checkTemplate(def: NotificationEventDefinition, channel: NotificationChannel, t: TemplateInput) {
  const known = eventVariables(def);
  const errors = [
    ...validateTemplate(t.subject, known).map((message) => ({ field: 'subject', message })),
    ...validateTemplate(t.body, known).map((message) => ({ field: 'body', message })),
    ...(t.html ? validateTemplate(t.html, known).map((message) => ({ field: 'html', message })) : []),
  ];
  if (channel === 'in_app' && t.html)
    errors.push({ field: 'html', message: 'In-app messages have no HTML part.' });
  if (errors.length) throw invalid(errors, 'The template cannot be used as it is.');
}

/** Save an override (If-Match: the version shown; 0 for the shipped default). */
export async function saveTemplate(
  ctx: AppContext,
  actor: Actor,
  eventKey: string,
  channel: NotificationChannel,
  input: TemplateInput,
  expected: number | undefined,
): Promise<TemplateView> {
  assertManage(actor);
  const def = eventOrThrow(eventKey);
  checkTemplate(def, channel, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(notificationTemplates.event, def.key), eq(notificationTemplates.channel, channel));
    const [current] = await tx.select().from(notificationTemplates).where(where).for('update');
    assertVersion(
      { version: current?.version ?? 0, number: `The ${channel} template of ${def.label}` },
      expected,
    );
    const values = {
      subject: input.subject,
      body: input.body,
      html: input.html ?? null,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    const [row] = current
      ? await tx
          .update(notificationTemplates)
          .set({ ...values, version: current.version + 1 })
          .where(where)
          .returning()
      : await tx
          .insert(notificationTemplates)
          .values({ event: def.key, channel, ...values })
          .returning();
    return {
      channel,
      subject: row!.subject,
      body: row!.body,
      html: row!.html,
      overridden: true,
      version: row!.version,
    };
  });
}

/** Drop an override: the shipped default applies again. */
export async function resetTemplate(
  ctx: AppContext,
  actor: Actor,
  eventKey: string,
  channel: NotificationChannel,
) {
  assertManage(actor);
  const def = eventOrThrow(eventKey);
  await ctx.db
    .delete(notificationTemplates)
    .where(and(eq(notificationTemplates.event, def.key), eq(notificationTemplates.channel, channel)));
  return shipped(def)[channel];
}

/** Values of the common variables on the sample record every preview uses. */
export const SAMPLE_RECORD: Readonly<Record<string, string>> = {
  recordNumber: 'INC0001001',
  recordType: 'incident',
  title: 'Printer on floor 3 is on fire',
  link: 'https://steward.example/incidents/INC0001001',
  state: 'In progress',
  priority: '2',
  requester: 'Rita Requester',
  assignee: 'Alex Agent',
  group: 'Service Desk',
  actor: 'Alex Agent',
  recipient: 'Rita Requester',
  reasons: 'the requester',
};

/** Render a template, saved or not, on the sample record. */
export function previewTemplate(actor: Actor, eventKey: string, input: PreviewInput): PreviewView {
  if (!can(actor, 'settings.read')) throw forbidden('You may not read notification templates.');
  const def = eventOrThrow(eventKey);
  checkTemplate(def, input.channel, input);
  const variables = { ...SAMPLE_RECORD, ...def.sample };
  const r = renderChannel({ ...input, html: input.html ?? null }, variables);
  return { ...r, variables };
}
