/**
 * Scheduled reports: a report (a KPI table, SLA compliance, a service review) mailed daily,
 * weekly or monthly as PDF, CSV or XLSX to people and groups. A job every minute takes the due
 * schedules (locked, skipping any another instance holds), renders the period that has just
 * ended, and in one transaction hands the mail to the outbox, writes the delivery log row and
 * moves the schedule on. The delivery row's key (schedule, period) makes every run happen once,
 * however often the job repeats; a failure is logged and the next period runs as usual.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { DeliveryView, ScheduleInput, ScheduleView } from '../../contracts/reports.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { assertVersion, writeNextVersion } from '../../db/version.ts';
import { type Frequency, nextRun, reportedPeriod } from '../../domain/reports/schedule.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { isoDate } from '../../shared/time.ts';
import { groupMembers, groups, loadActor, users } from '../auth/index.ts';
import { queueMail } from '../mail/index.ts';
import { kpiDefinition } from './catalog.ts';
import { complianceTables, serviceReview, serviceReviewTables, slaComplianceReport } from './documents.ts';
import { CONTENT_TYPES, fileName, type Table, tablesFile } from './exports.ts';
import { renderServiceReviewPdf } from './pdf.ts';
import { reportDeliveries, reportSchedules } from './schema.ts';
import { kpiTable } from './service.ts';

export const SCHEDULE_QUEUE = 'reports.schedules';

type Row = typeof reportSchedules.$inferSelect;

function mayRead(actor: Actor) {
  if (!can(actor, 'report.read')) throw forbidden('Scheduled reports are for the IT organisation.');
}

function present(row: Row, ownerName: string): ScheduleView {
  return {
    id: row.id,
    name: row.name,
    report: row.report as ScheduleView['report'],
    params: Object.fromEntries(Object.entries(row.params).filter(([, v]) => typeof v === 'string')) as Record<
      string,
      string
    >,
    format: row.format as ScheduleView['format'],
    frequency: row.frequency as ScheduleView['frequency'],
    recipientUserIds: row.recipientUserIds,
    recipientGroupIds: row.recipientGroupIds,
    active: row.active,
    nextRunAt: row.nextRunAt.toISOString(),
    owner: { id: row.ownerId, name: ownerName },
    version: row.version,
  };
}

export async function listSchedules(ctx: AppContext, actor: Actor): Promise<ScheduleView[]> {
  mayRead(actor);
  const rows = await ctx.db
    .select({ s: reportSchedules, ownerName: users.name })
    .from(reportSchedules)
    .innerJoin(users, eq(users.id, reportSchedules.ownerId))
    .orderBy(reportSchedules.name, reportSchedules.id)
    .limit(500);
  return rows.map((r) => present(r.s, r.ownerName));
}

async function load(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select({ s: reportSchedules, ownerName: users.name })
    .from(reportSchedules)
    .innerJoin(users, eq(users.id, reportSchedules.ownerId))
    .where(eq(reportSchedules.id, id));
  if (!row) throw notFound('Scheduled report', id);
  return row;
}

function checkKpi(input: Pick<z.output<typeof ScheduleInput>, 'params'>) {
  if (input.params.kpi && !kpiDefinition(input.params.kpi))
    throw invalid([{ field: 'params.kpi', message: `no KPI "${input.params.kpi}"` }]);
}

export async function createSchedule(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof ScheduleInput>,
): Promise<ScheduleView> {
  if (!can(actor, 'report.schedule'))
    throw forbidden('Only service managers, process owners and administrators schedule reports.');
  checkKpi(input);
  const [row] = await ctx.db
    .insert(reportSchedules)
    .values({
      ...input,
      ownerId: actor.userId,
      createdBy: actor.userId,
      nextRunAt: nextRun(ctx.clock.now(), input.frequency),
    })
    .returning();
  return (await getSchedule(ctx, actor, row!.id)).view;
}

export async function getSchedule(ctx: AppContext, actor: Actor, id: string) {
  mayRead(actor);
  const r = await load(ctx, id);
  return { view: present(r.s, r.ownerName), row: r.s };
}

export async function updateSchedule(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.output<typeof ScheduleInput>,
  expected: number | undefined,
): Promise<ScheduleView> {
  if (!can(actor, 'report.schedule'))
    throw forbidden('Only service managers, process owners and administrators schedule reports.');
  checkKpi(input);
  const { row } = await getSchedule(ctx, actor, id);
  assertVersion({ version: row.version, number: `Scheduled report “${row.name}”` }, expected);
  await writeNextVersion(
    ctx.db,
    reportSchedules,
    row,
    {
      ...input,
      nextRunAt:
        input.frequency === row.frequency ? row.nextRunAt : nextRun(ctx.clock.now(), input.frequency),
    },
    ctx.clock.now(),
  );
  return (await getSchedule(ctx, actor, id)).view;
}

export async function deleteSchedule(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!can(actor, 'report.schedule'))
    throw forbidden('Only service managers, process owners and administrators schedule reports.');
  await getSchedule(ctx, actor, id);
  await ctx.db.delete(reportSchedules).where(eq(reportSchedules.id, id));
}

export async function listDeliveries(ctx: AppContext, actor: Actor, id: string): Promise<DeliveryView[]> {
  await getSchedule(ctx, actor, id);
  const rows = await queryRows<{
    id: string;
    period_from: Date | string;
    period_to: Date | string;
    ran_at: Date | string;
    status: 'queued' | 'failed';
    recipients: string[];
    filename: string | null;
    error: string | null;
    mail_status: string | null;
  }>(
    ctx.db,
    sql`select d.*, m.status as mail_status from report_deliveries d left join mail_outbox m on m.id = d.mail_id
      where d.schedule_id = ${id} order by d.ran_at desc, d.id desc limit 100`,
  );
  const iso = (v: Date | string) => new Date(v).toISOString();
  return rows.map((r) => ({
    id: r.id,
    periodFrom: iso(r.period_from),
    periodTo: iso(r.period_to),
    ranAt: iso(r.ran_at),
    status: r.status,
    recipients: r.recipients,
    filename: r.filename,
    error: r.error,
    mailStatus: r.mail_status,
  }));
}

/** The people a schedule mails: the named users, and each group's address or else its members. */
async function recipientsOf(ctx: AppContext, s: Row): Promise<string[]> {
  const out = new Set<string>();
  if (s.recipientUserIds.length)
    for (const u of await ctx.db
      .select({ email: users.email })
      .from(users)
      .where(and(inArray(users.id, s.recipientUserIds), eq(users.active, true))))
      out.add(u.email);
  if (s.recipientGroupIds.length) {
    const gs = await ctx.db
      .select({ id: groups.id, email: groups.email })
      .from(groups)
      .where(inArray(groups.id, s.recipientGroupIds));
    for (const g of gs) if (g.email) out.add(g.email);
    const withoutAddress = gs.filter((g) => !g.email).map((g) => g.id);
    if (withoutAddress.length)
      for (const m of await ctx.db
        .select({ email: users.email })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(and(inArray(groupMembers.groupId, withoutAddress), eq(users.active, true))))
        out.add(m.email);
  }
  return [...out].sort();
}

