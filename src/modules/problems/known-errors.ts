/**
 * The known-error database. A known error is recorded from a problem (one per problem): the
 * symptoms people recognise, the workaround, and a status (active, fixed once the problem is
 * resolved, retired by hand). Its service and CIs are its problem's. Search is PostgreSQL
 * full-text over a weighted vector (title A, symptoms B, workaround C), best matches first.
 *
 * For an incident, known errors are suggested by similar text (any word of its title and
 * description), the same CI or the same service; applying one links the incident to the known
 * error's problem and copies the workaround into the incident as an internal note.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  KnownErrorCreate,
  KnownErrorHit,
  KnownErrorPatch,
  KnownErrorStatus,
  KnownErrorSuggestion,
  KnownErrorView,
} from '../../contracts/problems.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { rowById } from '../../db/rows.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { recordCis } from '../cmdb/index.ts';
import {
  INCIDENT,
  loadRecord,
  PROBLEM,
  recordComments,
  recordHistory,
  recordLinks,
  records,
  writeHistory,
} from '../records/index.ts';
import { knownErrors, problemDetails } from './schema.ts';

type KnownErrorRow = typeof knownErrors.$inferSelect;

/** Known errors are agents' knowledge: readable by those who read all records. */
function assertCanRead(actor: Actor): void {
  if (!can(actor, 'record.read_all')) throw forbidden('The known-error database is for agents.');
}

