/**
 * Breach prediction over the SLA module's clocks: training a model on finished clocks (each seen
 * once at a random instant while it still ran, with the queue's load then) and scoring every
 * running clock that is not yet overdue, set-based: one statement reads the clocks with their
 * group's and assignee's open load, the rest is arithmetic on a few numbers per clock.
 */
import { desc, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ClockPrediction, PredictionQuery } from '../../contracts/prediction.ts';
import { queryRows } from '../../db/client.ts';
import {
  type ClockSnapshot,
  evaluate,
  explain,
  FEATURE_LABELS,
  type FeatureKey,
  featureVector,
  fitLogistic,
  type Model,
} from '../../domain/prediction/model.ts';
import {
  buildExamples,
  type FinishedClock,
  heldOut,
  type OpenSpan,
  type ServiceRates,
  serviceRate,
  snapshotAt,
} from '../../domain/prediction/training.ts';
import { workingSecondsLeft } from '../../domain/sla/time-left.ts';
import { formatDuration, loadCalendars } from '../sla/index.ts';
import { predictionModels, predictionScores } from './schema.ts';

export const TRAIN_QUEUE = 'prediction.train';
export const SCORE_QUEUE = 'prediction.score';
/** A record at least this likely to breach is "likely to breach". */
export const LIKELY_THRESHOLD = 0.5;
/** The newest finished clocks a model learns from. */
const TRAINING_CLOCKS = 20_000;
/** Fewer examples than this (or only one outcome) and no model is fitted. */
const MIN_EXAMPLES = 40;
const MODELS_KEPT = 5;

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null) => (v === null ? null : date(v));

export type StoredModel = typeof predictionModels.$inferSelect;

