/**
 * Computes the status page: each published service's status derived from open major incidents
 * (on the service or on what it depends on, through the CMDB graph), from status sources and
 * from overrides; records status periods as statuses change (for uptime and history); and
 * assembles the public answer. Runs on a cache miss and once a minute, never per request.
 */
import { and, asc, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { PublicEvent, PublicStatus, PublicUpdate } from '../../contracts/status-page.ts';
import {
  type Derived,
  deriveStatus,
  type Override,
  overallStatus,
  type ServiceStatus,
  STATUS_LABELS,
  type StatusCause,
} from '../../domain/status/derive.ts';
import { dailyBars, uptime } from '../../domain/status/uptime.ts';
import { addDays, DAY_MS } from '../../shared/time.ts';
import { recordCis, servicesOfCis } from '../cmdb/index.ts';
import { activeMajorIncidents } from '../incidents/index.ts';
import { statusPageServices, statusPeriods, statusUpdates } from './schema.ts';
import { readStatusSettings } from './settings.ts';
import { statusSources } from './sources.ts';

export const HISTORY_DAYS = 90;
/** How far ahead planned maintenance is listed. */
const PLANNED_DAYS = 30;

export type ServiceState = {
  serviceId: string;
  displayName: string;
  description: string;
  derived: Derived;
  override: { status: ServiceStatus; note: string | null; at: Date } | null;
};

type SourceEvent = PublicEvent & { causeStatus: ServiceStatus };

/** Every published service's derived status, the events behind them and planned maintenance. */
export async function deriveAll(ctx: AppContext) {
  const now = ctx.clock.now();
  const published = await ctx.db
    .select()
    .from(statusPageServices)
    .orderBy(asc(statusPageServices.position), asc(statusPageServices.displayName));
  const ids = new Set(published.map((p) => p.serviceId));
  const causes = new Map<string, StatusCause[]>(published.map((p) => [p.serviceId, []]));
  const addCause = (serviceId: string, c: StatusCause) => causes.get(serviceId)?.push(c);

  // Major incidents: roots are the incident's service and its CIs; the walk reaches dependants.
  const majors = await activeMajorIncidents(ctx.db);
  const ciRows = majors.length
    ? await ctx.db
        .select({ recordId: recordCis.recordId, ciId: recordCis.ciId })
        .from(recordCis)
        .where(
          inArray(
            recordCis.recordId,
            majors.map((m) => m.recordId),
          ),
        )
    : [];
  const events: SourceEvent[] = [];
  const majorServices = new Map<string, string[]>();
  for (const m of majors) {
    const roots = [
      ...(m.serviceId ? [m.serviceId] : []),
      ...ciRows.filter((r) => r.recordId === m.recordId).map((r) => r.ciId),
    ];
    const reached = await servicesOfCis(ctx, roots, 500);
    const hit: string[] = [];
    let worstHere: ServiceStatus = 'operational';
    for (const s of reached.services) {
      if (!ids.has(s.id)) continue;
      hit.push(s.id);
      addCause(s.id, { kind: 'major_incident', id: m.recordId, title: m.number, depth: s.depth });
      if (s.depth === 0) worstHere = 'major_outage';
      else if (worstHere !== 'major_outage') worstHere = 'partial_outage';
    }
    if (hit.length === 0) continue;
    majorServices.set(m.recordId, hit);
    events.push({
      key: m.number,
      kind: 'incident',
      title: '',
      status: worstHere,
      causeStatus: worstHere,
      serviceIds: hit,
      startedAt: m.declaredAt.toISOString(),
      endsAt: null,
      updates: [],
    });
  }
  const majorIds = [...majorServices.keys()];

  // Status sources: items running now become causes; items ahead are planned maintenance.
  const planned: SourceEvent[] = [];
  const horizon = addDays(now, PLANNED_DAYS);
  for (const source of statusSources()) {
    let items: Awaited<ReturnType<typeof source.items>>;
    try {
      items = await source.items(ctx, { from: now, to: horizon });
    } catch (err) {
      ctx.log.warn({ err, source: source.key }, 'status source failed; its items are left out');
      continue;
    }
    for (const item of items) {
      const roots = [...(item.serviceIds ?? []), ...(item.ciIds ?? [])];
      const reached = (await servicesOfCis(ctx, roots, 500)).services.filter((s) => ids.has(s.id));
      if (reached.length === 0) continue;
      const impact = item.impact ?? 'under_maintenance';
      const cause: StatusCause = {
        kind: 'source',
        id: `${source.key}:${item.id}`,
        title: item.title,
        impact,
        start: item.start,
        end: item.end,
      };
      for (const s of reached) addCause(s.id, cause);
      if (item.end && item.end.getTime() <= now.getTime()) continue;
      const running = item.start.getTime() <= now.getTime();
      (running ? events : planned).push({
        key: cause.id,
        kind: 'maintenance',
        title: item.title,
        status: running ? impact : 'under_maintenance',
        causeStatus: impact,
        serviceIds: reached.map((s) => s.id),
        startedAt: item.start.toISOString(),
        endsAt: item.end?.toISOString() ?? null,
        updates: [],
      });
    }
  }
  planned.sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));

  const states: ServiceState[] = published.map((p) => {
    const override: Override = p.overrideStatus
      ? { status: p.overrideStatus as ServiceStatus, note: p.overrideNote }
      : null;
    return {
      serviceId: p.serviceId,
      displayName: p.displayName,
      description: p.description,
      derived: deriveStatus(causes.get(p.serviceId) ?? [], override, now),
      override: override ? { ...override, at: p.overrideAt ?? p.updatedAt } : null,
    };
  });
  return { now, states, events, planned, majorIds, version: published.map((p) => p.version) };
}

