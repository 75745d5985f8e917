/**
 * Customer-satisfaction surveys: one per resolution of an incident or request, for its
 * requester, created in the transaction that resolves the record (and withdrawn by a reopen). The
 * requester answers once: by the mail's secret link without signing in, or signed in from the
 * portal. A low score tells the team lead. Answers and sendings are written to the record's
 * history.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import {
  CSAT_QUESTION,
  type CsatAnswerInput,
  type CsatSettings,
  type CsatSurveyView,
  type PublicSurveyView,
} from '../../contracts/csat.ts';
import type { Db } from '../../db/client.ts';
import {
  asksForScore,
  DEFAULT_EXPIRY_DAYS,
  DEFAULT_LOW_SCORE_THRESHOLD,
  expiryOf,
  isLowScore,
  surveyStatus,
  withdrawsSurvey,
} from '../../domain/csat/survey.ts';
import { stateOf } from '../../domain/lifecycle/engine.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, conflict, forbidden, notFound } from '../../errors.ts';
import { tokenHash } from '../../shared/token-hash.ts';
import { appUrl } from '../notify/index.ts';
import {
  findRecord,
  loadRecord,
  type RecordEvent,
  type RecordEventContext,
  type RecordRow,
  records,
  registerRecordHook,
  writeHistory,
} from '../records/index.ts';
import { readSettingOver, writeSetting } from '../settings/index.ts';
import { notifyLowScore, notifySurveyRequested } from './notifications.ts';
import { csatSurveys } from './schema.ts';

export const CSAT_SETTINGS_KEY = 'csat.options';
export const DEFAULT_CSAT_SETTINGS: CsatSettings = {
  lowScoreThreshold: DEFAULT_LOW_SCORE_THRESHOLD,
  expiryDays: DEFAULT_EXPIRY_DAYS,
};

export const newToken = () => randomBytes(32).toString('base64url');
export const surveyLink = (ctx: AppContext, token: string) => `${appUrl(ctx)}/survey/${token}`;

export async function getCsatSettings(db: Db): Promise<CsatSettings & { version: number }> {
  const { value, version } = await readSettingOver(db, CSAT_SETTINGS_KEY, DEFAULT_CSAT_SETTINGS);
  return { ...value, version };
}

export async function saveCsatSettings(
  ctx: AppContext,
  actor: Actor,
  input: CsatSettings,
  version: number | undefined,
  ip: string | null,
) {
  if (!can(actor, 'settings.manage'))
    throw forbidden('Only administrators and process owners change survey settings.');
  await writeSetting(ctx, actor, CSAT_SETTINGS_KEY, input, version, ip);
  return getCsatSettings(ctx.db);
}

type SurveyRow = typeof csatSurveys.$inferSelect;

/**
 * Create the survey of a resolution, in the resolving transaction, and ask the requester.
 * Returns the secret token (only the mail carries it) and the survey's id.
 */
export async function createSurveyWithin(
  ctx: AppContext,
  tx: Db,
  record: RecordRow,
  actorId: string | null,
  at: Date,
): Promise<{ id: string; token: string }> {
  const settings = await getCsatSettings(tx);
  // A resolution supersedes any earlier survey still waiting for an answer.
  await withdrawPending(tx, record.id, at);
  const token = newToken();
  const expiresAt = expiryOf(at, settings.expiryDays);
  const [row] = await tx
    .insert(csatSurveys)
    .values({
      recordId: record.id,
      requesterId: record.requesterId,
      tokenHash: tokenHash(token),
      resolvedAt: at,
      createdAt: at,
      expiresAt,
    })
    .returning({ id: csatSurveys.id });
  await writeHistory(tx, record.id, actorId, at, [{ field: 'csat.sent', oldValue: null, newValue: 'sent' }]);
  await notifySurveyRequested(ctx, tx, record, { link: surveyLink(ctx, token), expiresAt }, actorId, at);
  return { id: row!.id, token };
}

async function withdrawPending(tx: Db, recordId: string, at: Date): Promise<void> {
  await tx
    .update(csatSurveys)
    .set({ expiresAt: at })
    .where(
      and(eq(csatSurveys.recordId, recordId), isNull(csatSurveys.answeredAt), gt(csatSurveys.expiresAt, at)),
    );
}

async function onRecordEvent(event: RecordEvent, ec: RecordEventContext): Promise<void> {
  if (event.kind !== 'transitioned') return;
  const from = stateOf(ec.lifecycle, event.from)?.category;
  const to = stateOf(ec.lifecycle, event.to)?.category;
  if (withdrawsSurvey(from, to)) await withdrawPending(ec.tx, event.record.id, ec.at);
  if (asksForScore(event.record.type, from, to))
    await createSurveyWithin(ec.ctx, ec.tx, event.record, ec.actorId, ec.at);
}

/** A resolution asks for a score; a reopen withdraws the question. */
export function registerCsatHooks(): void {
  registerRecordHook('csat', onRecordEvent, ['transitioned']);
}

// ---------------------------------------------------------------- reading

const iso = (d: Date) => d.toISOString();