export async function latestModel(ctx: AppContext): Promise<StoredModel | null> {
  const [row] = await ctx.db
    .select()
    .from(predictionModels)
    .orderBy(desc(predictionModels.trainedAt))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------- training

type FinishedRow = {
  record_id: string;
  service_id: string | null;
  group_id: string | null;
  assignee_id: string | null;
  assigned_at: Date | string | null;
  priority: number;
  metric: 'response' | 'resolution';
  target_seconds: number;
  started_at: Date | string;
  due_at: Date | string;
  stopped_at: Date | string;
};

/** The newest finished clocks and the open spans of the records around them. */
export async function loadHistory(
  ctx: AppContext,
  limit = TRAINING_CLOCKS,
): Promise<{ clocks: FinishedClock[]; spans: OpenSpan[] }> {
  const rows = await queryRows<FinishedRow>(
    ctx.db,
    sql`select c.record_id, r.service_id, coalesce(c.group_id, r.group_id) as group_id, r.assignee_id,
          (select min(h.at) from record_history h
            where h.record_id = r.id and h.field = 'assigneeId' and h.old_value is null) as assigned_at,
          c.priority, c.metric, c.target_seconds, c.started_at, c.due_at, c.stopped_at
        from sla_clocks c join records r on r.id = c.record_id
        where c.state = 'met' and c.due_at is not null and c.stopped_at is not null
        order by c.stopped_at desc, c.id
        limit ${limit}`,
  );
  const clocks: FinishedClock[] = rows.map((r) => ({
    recordId: r.record_id,
    serviceId: r.service_id,
    groupId: r.group_id,
    assigneeId: r.assignee_id,
    assignedAt: dateOrNull(r.assigned_at),
    priority: Number(r.priority),
    metric: r.metric,
    targetSeconds: Number(r.target_seconds),
    startedAt: date(r.started_at),
    dueAt: date(r.due_at),
    stoppedAt: date(r.stopped_at),
  }));
  if (!clocks.length) return { clocks, spans: [] };
  const from = new Date(Math.min(...clocks.map((c) => c.startedAt.getTime())));
  const to = new Date(Math.max(...clocks.map((c) => c.stoppedAt.getTime())));
  const spans = await queryRows<{
    group_id: string | null;
    assignee_id: string | null;
    created_at: Date | string;
    ended_at: Date | string | null;
  }>(
    ctx.db,
    sql`select group_id, assignee_id, created_at, coalesce(resolved_at, closed_at) as ended_at from records
        where created_at <= ${to} and (coalesce(resolved_at, closed_at) is null or coalesce(resolved_at, closed_at) >= ${from})`,
  );
  return {
    clocks,
    spans: spans.map((s) => ({
      groupId: s.group_id,
      assigneeId: s.assignee_id,
      from: date(s.created_at),
      to: dateOrNull(s.ended_at),
    })),
  };
}

/**
 * Fit a model on about four fifths of the records' finished clocks, measure it on the rest (by
 * record, so no record is on both sides), and store both. Null when the history is too thin.
 */
export async function trainModel(ctx: AppContext): Promise<StoredModel | null> {
  const { clocks, spans } = await loadHistory(ctx);
  const { examples, rates } = buildExamples(clocks, spans);
  const train = examples.filter((e) => !heldOut(e.recordId));
  const test = examples.filter((e) => heldOut(e.recordId));
  const positives = train.reduce((a, e) => a + e.y, 0);
  if (train.length < MIN_EXAMPLES || positives === 0 || positives === train.length) return null;
  const model = fitLogistic(train);
  const quality = evaluate(
    test.map((e) => ({ p: explain(model, e.x).probability, y: e.y })),
    LIKELY_THRESHOLD,
  );
  const [row] = await ctx.db
    .insert(predictionModels)
    .values({ trainedAt: ctx.clock.now(), trainingSize: train.length, model, serviceRates: rates, quality })
    .returning();
  const keep = await ctx.db
    .select({ id: predictionModels.id })
    .from(predictionModels)
    .orderBy(desc(predictionModels.trainedAt))
    .limit(MODELS_KEPT);
  await ctx.db.delete(predictionModels).where(
    notInArray(
      predictionModels.id,
      keep.map((k) => k.id),
    ),
  );
  return row!;
}

// ---------------------------------------------------------------- scoring

type OpenRow = {
  clock_id: string;
  kind: string;
  metric: 'response' | 'resolution';
  priority: number;
  target_seconds: number;
  started_at: Date | string;
  due_at: Date | string;
  calendar_id: string;
  record_id: string;
  number: string;
  title: string;
  type: string;
  record_priority: number;
  service_id: string | null;
  service_name: string | null;
  group_id: string | null;
  group_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  group_load: number;
  assignee_load: number;
};

export type ScoredClock = {
  row: OpenRow;
  prediction: ClockPrediction;
};

function describe(feature: FeatureKey, s: ClockSnapshot): string {
  switch (feature) {
    case 'elapsed_share':
      return `${Math.round(s.elapsedShare * 100)}% of the time to due gone`;
    case 'working_left':
      return `${formatDuration(s.workingSecondsLeft)} of the target left`;
    case 'priority':
      return `P${s.priority}`;
    case 'resolution':
      return s.metric;
    case 'assignee_load':
      return s.unassigned ? 'nobody assigned' : `${s.assigneeLoad} other open`;
    case 'group_load':
      return `${s.groupLoad} other open`;
    case 'unassigned':
      return s.unassigned ? 'yes' : 'no';
    case 'service_breach_rate':
      return `${Math.round(s.serviceBreachRate * 100)}% of past clocks breached`;
  }
}

/** Score the running, not yet overdue clocks of open records (optionally narrowed). */
export async function scoreOpenClocks(
  ctx: AppContext,
  stored: StoredModel,
  narrow: { filters?: Omit<PredictionQuery, 'minProbability' | 'limit'>; recordId?: string } = {},
): Promise<ScoredClock[]> {
  const now = ctx.clock.now();
  const conds: SQL[] = [];
  const f = narrow.filters;
  if (f?.groupId) conds.push(sql`and coalesce(c.group_id, r.group_id) = ${f.groupId}`);
  if (f?.serviceId) conds.push(sql`and r.service_id = ${f.serviceId}`);
  if (f?.priority) conds.push(sql`and r.priority = ${f.priority}`);
  if (narrow.recordId) conds.push(sql`and r.id = ${narrow.recordId}`);
  const rows = await queryRows<OpenRow>(
    ctx.db,
    sql`with open as (
          select group_id, assignee_id from records where resolved_at is null and closed_at is null),
        ga as (select group_id, count(*)::int as n from open where group_id is not null group by group_id),
        aa as (select assignee_id, count(*)::int as n from open where assignee_id is not null group by assignee_id)
        select c.id as clock_id, c.kind, c.metric, c.priority, c.target_seconds, c.started_at, c.due_at, c.calendar_id,
          r.id as record_id, r.number, r.title, r.type, r.priority as record_priority,
          r.service_id, s.name as service_name,
          coalesce(c.group_id, r.group_id) as group_id, g.name as group_name,
          r.assignee_id, u.name as assignee_name,
          coalesce(ga.n, 0) as group_load, coalesce(aa.n, 0) as assignee_load
        from sla_clocks c
        join records r on r.id = c.record_id
        left join groups g on g.id = coalesce(c.group_id, r.group_id)
        left join users u on u.id = r.assignee_id
        left join cis s on s.id = r.service_id
        left join ga on ga.group_id = coalesce(c.group_id, r.group_id)
        left join aa on aa.assignee_id = r.assignee_id
        where c.state = 'running' and c.due_at > ${now}
          and r.resolved_at is null and r.closed_at is null
          ${sql.join(conds, sql` `)}`,
  );
  const calendars = await loadCalendars(
    ctx.db,
    rows.map((r) => r.calendar_id),
  );
  const model = stored.model as Model;
  const rates = stored.serviceRates as ServiceRates;
  return rows.map((r) => {
    const dueAt = date(r.due_at);
    const snap = snapshotAt(
      {
        serviceId: r.service_id,
        groupId: r.group_id,
        assigneeId: r.assignee_id,
        assignedAt: null,
        priority: Number(r.priority),
        metric: r.metric,
        targetSeconds: Number(r.target_seconds),
        startedAt: date(r.started_at),
        dueAt,
      },
      now.getTime(),
      { assignee: Number(r.assignee_load), group: Number(r.group_load) },
      serviceRate(rates, r.service_id),
    );
    const { probability, factors } = explain(model, featureVector(snap));
    const calendar = calendars.get(r.calendar_id);
    return {
      row: r,
      prediction: {
        clockId: r.clock_id,
        kind: r.kind,
        metric: r.metric,
        dueAt: dueAt.toISOString(),
        workingSecondsLeft: Math.round(
          calendar ? workingSecondsLeft(dueAt, now, calendar) : (dueAt.getTime() - now.getTime()) / 1000,
        ),
        probability,
        factors: factors.map((x) => ({
          feature: x.feature,
          label: x.label,
          shown: x.feature in FEATURE_LABELS ? describe(x.feature as FeatureKey, snap) : String(x.value),
          contribution: x.contribution,
        })),
      },
    };
  });
}

/** The records likely to breach: each record once, with its riskiest clock, riskiest first. */
export async function listPredictions(ctx: AppContext, q: PredictionQuery) {
  const stored = await latestModel(ctx);
  if (!stored) return { model: null, threshold: q.minProbability, items: [] };
  const scored = await scoreOpenClocks(ctx, stored, { filters: q });
  const best = new Map<string, ScoredClock>();
  for (const s of scored) {
    const cur = best.get(s.row.record_id);
    if (!cur || s.prediction.probability > cur.prediction.probability) best.set(s.row.record_id, s);
  }
  const items = [...best.values()]
    .filter((s) => s.prediction.probability >= q.minProbability)
    .sort(
      (a, b) =>
        b.prediction.probability - a.prediction.probability || a.row.number.localeCompare(b.row.number),
    )
    .slice(0, q.limit)
    .map(({ row: r, prediction }) => ({
      recordId: r.record_id,
      number: r.number,
      title: r.title,
      type: r.type,
      priority: Number(r.record_priority),
      group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
      assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
      service: r.service_id ? { id: r.service_id, name: r.service_name ?? '' } : null,
      clock: prediction,
    }));
  return { model: modelRef(stored), threshold: q.minProbability, items };
}

const modelRef = (m: StoredModel) => ({ id: m.id, trainedAt: m.trainedAt.toISOString() });

export async function recordPrediction(ctx: AppContext, record: { id: string; number: string }) {
  const [stored, [overdue]] = await Promise.all([
    latestModel(ctx),
    queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from sla_clocks
          where record_id = ${record.id} and state = 'running' and due_at <= ${ctx.clock.now()}`,
    ),
  ]);
  const clocks = stored
    ? (await scoreOpenClocks(ctx, stored, { recordId: record.id })).map((s) => s.prediction)
    : [];
  clocks.sort((a, b) => b.probability - a.probability);
  return {
    recordId: record.id,
    number: record.number,
    model: stored ? modelRef(stored) : null,
    probability: clocks[0]?.probability ?? null,
    overdueClocks: Number(overdue?.n ?? 0),
    clocks,
  };
}

export async function modelQuality(ctx: AppContext) {
  const stored = await latestModel(ctx);
  if (!stored) return { model: null, trainingSize: 0, heldOut: null, weights: [] };
  const model = stored.model as Model;
  return {
    model: modelRef(stored),
    trainingSize: stored.trainingSize,
    heldOut: stored.quality,
    weights: model.features.map((feature, j) => ({
      feature,
      label: FEATURE_LABELS[feature as FeatureKey] ?? feature,
      weight: model.weights[j]!,
    })),
  };
}

/** Store the current score of every scored clock, for the dashboard's count; replaces the last. */
export async function refreshScores(ctx: AppContext): Promise<number> {
  const stored = await latestModel(ctx);
  const scored = stored ? await scoreOpenClocks(ctx, stored) : [];
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(predictionScores);
    for (let i = 0; i < scored.length; i += 500)
      await tx.insert(predictionScores).values(
        scored.slice(i, i + 500).map((s) => ({
          clockId: s.prediction.clockId,
          recordId: s.row.record_id,
          probability: s.prediction.probability,
          scoredAt: now,
        })),
      );
  });
  return scored.length;
}