async function present(db: Db, rows: KnownErrorRow[]): Promise<KnownErrorView[]> {
  if (rows.length === 0) return [];
  const problemIds = rows.map((r) => r.problemId);
  const problems = await db
    .select({ id: records.id, number: records.number, state: records.state, serviceId: records.serviceId })
    .from(records)
    .where(inArray(records.id, problemIds));
  const cis = await db
    .select({ recordId: recordCis.recordId, ciId: recordCis.ciId })
    .from(recordCis)
    .where(inArray(recordCis.recordId, problemIds));
  const byId = new Map(problems.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = byId.get(r.problemId);
    return {
      id: r.id,
      problemId: r.problemId,
      problemNumber: p?.number ?? '',
      problemState: p?.state ?? '',
      title: r.title,
      symptoms: r.symptoms,
      workaround: r.workaround,
      status: r.status as KnownErrorStatus,
      serviceId: p?.serviceId ?? null,
      ciIds: cis.filter((c) => c.recordId === r.problemId).map((c) => c.ciId),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

export async function knownErrorOfProblem(db: Db, problemId: string): Promise<KnownErrorView | null> {
  const rows = await db.select().from(knownErrors).where(eq(knownErrors.problemId, problemId));
  return (await present(db, rows))[0] ?? null;
}

/** Move a problem's known error between statuses (e.g. active → fixed when the problem is resolved). */
export async function setKnownErrorStatus(
  tx: Db,
  problemId: string,
  from: KnownErrorStatus,
  to: KnownErrorStatus,
  at: Date,
): Promise<void> {
  await tx
    .update(knownErrors)
    .set({ status: to, updatedAt: at, version: sql`${knownErrors.version} + 1` })
    .where(and(eq(knownErrors.problemId, problemId), eq(knownErrors.status, from)));
}

/** Publish a problem's known error; the workaround defaults to the one in its analysis. */
export async function recordKnownError(
  ctx: AppContext,
  actor: Actor,
  problemRef: string,
  input: KnownErrorCreate,
): Promise<KnownErrorView> {
  const { row } = await loadRecord(ctx, actor, problemRef, { type: PROBLEM.type, need: 'update' });
  const [details] = await ctx.db.select().from(problemDetails).where(eq(problemDetails.recordId, row.id));
  const workaround = input.workaround?.trim() || details?.workaround?.trim();
  if (!workaround)
    throw invalid([
      { field: 'workaround', message: 'give a workaround, or record one in the analysis first' },
    ]);
  const now = ctx.clock.now();
  const created = await ctx.db.transaction(async (tx) => {
    const [ke] = await tx
      .insert(knownErrors)
      .values({
        problemId: row.id,
        title: input.title?.trim() || row.title,
        symptoms: input.symptoms.trim(),
        workaround,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!ke) throw conflict(`${row.number} already has a known error; edit it instead.`);
    await writeHistory(tx, row.id, actor.userId, now, [
      { field: 'knownError', oldValue: null, newValue: ke.title },
    ]);
    await tx.update(records).set({ updatedAt: now }).where(eq(records.id, row.id));
    return ke;
  });
  return (await present(ctx.db, [created]))[0]!;
}

function findKnownError(db: Db, id: string): Promise<KnownErrorRow> {
  return rowById(db, knownErrors, id, 'Known error');
}

export async function getKnownError(ctx: AppContext, actor: Actor, id: string): Promise<KnownErrorView> {
  assertCanRead(actor);
  return (await present(ctx.db, [await findKnownError(ctx.db, id)]))[0]!;
}

export async function updateKnownError(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: KnownErrorPatch,
  expectedVersion: number | undefined,
): Promise<KnownErrorView> {
  assertCanRead(actor);
  const current = await findKnownError(ctx.db, id);
  await loadRecord(ctx, actor, current.problemId, { need: 'update' });
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(knownErrors).where(eq(knownErrors.id, current.id)).for('update');
    assertVersion(row!, expectedVersion);
    const fields = (['title', 'symptoms', 'workaround', 'status'] as const).filter(
      (f) => patch[f] !== undefined && patch[f] !== row![f],
    );
    if (fields.length === 0) return row!;
    const next = await writeNextVersion(tx, knownErrors, row!, patch, now);
    await writeHistory(
      tx,
      row!.problemId,
      actor.userId,
      now,
      fields.map((f) => ({ field: `knownError.${f}`, oldValue: row![f], newValue: patch[f] ?? null })),
    );
    return next;
  });
  return (await present(ctx.db, [updated]))[0]!;
}

/** Search the database: words of the query in title, symptoms or workaround, best matches first. */
export async function searchKnownErrors(
  ctx: AppContext,
  actor: Actor,
  q: { q?: string | undefined; status?: KnownErrorStatus | undefined; limit: number },
): Promise<{ items: KnownErrorHit[] }> {
  assertCanRead(actor);
  const text = q.q?.trim();
  const query = sql`websearch_to_tsquery('english', ${text ?? ''})`;
  const rank = text ? sql<number>`ts_rank(${knownErrors.search}, ${query})` : sql<number>`0::real`;
  const conds = [
    q.status ? eq(knownErrors.status, q.status) : undefined,
    text ? sql`${knownErrors.search} @@ ${query}` : undefined,
  ].filter((c) => c !== undefined);
  const rows = await ctx.db
    .select({ row: knownErrors, rank })
    .from(knownErrors)
    .where(conds.length ? and(...conds) : undefined)
    // Without words there is no relevance: the most recently changed come first.
    .orderBy(...(text ? [desc(rank)] : []), desc(knownErrors.updatedAt), knownErrors.id)
    .limit(q.limit);
  const views = await present(
    ctx.db,
    rows.map((r) => r.row),
  );
  return { items: views.map((v, i) => ({ ...v, rank: Number(rows[i]!.rank) })) };
}

/**
 * Weights of a suggestion's score: the same CI counts most, then similar text (0.6, plus its
 * relevance, kept below 1), then the same service.
 */
const CI_WEIGHT = 1;
const TEXT_WEIGHT = 0.6;
const SERVICE_WEIGHT = 0.5;
const textScore = (rank: number) => (rank > 0 ? TEXT_WEIGHT + Math.min(rank, 0.39) : 0);

/** Known errors that may explain an incident: similar text, the same CI or the same service. */
export async function suggestKnownErrors(
  ctx: AppContext,
  actor: Actor,
  incidentRef: string,
  limit = 5,
): Promise<{ items: KnownErrorSuggestion[] }> {
  assertCanRead(actor);
  const { row: inc } = await loadRecord(ctx, actor, incidentRef, { type: INCIDENT.type });
  const text = `${inc.title} ${inc.description}`.slice(0, 2000);
  // Any word of the incident may match: the AND query plainto_tsquery builds, turned into OR.
  const query = sql`nullif(replace(plainto_tsquery('english', ${text})::text, ' & ', ' | '), '')::tsquery`;
  const rows = await queryRows<{ id: string; text_rank: number; same_ci: boolean; same_service: boolean }>(
    ctx.db,
    sql`
    select * from (
      select ke.id,
        coalesce(ts_rank(ke.search, ${query}), 0) as text_rank,
        exists (select 1 from record_cis pc join record_cis ic on ic.ci_id = pc.ci_id
                where pc.record_id = ke.problem_id and ic.record_id = ${inc.id}) as same_ci,
        (p.service_id is not null and p.service_id = ${inc.serviceId}) as same_service,
        coalesce(ke.search @@ ${query}, false) as text_match
      from known_errors ke join records p on p.id = ke.problem_id
      where ke.status <> 'retired'
    ) s
    where s.text_match or s.same_ci or s.same_service`,
  );
  const scored = rows
    .map((r) => ({
      id: r.id,
      score:
        textScore(Number(r.text_rank)) + (r.same_ci ? CI_WEIGHT : 0) + (r.same_service ? SERVICE_WEIGHT : 0),
      reasons: [
        ...(Number(r.text_rank) > 0 ? (['text'] as const) : []),
        ...(r.same_ci ? (['ci'] as const) : []),
        ...(r.same_service ? (['service'] as const) : []),
      ],
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  if (scored.length === 0) return { items: [] };
  const kes = await ctx.db
    .select()
    .from(knownErrors)
    .where(
      inArray(
        knownErrors.id,
        scored.map((s) => s.id),
      ),
    );
  const views = new Map((await present(ctx.db, kes)).map((v) => [v.id, v]));
  const linked = await ctx.db
    .select({ toId: recordLinks.toId })
    .from(recordLinks)
    .where(and(eq(recordLinks.fromId, inc.id), eq(recordLinks.kind, 'caused_by')));
  const linkedIds = new Set(linked.map((l) => l.toId));
  return {
    items: scored.map((s) => {
      const v = views.get(s.id)!;
      return { ...v, score: s.score, reasons: [...s.reasons], applied: linkedIds.has(v.problemId) };
    }),
  };
}

/**
 * Apply a known error to an incident in one step: link the incident to its problem and copy the
 * workaround into the incident as an internal note (agents see it in the activity stream).
 */
export async function applyKnownError(
  ctx: AppContext,
  actor: Actor,
  incidentRef: string,
  knownErrorId: string,
): Promise<{ knownError: KnownErrorView; commentId: string }> {
  assertCanRead(actor);
  const { row: inc } = await loadRecord(ctx, actor, incidentRef, { type: INCIDENT.type, need: 'update' });
  if (!can(actor, 'comment.write_internal')) throw forbidden('Only agents apply known errors.');
  const ke = await findKnownError(ctx.db, knownErrorId);
  if (ke.status === 'retired') throw conflict('This known error is retired.');
  const [view] = await present(ctx.db, [ke]);
  const now = ctx.clock.now();
  const commentId = await ctx.db.transaction(async (tx) => {
    const linked = await tx
      .insert(recordLinks)
      .values({
        fromId: inc.id,
        toId: ke.problemId,
        kind: 'caused_by',
        createdBy: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: recordLinks.id });
    if (linked.length) {
      await tx.insert(recordHistory).values([
        {
          recordId: inc.id,
          actorId: actor.userId,
          at: now,
          field: 'link.caused_by',
          newValue: view!.problemNumber,
        },
        {
          recordId: ke.problemId,
          actorId: actor.userId,
          at: now,
          field: 'link.incident',
          newValue: inc.number,
        },
      ]);
    }
    const [c] = await tx
      .insert(recordComments)
      .values({
        recordId: inc.id,
        authorId: actor.userId,
        body: `Workaround from known error "${ke.title}" (${view!.problemNumber}):\n\n${ke.workaround}`,
        visibility: 'internal',
        createdAt: now,
      })
      .returning({ id: recordComments.id });
    await writeHistory(tx, inc.id, actor.userId, now, [
      { field: 'knownError', oldValue: null, newValue: ke.title },
    ]);
    await tx.update(records).set({ updatedAt: now }).where(eq(records.id, inc.id));
    return c!.id;
  });
  return { knownError: view!, commentId };
}