function present(
  s: SurveyRow,
  rec: Pick<RecordRow, 'id' | 'number' | 'title' | 'type'>,
  now: Date,
  viewerId: string | null,
): CsatSurveyView {
  const status = surveyStatus(s, now);
  return {
    id: s.id,
    status,
    question: CSAT_QUESTION,
    resolvedAt: iso(s.resolvedAt),
    createdAt: iso(s.createdAt),
    expiresAt: iso(s.expiresAt),
    score: s.score,
    comment: s.comment,
    answeredAt: s.answeredAt ? iso(s.answeredAt) : null,
    answeredVia: s.answeredVia === 'link' || s.answeredVia === 'portal' ? s.answeredVia : null,
    canAnswer: status === 'pending' && viewerId === s.requesterId,
    record: { id: rec.id, number: rec.number, title: rec.title, type: rec.type },
  };
}

/** The surveys of a record, newest first, for anyone who may read the record. */
export async function recordSurveys(ctx: AppContext, actor: Actor, ref: string): Promise<CsatSurveyView[]> {
  const { row } = await loadRecord(ctx, actor, ref);
  const rows = await ctx.db
    .select()
    .from(csatSurveys)
    .where(eq(csatSurveys.recordId, row.id))
    // A withdrawn survey expired when its successor was sent: it sorts after it at the same instant.
    .orderBy(desc(csatSurveys.createdAt), desc(csatSurveys.expiresAt));
  const now = ctx.clock.now();
  // Requesters see their own surveys; staff who read the record see every one.
  return rows
    .filter((s) => s.requesterId === actor.userId || can(actor, 'record.read_all'))
    .map((s) => present(s, row, now, actor.userId));
}

/** The caller's surveys still waiting for an answer, newest first. */
export async function pendingSurveys(ctx: AppContext, actor: Actor): Promise<CsatSurveyView[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      s: csatSurveys,
      r: { id: records.id, number: records.number, title: records.title, type: records.type },
    })
    .from(csatSurveys)
    .innerJoin(records, eq(records.id, csatSurveys.recordId))
    .where(
      and(
        eq(csatSurveys.requesterId, actor.userId),
        isNull(csatSurveys.answeredAt),
        gt(csatSurveys.expiresAt, now),
      ),
    )
    .orderBy(desc(csatSurveys.createdAt))
    .limit(50);
  return rows.map(({ s, r }) => present(s, r, now, actor.userId));
}

async function surveyByToken(db: Db, token: string, lock = false): Promise<SurveyRow> {
  const q = db
    .select()
    .from(csatSurveys)
    .where(eq(csatSurveys.tokenHash, tokenHash(token)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Survey', 'for this link');
  return row;
}

/** What the link shows: the question and the record's number and title, no sign-in needed. */
export async function publicSurvey(ctx: AppContext, token: string): Promise<PublicSurveyView> {
  const s = await surveyByToken(ctx.db, token);
  const rec = await findRecord(ctx.db, s.recordId);
  if (!rec) throw notFound('Survey', 'for this link');
  const status = surveyStatus(s, ctx.clock.now());
  if (status === 'expired') throw gone();
  return {
    status,
    question: CSAT_QUESTION,
    record: { number: rec.number, title: rec.title },
    expiresAt: iso(s.expiresAt),
    score: s.score,
  };
}

const gone = () =>
  new AppError(
    'resource.gone',
    'This survey no longer takes answers: it expired, or the record was reopened after it was sent.',
  );

// ---------------------------------------------------------------- answering

export type AnswerOutcome = { survey: CsatSurveyView; lowScore: boolean; told: string[] };

async function answerWithin(
  ctx: AppContext,
  tx: Db,
  s: SurveyRow,
  input: CsatAnswerInput,
  via: 'link' | 'portal',
): Promise<AnswerOutcome> {
  const now = ctx.clock.now();
  const status = surveyStatus(s, now);
  if (status === 'answered') throw conflict('This survey was already answered; it takes one answer.');
  if (status === 'expired') throw gone();
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  const [updated] = await tx
    .update(csatSurveys)
    .set({ score: input.score, comment, answeredAt: now, answeredVia: via })
    .where(and(eq(csatSurveys.id, s.id), isNull(csatSurveys.answeredAt)))
    .returning();
  if (!updated) throw conflict('This survey was already answered; it takes one answer.');
  const rec = (await findRecord(tx, s.recordId))!;
  await writeHistory(tx, rec.id, s.requesterId, now, [
    { field: 'csat', oldValue: null, newValue: String(input.score) },
    ...(comment ? [{ field: 'csat.comment', oldValue: null, newValue: comment }] : []),
  ]);
  const { lowScoreThreshold } = await getCsatSettings(tx);
  const lowScore = isLowScore(input.score, lowScoreThreshold);
  const told = lowScore
    ? await notifyLowScore(ctx, tx, rec, { score: input.score, comment }, s.requesterId, now)
    : [];
  return {
    survey: present(updated, rec, now, s.requesterId),
    lowScore,
    told,
  };
}

/** Answer by the mail's link: the token is the credential. */
export async function answerByToken(ctx: AppContext, token: string, input: CsatAnswerInput) {
  return ctx.db.transaction(async (tx) =>
    answerWithin(ctx, tx, await surveyByToken(tx, token, true), input, 'link'),
  );
}

/** Answer signed in: only the survey's requester may; anyone else is told it does not exist. */
export async function answerAsRequester(
  ctx: AppContext,
  actor: Actor,
  surveyId: string,
  input: CsatAnswerInput,
) {
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(csatSurveys).where(eq(csatSurveys.id, surveyId)).for('update');
    if (!s || s.requesterId !== actor.userId) throw notFound('Survey', surveyId);
    return answerWithin(ctx, tx, s, input, 'portal');
  });
}
