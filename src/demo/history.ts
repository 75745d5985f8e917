/**
 * Six months of closed incident history, so every dashboard and report has something to show on
 * first start: records across the services, raised mostly in office hours, acknowledged and
 * resolved in working time against the agreed SLAs and the Service Desk OLA — most on time, some
 * late, some put on hold, some resolved and reopened. Deterministic (a seeded generator), and
 * written set-based: a few multi-row inserts instead of thousands of use-case calls, then the
 * working-time durations of the met clocks in one pass. The records, clocks and pauses look
 * exactly as the lifecycle and the SLA module would have left them. Every resolution sent the
 * requester a satisfaction survey; about three in ten answered, mostly satisfied, less so when
 * the record breached or was reopened.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.ts';
import { type Db, queryRows } from '../db/client.ts';
import { DEFAULT_EXPIRY_DAYS, expiryOf } from '../domain/csat/survey.ts';
import type { Holiday, WeeklyInterval } from '../domain/sla/calendar.ts';
import {
  addWorkingTime,
  type CompiledCalendar,
  compileCalendar,
  computeDueAt,
  type Pause,
} from '../domain/sla/clock.ts';
import { clockPauses } from '../domain/sla/clock-state.ts';
import { csatSurveys } from '../modules/csat/schema.ts';
import { recordHistory, records } from '../modules/records/schema.ts';
import { refreshClockDurations } from '../modules/reports/index.ts';
import { slaClocks, slaPauses } from '../modules/sla/clock-schema.ts';
import { seededRandom } from '../shared/random.ts';
import { DAY_MS } from '../shared/time.ts';
import { tokenHash } from '../shared/token-hash.ts';
import { DEMO_INCIDENTS } from './data.ts';

export type HistoryInput = {
  groups: ReadonlyMap<string, string>;
  groupMembers: ReadonlyMap<string, readonly string[]>;
  requesters: readonly string[];
  /** Who raised records on the requesters' behalf (the desk). */
  deskAgentId: string;
  /** Records to write; the default is about 17 a day. */
  records?: number;
  days?: number;
  seed?: number;
};

type Agreement = {
  id: string;
  kind: 'sla' | 'ola';
  service_id: string | null;
  group_id: string | null;
  customer_id: string | null;
  calendar_id: string;
  targets: { priority: number; responseMinutes: number; resolutionMinutes: number }[];
};

const HOUR = 3600;
const ROUND_THE_CLOCK = compileCalendar({
  timeZone: 'UTC',
  intervals: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
});
/** Share of records raised in each UTC hour of a weekday: office hours, peaks mid-morning and after lunch. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 10, 16, 18, 16, 12, 10, 14, 15, 13, 10, 6, 4, 3, 2, 2, 1, 1];
const PRIORITY_WEIGHTS = [3, 12, 45, 30, 10];

/** How often each score 1–5 is given: on time, and late or reopened. */
const SCORE_WEIGHTS = { good: [3, 4, 10, 33, 50], poor: [14, 18, 24, 28, 16] } as const;
const FLUSH_EVERY = 20_000;
const CSAT_COMMENTS: Record<number, readonly string[]> = {
  1: [
    'Nobody told me it was fixed; I found out by trying again.',
    'Took far too long and I had to chase twice.',
  ],
  2: ['Fixed in the end, but the updates were sparse.', 'I had to explain the problem three times.'],
  3: ['Fine, although it took a while.', 'Solved, but the workaround is clumsy.'],
  4: ['Quick and friendly, thanks.', 'Good job, the explanation helped.'],
  5: [
    'Excellent, fixed before I finished my coffee!',
    'Very helpful, thank you so much.',
    'Great service as always.',
  ],
};

type SurveyRow = typeof csatSurveys.$inferInsert;