const REPORT_WORDS = {
  kpi_table: 'KPI report',
  sla_compliance: 'SLA compliance report',
  service_review: 'Service review',
};

/** Render the schedule's report for the period, as its owner would see it. */
async function render(ctx: AppContext, owner: Actor, s: Row, from: Date, to: Date) {
  const format = s.format as 'pdf' | 'csv' | 'xlsx';
  const label = `${s.name} ${isoDate(from)}`;
  let body: Buffer | string;
  let summary: string;
  if (s.report === 'service_review') {
    const review = await serviceReview(ctx, owner, s.params.serviceId!, { from, to });
    body =
      format === 'pdf'
        ? await renderServiceReviewPdf(review)
        : await tablesFile(serviceReviewTables(review), format);
    summary = `Availability ${review.availability.percent.toFixed(3)} %; ${review.breaches.length} breaches listed.`;
  } else {
    const tables: Table[] =
      s.report === 'sla_compliance'
        ? complianceTables(
            await slaComplianceReport(ctx, owner, { from, to, customerId: s.params.customerId }),
          )
        : [
            await kpiTable(ctx, owner, s.params.kpi!, {
              from,
              to,
              ...(s.params.customerId ? { customerId: s.params.customerId } : {}),
              ...(s.params.by ? { by: s.params.by as never } : {}),
            }),
          ];
    body = await tablesFile(tables, format === 'pdf' ? 'csv' : format);
    summary = tables.map((t) => `${t.title}: ${t.rows.length} rows`).join('; ');
  }
  return { body, summary, filename: fileName(label, format), contentType: CONTENT_TYPES[format] };
}