const toUpdate = (u: typeof statusUpdates.$inferSelect): PublicUpdate => ({
  id: u.id,
  phase: u.phase as PublicUpdate['phase'],
  title: u.title,
  message: u.message,
  at: u.at.toISOString(),
});

/** A status change of one service, for subscribers. */
export type StatusChange = {
  serviceId: string;
  name: string;
  from: ServiceStatus | null;
  to: ServiceStatus;
  cause: string;
};

/**
 * Record the statuses as periods: close a service's open period when its status differs and
 * open one with the new status. The open-period index keeps instances recording together from
 * writing two; only the instance whose write took reports the change.
 */
export async function recordPeriods(
  ctx: AppContext,
  states: ServiceState[],
  causeText: (s: ServiceState) => string,
): Promise<StatusChange[]> {
  if (states.length === 0) return [];
  const now = ctx.clock.now();
  const open = await ctx.db
    .select()
    .from(statusPeriods)
    .where(
      and(
        isNull(statusPeriods.endedAt),
        inArray(
          statusPeriods.serviceId,
          states.map((s) => s.serviceId),
        ),
      ),
    );
  const openBy = new Map(open.map((p) => [p.serviceId, p]));
  const changes: StatusChange[] = [];
  for (const s of states) {
    const cur = openBy.get(s.serviceId);
    if (cur?.status === s.derived.status) continue;
    const took = await ctx.db.transaction(async (tx) => {
      if (cur) {
        const closed = await tx
          .update(statusPeriods)
          .set({ endedAt: now })
          .where(and(eq(statusPeriods.id, cur.id), isNull(statusPeriods.endedAt)))
          .returning({ id: statusPeriods.id });
        if (closed.length === 0) return false;
      }
      const inserted = await tx
        .insert(statusPeriods)
        .values({
          serviceId: s.serviceId,
          status: s.derived.status,
          cause: causeText(s),
          recordIds: s.derived.causes.flatMap((c) => (c.kind === 'major_incident' ? [c.id] : [])),
          startedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: statusPeriods.id });
      return inserted.length > 0;
    });
    if (took)
      changes.push({
        serviceId: s.serviceId,
        name: s.displayName,
        from: (cur?.status as ServiceStatus | undefined) ?? null,
        to: s.derived.status,
        cause: causeText(s),
      });
  }
  return changes;
}

/** The public text of a service's causes: update titles of incidents, source item titles, the override note. */
function publicCause(s: ServiceState, titles: Map<string, string>): string {
  if (s.derived.status === 'operational') return '';
  const parts = s.derived.causes.map((c) =>
    c.kind === 'major_incident' ? (titles.get(c.id) ?? 'Service disruption') : c.title,
  );
  if (s.override?.note) parts.push(s.override.note);
  return [...new Set(parts)].join('; ') || STATUS_LABELS[s.derived.status];
}

