/**
 * Maintenance and freeze windows: who may see and change them, their validation, and loading
 * the windows that concern a range, some CIs or some services.
 */
import { and, asc, eq, gt, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  WindowInput,
  WindowListQuery,
  WindowPatch,
  WindowView,
} from '../../contracts/change-schedule.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor, type PageRequest } from '../../db/cursor.ts';
import { containing } from '../../db/like.ts';
import { namesById } from '../../db/names.ts';
import { rowById } from '../../db/rows.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import {
  lastEnd,
  type ScheduleWindow,
  validateWindow,
  type WindowKind,
} from '../../domain/changes/windows.ts';
import { type Actor, actingUserId, can, systemOrCan } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { cis } from '../cmdb/index.ts';
import { changeWindows } from './schema.ts';

type WindowRow = typeof changeWindows.$inferSelect;

export function assertCanReadSchedule(actor: Actor): void {
  if (!can(actor, 'change_schedule.read')) throw forbidden('You may not see the change schedule.');
}

function assertCanManage(actor: Actor | 'system'): void {
  if (!systemOrCan(actor, 'change_schedule.manage'))
    throw forbidden('Only administrators, service managers and change managers may change windows.');
}

export const toScheduleWindow = (r: WindowRow): ScheduleWindow => ({
  id: r.id,
  kind: r.kind as WindowKind,
  name: r.name,
  ciId: r.ciId,
  serviceId: r.serviceId,
  timeZone: r.timeZone,
  start: r.startsAt,
  end: r.endsAt,
  rrule: r.rrule,
});

async function present(db: Db, rows: WindowRow[]): Promise<WindowView[]> {
  const names = await namesById(
    db,
    cis,
    rows.flatMap((r) => [r.ciId, r.serviceId]),
  );
  const ref = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? id });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as WindowKind,
    name: r.name,
    description: r.description,
    ci: ref(r.ciId),
    service: ref(r.serviceId),
    timeZone: r.timeZone,
    start: r.startsAt.toISOString(),
    end: r.endsAt.toISOString(),
    rrule: r.rrule,
    activeUntil: r.activeUntil?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

/** A window as written: its rules' fields (no id yet) and a description. */
type Definition = Omit<ScheduleWindow, 'id'> & { description: string };

/** Checks the definition, the CI and the service; the row's values. */
async function validated(db: Db, d: Definition) {
  const issues = validateWindow(d);
  const ids = [d.ciId, d.serviceId].filter((x): x is string => x !== null);
  if (ids.length > 0) {
    const rows = await db
      .select({ id: cis.id, classKey: cis.classKey })
      .from(cis)
      .where(inArray(cis.id, ids));
    if (d.ciId && !rows.some((r) => r.id === d.ciId))
      issues.push({ field: 'ciId', message: 'no CI with this id' });
    if (d.serviceId && !rows.some((r) => r.id === d.serviceId))
      issues.push({ field: 'serviceId', message: 'no service with this id' });
  }
  if (issues.length > 0)
    throw invalid(issues, `The window is not valid: ${issues.map((i) => i.message).join('; ')}.`);
  const rrule = d.rrule === null ? null : d.rrule.replace(/^RRULE:/i, '').toUpperCase();
  const w = { ...d, id: '', rrule };
  return {
    kind: d.kind,
    name: d.name,
    description: d.description,
    ciId: d.ciId,
    serviceId: d.serviceId,
    timeZone: d.timeZone,
    startsAt: d.start,
    endsAt: d.end,
    rrule,
    activeUntil: lastEnd(w),
  };
}

const emptyToNull = (s: string | null | undefined) =>
  s === undefined || s === null || s.trim() === '' ? null : s;