/** Run one schedule for one period: exactly once per (schedule, period). */
export async function runSchedule(ctx: AppContext, s: Row, runAt: Date): Promise<'sent' | 'failed' | 'done'> {
  const frequency = s.frequency as Frequency;
  const { from, to } = reportedPeriod(runAt, frequency);
  const [seen] = await ctx.db
    .select({ id: reportDeliveries.id })
    .from(reportDeliveries)
    .where(and(eq(reportDeliveries.scheduleId, s.id), eq(reportDeliveries.periodFrom, from)));
  const advance = { nextRunAt: nextRun(runAt, frequency) };
  if (seen) {
    await ctx.db.update(reportSchedules).set(advance).where(eq(reportSchedules.id, s.id));
    return 'done';
  }
  const recipients = await recipientsOf(ctx, s);
  /** Note the run of this period (once: a concurrent run's note wins) and move the schedule on. */
  const noteRun = async (
    db: Db,
    outcome: { status: 'queued'; mailId: string; filename: string } | { status: 'failed'; error: string },
  ) => {
    await db
      .insert(reportDeliveries)
      .values({
        scheduleId: s.id,
        periodFrom: from,
        periodTo: to,
        ranAt: ctx.clock.now(),
        recipients,
        ...outcome,
      })
      .onConflictDoNothing();
    await db.update(reportSchedules).set(advance).where(eq(reportSchedules.id, s.id));
  };
  try {
    if (recipients.length === 0)
      throw new Error('No recipient with an email address: the people and groups named have none.');
    const owner = await loadActor(ctx.db, s.ownerId, null);
    const file = await render(ctx, owner, s, from, to);
    const period = `${isoDate(from)} – ${isoDate(new Date(to.getTime() - 1))}`;
    await ctx.db.transaction(async (tx) => {
      const mail = await queueMail(ctx, tx, {
        purpose: 'report',
        to: recipients,
        subject: `${s.name}: ${REPORT_WORDS[s.report as keyof typeof REPORT_WORDS] ?? 'Report'} for ${period}`,
        text: `${s.name}\n${period}\n\n${file.summary}\n\nThe report is attached (${file.filename}).\n\nScheduled in Steward; change or stop it under Reporting → Scheduled reports.`,
        attachments: [{ filename: file.filename, contentType: file.contentType, content: file.body }],
      });
      await noteRun(tx, { status: 'queued', mailId: mail.id, filename: file.filename });
    });
    return 'sent';
  } catch (err) {
    await noteRun(ctx.db, { status: 'failed', error: err instanceof Error ? err.message : String(err) });
    ctx.log.warn({ err, scheduleId: s.id }, 'Scheduled report failed');
    return 'failed';
  }
}

/** Run every due schedule (the job's handler; safe to run on several instances at once). */
export async function runDueSchedules(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  let ran = 0;
  for (;;) {
    // Claim one due schedule at a time: a row lock that other instances skip.
    const claimed = await ctx.db.transaction(async (tx) => {
      const [s] = await tx
        .select()
        .from(reportSchedules)
        .where(and(eq(reportSchedules.active, true), lte(reportSchedules.nextRunAt, now)))
        .orderBy(reportSchedules.nextRunAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!s) return null;
      // Move it on before rendering, so a crash mid-run cannot make it spin; the delivery key
      // still runs the period exactly once when it is retried by hand.
      await tx
        .update(reportSchedules)
        .set({ nextRunAt: nextRun(s.nextRunAt, s.frequency as Frequency) })
        .where(eq(reportSchedules.id, s.id));
      return s;
    });
    if (!claimed) return ran;
    await runSchedule(ctx, claimed, claimed.nextRunAt);
    ran++;
  }
}

/** Send the report for the period that has just ended, now (the "Send now" button). */
export async function runScheduleNow(ctx: AppContext, actor: Actor, id: string): Promise<DeliveryView[]> {
  if (!can(actor, 'report.schedule'))
    throw forbidden('Only service managers, process owners and administrators schedule reports.');
  const { row } = await getSchedule(ctx, actor, id);
  const runAt = ctx.clock.now();
  const { from } = reportedPeriod(runAt, row.frequency as Frequency);
  await ctx.db
    .delete(reportDeliveries)
    .where(
      and(
        eq(reportDeliveries.scheduleId, id),
        eq(reportDeliveries.periodFrom, from),
        eq(reportDeliveries.status, 'failed'),
      ),
    );
  await runSchedule(ctx, { ...row, nextRunAt: row.nextRunAt }, runAt);
  // A manual run does not move the schedule's own next run.
  await ctx.db.update(reportSchedules).set({ nextRunAt: row.nextRunAt }).where(eq(reportSchedules.id, id));
  return listDeliveries(ctx, actor, id);
}
