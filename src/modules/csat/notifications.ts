/**
 * What surveys tell people: the requester is asked for a score when their record is resolved
 * (the mail carries the survey's secret link), and a low score tells the record's team lead (the
 * group's manager, or the group's members when it has none). Administrators change who hears of
 * either, and the templates, like any other notification event; each person's preferences pick
 * the channels.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { groups } from '../auth/index.ts';
import { notifyEvent, peopleOf, registerNotificationEvent } from '../notify/index.ts';
import type { RecordRow } from '../records/index.ts';

export const SURVEY_REQUESTED = 'survey.requested';
export const SURVEY_LOW_SCORE = 'survey.low_score';

export function registerCsatNotifications(): void {
  registerNotificationEvent({
    key: SURVEY_REQUESTED,
    label: 'Satisfaction survey',
    description:
      'A record of theirs was resolved: the requester is asked how satisfied they are (one question and a comment).',
    variables: ['surveyLink', 'expiresAt'],
    defaultParties: ['requester'],
    emailByDefault: true,
    templates: {
      inApp: {
        subject: 'How did we do on {{recordNumber}}?',
        body: '{{recordNumber}} "{{title}}" was resolved. Tell us how satisfied you are: open it and answer one question.',
      },
      email: {
        subject: '[{{recordNumber}}] How did we do?',
        text: 'Hello {{recipient}},\n\n{{recordNumber}} "{{title}}" was resolved. How satisfied are you with how this was handled? One click on the link below, a score from 1 to 5 and, if you like, a comment:\n\n{{surveyLink}}\n\nThe link works until {{expiresAt}}; you need not sign in.\n\nThe record: {{link}}\nYou are told because {{reasons}}.',
      },
    },
    sample: {
      surveyLink: 'https://steward.example.com/survey/3q2-sample-token',
      expiresAt: '2026-03-16 10:00 UTC',
    },
  });
  registerNotificationEvent({
    key: SURVEY_LOW_SCORE,
    label: 'Low satisfaction score',
    description:
      'A requester gave a low score (at or below the threshold in the survey settings); the team lead of the record’s group hears of it, or the group’s members when it has no manager.',
    variables: ['score', 'comment'],
    defaultParties: null,
    emailByDefault: true,
    internal: true,
    templates: {
      inApp: {
        subject: 'Low satisfaction score on {{recordNumber}}: {{score}}/5',
        body: '{{requester}} scored {{recordNumber}} "{{title}}" {{score}} out of 5.{{#comment}}\n\n"{{comment}}"{{/comment}}',
      },
      email: {
        subject: '[{{recordNumber}}] Low satisfaction score: {{score}}/5',
        text: '{{requester}} scored {{recordNumber}} "{{title}}" {{score}} out of 5{{#group}} (group {{group}}){{/group}}.{{#comment}}\n\nTheir comment:\n"{{comment}}"{{/comment}}\n\n{{link}}\nYou are told because {{reasons}}.',
      },
    },
    sample: { score: '1', comment: 'Nobody told me it was fixed; I found out by trying again.' },
  });
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Ask the requester, by the mail's secret link (never in a webhook payload) and in the app. */
export async function notifySurveyRequested(
  ctx: AppContext,
  tx: Db,
  record: RecordRow,
  survey: { link: string; expiresAt: Date },
  actorId: string | null,
  at: Date,
): Promise<void> {
  await notifyEvent(ctx, tx, {
    event: SURVEY_REQUESTED,
    record,
    actorId,
    at,
    vars: { expiresAt: when(survey.expiresAt) },
    templateVars: { surveyLink: survey.link },
  });
}

/** The people a low score reaches: the group's manager, else its members; nobody without a group. */
export async function teamLeadsOf(tx: Db, groupId: string | null): Promise<[string, string][]> {
  if (!groupId) return [];
  const [g] = await tx
    .select({ name: groups.name, managerId: groups.managerId })
    .from(groups)
    .where(eq(groups.id, groupId));
  if (!g) return [];
  if (g.managerId) return [[g.managerId, `you lead ${g.name}`]];
  const members = await peopleOf(tx, [{ kind: 'group', groupId }]);
  return members.map((id) => [id, `you are in ${g.name}, which has no manager`]);
}

export async function notifyLowScore(
  ctx: AppContext,
  tx: Db,
  record: RecordRow,
  answer: { score: number; comment: string | null },
  actorId: string | null,
  at: Date,
): Promise<string[]> {
  return notifyEvent(ctx, tx, {
    event: SURVEY_LOW_SCORE,
    record,
    actorId,
    at,
    vars: { score: String(answer.score), comment: answer.comment ?? '' },
    named: await teamLeadsOf(tx, record.groupId),
  });
}