/** The latest public title per incident: the title of its newest status update. */
async function updateTitles(ctx: AppContext, recordIds: string[]) {
  if (recordIds.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .selectDistinctOn([statusUpdates.recordId], {
      recordId: statusUpdates.recordId,
      title: statusUpdates.title,
    })
    .from(statusUpdates)
    .where(inArray(statusUpdates.recordId, recordIds))
    .orderBy(statusUpdates.recordId, desc(statusUpdates.at));
  return new Map(rows.map((r) => [r.recordId!, r.title]));
}

/** Derive, record periods, and assemble what the public page shows. */
export async function computeStatusPage(
  ctx: AppContext,
): Promise<{ page: PublicStatus; changes: StatusChange[] }> {
  const settings = await readStatusSettings(ctx.db);
  const { now, states, events, planned, majorIds } = await deriveAll(ctx);
  const titles = await updateTitles(ctx, majorIds);
  const changes = await recordPeriods(ctx, states, (s) => publicCause(s, titles));
  const since = addDays(now, -HISTORY_DAYS);
  const serviceIds = states.map((s) => s.serviceId);
  const periods = serviceIds.length
    ? await ctx.db
        .select()
        .from(statusPeriods)
        .where(
          and(
            inArray(statusPeriods.serviceId, serviceIds),
            or(isNull(statusPeriods.endedAt), gte(statusPeriods.endedAt, since)),
          ),
        )
        .orderBy(asc(statusPeriods.startedAt))
    : [];
  const pastRecordIds = [...new Set(periods.flatMap((p) => p.recordIds))];
  const updates = await ctx.db
    .select()
    .from(statusUpdates)
    .where(
      and(
        gte(statusUpdates.at, since),
        or(
          isNull(statusUpdates.recordId),
          inArray(
            statusUpdates.recordId,
            [...new Set([...majorIds, ...pastRecordIds])].concat(['00000000-0000-0000-0000-000000000000']),
          ),
        ),
      ),
    )
    .orderBy(desc(statusUpdates.at))
    .limit(1000);
  const updatesOf = (recordIds: readonly string[]) =>
    updates.filter((u) => u.recordId && recordIds.includes(u.recordId)).map(toUpdate);

  const majorsByNumber = new Map<string, string>();
  for (const s of states)
    for (const c of s.derived.causes) if (c.kind === 'major_incident') majorsByNumber.set(c.title, c.id);
  const active: PublicEvent[] = events.map(({ causeStatus: _, ...e }) => {
    if (e.kind !== 'incident') return e;
    const recordId = majorsByNumber.get(e.key);
    const ups = recordId ? updatesOf([recordId]) : [];
    return { ...e, title: (recordId && titles.get(recordId)) || 'Service disruption', updates: ups };
  });
  // Notices: updates of their own that are not resolved, from the last day.
  const day = now.getTime() - DAY_MS;
  for (const u of updates) {
    if (u.recordId || u.phase === 'resolved' || u.at.getTime() < day) continue;
    active.push({
      key: u.id,
      kind: u.phase === 'maintenance' ? 'maintenance' : 'notice',
      title: u.title,
      status: 'operational',
      serviceIds: u.serviceIds,
      startedAt: u.at.toISOString(),
      endsAt: null,
      updates: [toUpdate(u)],
    });
  }

  const names = new Map(states.map((s) => [s.serviceId, s.displayName]));
  const history = periods
    .filter((p) => p.endedAt && p.status !== 'operational')
    .reverse()
    .slice(0, 200)
    .map((p) => {
      const ups = updatesOf(p.recordIds);
      return {
        id: p.id,
        serviceId: p.serviceId,
        serviceName: names.get(p.serviceId) ?? '',
        status: p.status as ServiceStatus,
        // The incident's latest public title when updates were written after the period began.
        cause: ups[0]?.title ?? p.cause,
        startedAt: p.startedAt.toISOString(),
        endedAt: p.endedAt!.toISOString(),
        updates: ups,
      };
    });

  const page: PublicStatus = {
    title: settings.value.title,
    status: overallStatus(states.map((s) => s.derived.status)),
    statusLabel: '',
    generatedAt: now.toISOString(),
    services: states.map((s) => {
      const mine = periods
        .filter((p) => p.serviceId === s.serviceId)
        .map((p) => ({ status: p.status as ServiceStatus, start: p.startedAt, end: p.endedAt }));
      const u = uptime(mine, since, now);
      return {
        id: s.serviceId,
        name: s.displayName,
        description: s.description,
        status: s.derived.status,
        statusLabel: STATUS_LABELS[s.derived.status],
        note: s.override?.note ?? null,
        uptime90: u.percent === null ? null : Math.round(u.percent * 1000) / 1000,
        days: dailyBars(mine, now, HISTORY_DAYS).map((b) => ({
          ...b,
          uptime: b.uptime === null ? null : Math.round(b.uptime * 100) / 100,
        })),
      };
    }),
    active,
    planned: planned.map(({ causeStatus: _, ...e }) => e),
    history,
  };
  page.statusLabel = page.status === 'operational' ? 'All systems operational' : STATUS_LABELS[page.status];
  return { page, changes };
}
