/**
 * A record's SLA as the API shows it: each clock measured live against the current instant
 * (elapsed and remaining working time, due instant, breach), and the timeline explaining every
 * start, pause, resume, target change, warning and breach. Requesters see their customer SLA
 * only; OLAs, underpinning contracts and supplier events are internal.
 */

import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { TimelineEntry as CTimelineEntry } from '../../contracts/service-levels.ts';
import { type Actor, can } from '../../domain/roles.ts';
import type { AgreementKind, Metric } from '../../domain/sla/agreement.ts';
import { clockFacts, pausesOf } from '../../domain/sla/clock-book.ts';
import { alertPercents, type ClockState, measureClock } from '../../domain/sla/clock-state.ts';
import { distinctIds } from '../../shared/defined.ts';
import { loadRecord } from '../records/index.ts';
import { loadCalendars } from './calendars.ts';
import { slaAlerts, slaClocks, slaEvents, slaPauses, supplierEngagements } from './clock-schema.ts';
import type { ClockRow } from './clock-store.ts';
import { lookUpNames, type Names } from './names.ts';
import { agreements } from './schema.ts';
import { describeEvent } from './timeline-text.ts';

type AgreementRef = {
  id: string;
  name: string;
  kind: string;
  versionNumber: number;
  warningThresholds: number[];
};

function partyOf(c: ClockRow, names: Names, supplierOf: Map<string, string>) {
  if (c.kind === 'ola' && c.groupId) return { type: 'group' as const, ...names.group(c.groupId)! };
  if (c.kind === 'uc' && c.engagementId) {
    const supplier = names.organisation(supplierOf.get(c.engagementId) ?? null);
    return supplier ? { type: 'supplier' as const, ...supplier } : null;
  }
  if (c.kind === 'sla' && c.customerId)
    return { type: 'customer' as const, ...names.organisation(c.customerId)! };
  return null;
}

async function agreementRefs(ctx: AppContext, ids: string[]): Promise<Map<string, AgreementRef>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({
      id: agreements.id,
      name: agreements.name,
      kind: agreements.kind,
      versionNumber: agreements.versionNumber,
      warningThresholds: agreements.warningThresholds,
    })
    .from(agreements)
    .where(inArray(agreements.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getRecordSla(ctx: AppContext, actor: Actor, recordRef: string) {
  const { row } = await loadRecord(ctx, actor, recordRef);
  const internal = can(actor, 'sla.read_internal');
  const now = ctx.clock.now();
  const [clocks, pauses, alerts] = await Promise.all([
    ctx.db.select().from(slaClocks).where(eq(slaClocks.recordId, row.id)).orderBy(asc(slaClocks.createdAt)),
    ctx.db.select().from(slaPauses).where(eq(slaPauses.recordId, row.id)),
    ctx.db.select().from(slaAlerts).where(eq(slaAlerts.recordId, row.id)),
  ]);
  const visible = clocks.filter((c) => internal || c.kind === 'sla');
  const [calendars, refs, supplierOf] = await Promise.all([
    loadCalendars(
      ctx.db,
      visible.map((c) => c.calendarId),
    ),
    agreementRefs(
      ctx,
      visible.map((c) => c.agreementId),
    ),
    suppliersOfEngagements(
      ctx,
      visible.map((c) => c.engagementId),
    ),
  ]);
  const names = await lookUpNames(ctx.db, {
    groups: visible.map((c) => c.groupId),
    organisations: [...visible.map((c) => c.customerId), ...supplierOf.values()],
    calendars: visible.map((c) => c.calendarId),
  });
  const recordPauses = pausesOf(pauses);
  return {
    recordId: row.id,
    number: row.number,
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
    now: now.toISOString(),
    clocks: visible.map((c) => {
      const m = measureClock(clockFacts(c), calendars.get(c.calendarId)!, recordPauses, now);
      const agreement = refs.get(c.agreementId)!;
      const fired = alerts.filter((a) => a.clockId === c.id && a.targetVersion === c.targetVersion);
      return {
        id: c.id,
        kind: c.kind as AgreementKind,
        metric: c.metric as Metric,
        state: c.state as ClockState,
        stopReason: c.stopReason,
        agreement: { id: agreement.id, name: agreement.name, versionNumber: agreement.versionNumber },
        party: partyOf(c, names, supplierOf),
        calendar: names.calendar(c.calendarId)!,
        priority: c.priority,
        targetSeconds: c.targetSeconds,
        targetVersion: c.targetVersion,
        startedAt: c.startedAt.toISOString(),
        stoppedAt: c.stoppedAt?.toISOString() ?? null,
        dueAt: m.dueAt?.toISOString() ?? null,
        elapsedSeconds: Math.round(m.elapsedSeconds),
        remainingSeconds: Math.round(m.remainingSeconds),
        breached: m.breached,
        thresholds: alertPercents(agreement.warningThresholds).map((percent) => ({
          percent,
          firedAt: fired.find((a) => a.threshold === percent)?.reachedAt.toISOString() ?? null,
        })),
      };
    }),
  };
}

/** The supplier behind each engagement, to name the party of an underpinning-contract clock. */
async function suppliersOfEngagements(ctx: AppContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = distinctIds(ids);
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: supplierEngagements.id, supplierId: supplierEngagements.supplierId })
    .from(supplierEngagements)
    .where(inArray(supplierEngagements.id, wanted));
  return new Map(rows.map((r) => [r.id, r.supplierId]));
}

export type TimelineEntry = CTimelineEntry;

export async function getRecordSlaTimeline(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
): Promise<TimelineEntry[]> {
  const { row } = await loadRecord(ctx, actor, recordRef);
  const internal = can(actor, 'sla.read_internal');
  const rows = await ctx.db
    .select({
      id: slaEvents.id,
      at: slaEvents.at,
      kind: slaEvents.kind,
      clockId: slaEvents.clockId,
      actorId: slaEvents.actorId,
      cause: slaEvents.cause,
      details: slaEvents.details,
      clockKind: slaClocks.kind,
      metric: slaClocks.metric,
      agreementName: agreements.name,
      versionNumber: agreements.versionNumber,
    })
    .from(slaEvents)
    .leftJoin(slaClocks, eq(slaClocks.id, slaEvents.clockId))
    .leftJoin(agreements, eq(agreements.id, slaClocks.agreementId))
    .where(eq(slaEvents.recordId, row.id))
    .orderBy(asc(slaEvents.at), asc(slaEvents.id));
  const visible = rows.filter((r) => internal || r.clockKind === 'sla');
  const names = await lookUpNames(ctx.db, { users: visible.map((r) => r.actorId) });
  return visible.map((r) => {
    const clock =
      r.clockId && r.clockKind && r.metric
        ? {
            id: r.clockId,
            kind: r.clockKind,
            metric: r.metric,
            agreement: `${r.agreementName} v${r.versionNumber}`,
          }
        : null;
    return {
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      clock,
      actor: names.user(r.actorId),
      cause: r.cause,
      summary: describeEvent(r.kind, clock, r.details),
      details: r.details,
    };
  });
}