function weighted(rand: () => number, weights: readonly number[]): number {
  let x = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

type ClockRow = typeof slaClocks.$inferInsert;

export async function seedReportHistory(
  ctx: AppContext,
  input: HistoryInput,
): Promise<{ records: number; clocks: number; surveys: number }> {
  const rand = seededRandom(input.seed ?? 7);
  // Surveys draw from their own sequence, so the records stay what they were without them.
  const csatRand = seededRandom((input.seed ?? 7) + 101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const days = input.days ?? 182;
  const total = input.records ?? days * 17;
  const now = ctx.clock.now().getTime();
  // History ends two days ago: everything in it is resolved; the recent days belong to live work.
  const end = now - 2 * DAY_MS;
  const begin = end - days * DAY_MS;

  const agreements = await queryRows<Agreement>(
    ctx.db,
    sql`select id, kind, service_id, group_id, customer_id, calendar_id, targets from agreements
      where status = 'agreed' and kind in ('sla', 'ola') order by name`,
  );
  const calendars = new Map<string, CompiledCalendar>(
    (
      await queryRows<{ id: string; time_zone: string; intervals: WeeklyInterval[]; holidays: Holiday[] }>(
        ctx.db,
        sql`select id, time_zone, intervals, holidays from business_calendars`,
      )
    ).map((c) => [
      c.id,
      compileCalendar({ timeZone: c.time_zone, intervals: c.intervals, holidays: c.holidays }),
    ]),
  );
  const services = await queryRows<{ id: string }>(
    ctx.db,
    sql`select s.ci_id as id from services s join cis c on c.id = s.ci_id where c.status <> 'retired' order by c.name`,
  );
  const slaByService = new Map(
    agreements.filter((a) => a.kind === 'sla' && a.service_id).map((a) => [a.service_id!, a]),
  );
  const olaByGroup = new Map(
    agreements.filter((a) => a.kind === 'ola' && a.group_id).map((a) => [a.group_id!, a]),
  );
  const covered = [...slaByService.keys()];
  const numbers = await queryRows<{ n: number }>(
    ctx.db,
    sql`select nextval('record_number_inc') as n from generate_series(1, ${total})`,
  );

  let recordRows: (typeof records.$inferInsert)[] = [];
  let clockRows: ClockRow[] = [];
  let pauseRows: (typeof slaPauses.$inferInsert)[] = [];
  let historyRows: (typeof recordHistory.$inferInsert)[] = [];
  let surveyRows: SurveyRow[] = [];
  const made = { records: 0, clocks: 0, surveys: 0 };

  // Written in slices of FLUSH_EVERY records, so a large history does not sit in memory at once.
  const flush = async (tx: Db) => {
    await insertInSlices(tx, records, recordRows);
    await insertInSlices(tx, slaClocks, clockRows);
    await insertInSlices(tx, slaPauses, pauseRows);
    await insertInSlices(tx, recordHistory, historyRows);
    await insertInSlices(tx, csatSurveys, surveyRows);
    await refreshClockDurations(
      tx,
      recordRows.map((r) => r.id!),
    );
    made.records += recordRows.length;
    made.clocks += clockRows.length;
    made.surveys += surveyRows.length;
    recordRows = [];
    clockRows = [];
    pauseRows = [];
    historyRows = [];
    surveyRows = [];
  };

  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < total; i++) {
      if (recordRows.length >= FLUSH_EVERY) await flush(tx);
      // The day, fewer at weekends, then the hour.
      let dayStart: number;
      do dayStart = begin + Math.floor(rand() * days) * DAY_MS;
      while ([0, 6].includes(new Date(dayStart).getUTCDay()) && rand() < 0.75);
      const created = new Date(
        dayStart -
          (dayStart % DAY_MS) +
          weighted(rand, HOUR_WEIGHTS) * HOUR * 1000 +
          Math.floor(rand() * HOUR * 1000),
      );
      const tpl = pick(DEMO_INCIDENTS);
      const groupId = input.groups.get(tpl.group) ?? null;
      const members = input.groupMembers.get(tpl.group) ?? [];
      const assigneeId = members.length ? pick(members) : null;
      const priority = weighted(rand, PRIORITY_WEIGHTS) + 1;
      const serviceId =
        covered.length && rand() < 0.55
          ? pick(covered)
          : services.length && rand() < 0.7
            ? pick(services).id
            : null;
      const sla = serviceId ? slaByService.get(serviceId) : undefined;
      const ola = groupId ? olaByGroup.get(groupId) : undefined;
      const cal = sla ? calendars.get(sla.calendar_id)! : ROUND_THE_CLOCK;
      const target = sla?.targets.find((t) => t.priority === priority);
      const responseTarget = (target?.responseMinutes ?? 60) * 60;
      const resolutionTarget = (target?.resolutionMinutes ?? 16 * 60) * 60;
      // Most are on time; the tail runs late (about one in eight resolutions breaches).
      const resolveWork = Math.max(600, resolutionTarget * (0.08 + rand() ** 1.6 * 1.25));
      const hold = rand() < 0.22;
      const responseWork = Math.min(
        responseTarget * (0.05 + rand() ** 2 * 1.3),
        resolveWork * (hold ? 0.35 : 0.9),
      );
      const acknowledged = addWorkingTime(created, responseWork, cal);
      const pauses: (Pause & { reason: 'paused_state' | 'resolved' })[] = [];
      let resolved: Date;
      if (hold) {
        const holdStart = addWorkingTime(created, resolveWork * 0.4, cal);
        const holdEnd = new Date(holdStart.getTime() + (2 + rand() * 40) * HOUR * 1000);
        pauses.push({ start: holdStart, end: holdEnd, reason: 'paused_state' });
        resolved = addWorkingTime(holdEnd, resolveWork * 0.6, cal);
      } else resolved = addWorkingTime(created, resolveWork, cal);
      let reopenCount = 0;
      if (rand() < 0.06) {
        const reopened = new Date(resolved.getTime() + (3 + rand() * 27) * HOUR * 1000);
        pauses.push({ start: resolved, end: reopened, reason: 'resolved' });
        resolved = addWorkingTime(reopened, resolveWork * 0.3, cal);
        reopenCount = 1;
      }
      const closedAt = resolved.getTime() + (1 + rand() * 3) * DAY_MS;
      const closed = closedAt < now ? new Date(closedAt) : null;
      const id = randomUUID();
      const requesterId = pick(input.requesters);
      recordRows.push({
        id,
        type: 'incident',
        number: `INC${String(numbers[i]!.n).padStart(7, '0')}`,
        title: tpl.title,
        description: tpl.description,
        state: closed ? 'closed' : 'resolved',
        impact: Math.min(3, Math.ceil(priority / 2)),
        urgency: Math.min(3, Math.ceil(priority / 2)),
        priority,
        category: tpl.category,
        subcategory: tpl.subcategory,
        channel: pick(['portal', 'email', 'phone', 'chat'] as const),
        requesterId,
        assigneeId,
        groupId,
        serviceId,
        resolutionCode: pick(['solved_permanently', 'solved_permanently', 'solved_workaround', 'user_error']),
        resolutionNotes: tpl.resolution,
        resolvedAt: resolved,
        closedAt: closed,
        reopenCount,
        createdBy: rand() < 0.45 ? input.deskAgentId : requesterId,
        createdAt: created,
        updatedAt: closed ?? resolved,
        version: closed ? 5 : 4,
      });
      // One group change in ten: first-contact resolution misses those.
      if (groupId && rand() < 0.1)
        historyRows.push({
          recordId: id,
          at: acknowledged,
          field: 'groupId',
          oldValue: input.groups.get('desk') ?? null,
          newValue: groupId,
        });
      for (const p of pauses)
        pauseRows.push({ recordId: id, startedAt: p.start, endedAt: p.end, reason: p.reason });
      const clock = (a: Agreement, metric: 'response' | 'resolution', stoppedAt: Date): ClockRow => {
        const t = a.targets.find((x) => x.priority === priority)!;
        const seconds = (metric === 'response' ? t.responseMinutes : t.resolutionMinutes) * 60;
        const facts = {
          state: 'met' as const,
          startedAt: created,
          stoppedAt,
          targetSeconds: seconds,
          targetVersion: 1,
        };
        return {
          recordId: id,
          agreementId: a.id,
          kind: a.kind,
          metric,
          groupId: a.kind === 'ola' ? groupId : null,
          customerId: a.customer_id,
          calendarId: a.calendar_id,
          priority,
          targetSeconds: seconds,
          startedAt: created,
          selectedAt: created,
          state: 'met',
          stoppedAt,
          stopReason: metric === 'resolution' ? 'resolved' : a.kind === 'ola' ? 'assigned' : 'responded',
          dueAt: computeDueAt(created, seconds, calendars.get(a.calendar_id)!, clockPauses(facts, pauses)),
          nextCheckAt: null,
        };
      };
      for (const a of [sla, ola]) {
        if (!a?.targets.some((t) => t.priority === priority)) continue;
        clockRows.push(clock(a, 'response', acknowledged), clock(a, 'resolution', resolved));
      }
      const survey = surveyOf(csatRand, {
        recordId: id,
        requesterId,
        resolved,
        now,
        poor: reopenCount > 0 || resolveWork > resolutionTarget,
      });
      surveyRows.push(survey);
      historyRows.push({ recordId: id, at: resolved, field: 'csat.sent', oldValue: null, newValue: 'sent' });
      if (survey.answeredAt) {
        const answer = { recordId: id, actorId: requesterId, at: survey.answeredAt, oldValue: null };
        historyRows.push({ ...answer, field: 'csat', newValue: String(survey.score) });
        if (survey.comment) historyRows.push({ ...answer, field: 'csat.comment', newValue: survey.comment });
      }
    }

    await flush(tx);
  });
  return made;
}