export async function createWindow(
  ctx: AppContext,
  actor: Actor | 'system',
  input: WindowInput,
): Promise<WindowView> {
  assertCanManage(actor);
  const values = await validated(ctx.db, {
    kind: input.kind,
    name: input.name.trim(),
    description: input.description ?? '',
    ciId: input.ciId ?? null,
    serviceId: input.serviceId ?? null,
    timeZone: input.timeZone,
    start: new Date(input.start),
    end: new Date(input.end),
    rrule: emptyToNull(input.rrule),
  });
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(changeWindows)
    .values({
      ...values,
      createdBy: actingUserId(actor),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return (await present(ctx.db, [row!]))[0]!;
}

export async function getWindow(ctx: AppContext, actor: Actor, id: string): Promise<WindowView> {
  if (!can(actor, 'change_schedule.read')) throw notFound('Window', id);
  const row = await rowById(ctx.db, changeWindows, id, 'Window');
  return (await present(ctx.db, [row]))[0]!;
}

export async function updateWindow(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: WindowPatch,
  expectedVersion: number | undefined,
): Promise<WindowView> {
  assertCanManage(actor);
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await lockWindow(tx, id, expectedVersion);
    const values = await validated(tx, {
      kind: patch.kind ?? (cur.kind as WindowKind),
      name: patch.name?.trim() ?? cur.name,
      description: patch.description ?? cur.description,
      ciId: patch.ciId !== undefined ? patch.ciId : cur.ciId,
      serviceId: patch.serviceId !== undefined ? patch.serviceId : cur.serviceId,
      timeZone: patch.timeZone ?? cur.timeZone,
      start: patch.start ? new Date(patch.start) : cur.startsAt,
      end: patch.end ? new Date(patch.end) : cur.endsAt,
      rrule: patch.rrule !== undefined ? emptyToNull(patch.rrule) : cur.rrule,
    });
    return writeNextVersion(tx, changeWindows, cur, values, ctx.clock.now());
  });
  return (await present(ctx.db, [row]))[0]!;
}

/** The window locked for a write at the version the writer read (412 otherwise). */
async function lockWindow(tx: Db, id: string, expectedVersion: number | undefined): Promise<WindowRow> {
  const cur = await lockAtVersion(
    tx,
    changeWindows,
    id,
    'Window',
    expectedVersion,
    (r) => `Window “${r.name}”`,
  );
  return cur;
}

export async function deleteWindow(ctx: AppContext, actor: Actor, id: string, expected: number | undefined) {
  assertCanManage(actor);
  await ctx.db.transaction(async (tx) => {
    await lockWindow(tx, id, expected);
    await tx.delete(changeWindows).where(eq(changeWindows.id, id));
  });
}

/** Windows by start, then id (keyset). */
export async function listWindows(
  ctx: AppContext,
  actor: Actor,
  query: PageRequest & { kind?: WindowKind | undefined; q?: string | undefined },
): Promise<{ items: WindowView[]; nextCursor: string | null }> {
  assertCanReadSchedule(actor);
  const where: (SQL | undefined)[] = [];
  if (query.kind) where.push(eq(changeWindows.kind, query.kind));
  if (query.q?.trim()) where.push(ilike(changeWindows.name, containing(query.q.trim())));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string];
    where.push(sql`(${changeWindows.startsAt}, ${changeWindows.id}) > (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(changeWindows)
    .where(and(...where))
    .orderBy(asc(changeWindows.startsAt), asc(changeWindows.id))
    .limit(query.limit + 1);
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await present(ctx.db, page),
    nextCursor: more && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
  };
}
export type { WindowListQuery };

/**
 * The windows that can have occurrences in [from, to): every freeze (few; the caller decides
 * which services concern it) and, with `subjects`, only the maintenance windows of those CIs or
 * services. `subjects` undefined: all windows.
 */
export async function loadWindows(
  db: Db,
  range: { from: Date; to: Date },
  subjects?: { ciIds: string[]; serviceIds: string[] },
): Promise<ScheduleWindow[]> {
  const inRange = and(
    lt(changeWindows.startsAt, range.to),
    or(isNull(changeWindows.activeUntil), gt(changeWindows.activeUntil, range.from)),
  );
  let concern: SQL | undefined;
  if (subjects) {
    const ids = [...new Set([...subjects.ciIds, ...subjects.serviceIds])];
    concern = or(
      eq(changeWindows.kind, 'freeze'),
      ids.length > 0
        ? and(
            eq(changeWindows.kind, 'maintenance'),
            or(inArray(changeWindows.ciId, ids), inArray(changeWindows.serviceId, ids)),
          )
        : undefined,
    );
  }
  const rows = await db
    .select()
    .from(changeWindows)
    .where(and(inRange, concern))
    .orderBy(asc(changeWindows.startsAt), asc(changeWindows.id));
  return rows.map(toScheduleWindow);
}