/** Insert rows 500 to a statement, so no statement passes the limit on its parameters. */
async function insertInSlices<T extends PgTable>(tx: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500));
}

/** The survey a resolution sent: answered by about three in ten, within a few days, or left to expire. */
function surveyOf(
  rand: () => number,
  r: { recordId: string; requesterId: string; resolved: Date; now: number; poor: boolean },
): SurveyRow {
  const base: SurveyRow = {
    recordId: r.recordId,
    requesterId: r.requesterId,
    // Nobody holds the token of a demo survey: the hash of a random value.
    tokenHash: tokenHash(randomUUID()),
    resolvedAt: r.resolved,
    createdAt: r.resolved,
    expiresAt: expiryOf(r.resolved, DEFAULT_EXPIRY_DAYS),
  };
  const answers = rand() < DEMO_RESPONSE_RATE;
  const answer = demoSurveyAnswer(rand, r.poor);
  if (!answers || answer.answeredAt(r.resolved).getTime() >= r.now) return base;
  return {
    ...base,
    score: answer.score,
    comment: answer.comment ?? null,
    answeredAt: answer.answeredAt(r.resolved),
    answeredVia: rand() < 0.7 ? 'link' : 'portal',
  };
}

/** Share of the demo's surveys that are answered. */
export const DEMO_RESPONSE_RATE = 0.3;

/**
 * A demo answer: a score drawn from a realistic distribution (worse when the record breached or
 * was reopened), a comment on about half of them and on every low score, and how long after the
 * resolution it came (mostly within hours, a few after days).
 */
export function demoSurveyAnswer(
  rand: () => number,
  poor: boolean,
): { score: number; comment?: string; answeredAt: (resolved: Date) => Date } {
  const delay = (0.2 + rand() ** 3 * 96) * HOUR * 1000;
  const score = weighted(rand, poor ? SCORE_WEIGHTS.poor : SCORE_WEIGHTS.good) + 1;
  const withComment = rand() < 0.45;
  const comments = CSAT_COMMENTS[score]!;
  const comment = comments[Math.floor(rand() * comments.length)]!;
  return {
    score,
    ...(withComment || score <= 2 ? { comment } : {}),
    answeredAt: (resolved) => new Date(resolved.getTime() + delay),
  };
}
