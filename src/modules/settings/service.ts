/**
 * Process settings kept as data: each process's priority matrix and lifecycle. Reads fall back
 * to the shipped defaults until an admin or process owner saves a change.
 */
import { eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { PROCESS_KEY_LIST, type ProcessKey } from '../../contracts/record-types.ts';
import { type ConfigCache, configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import {
  DEFAULT_INCIDENT_LIFECYCLE,
  DEFAULT_REQUEST_LIFECYCLE,
  DEFAULT_REQUEST_TASK_LIFECYCLE,
} from '../../domain/lifecycle/defaults.ts';
import { DEFAULT_IMPROVEMENT_LIFECYCLE } from '../../domain/lifecycle/defaults-improvement.ts';
import {
  DEFAULT_CHANGE_LIFECYCLE,
  DEFAULT_PROBLEM_LIFECYCLE,
} from '../../domain/lifecycle/defaults-problem-change.ts';
import { type Lifecycle, type LifecycleDraft, lifecycleProblems } from '../../domain/lifecycle/engine.ts';
import {
  DEFAULT_PRIORITY_MATRIX,
  type PriorityMatrix,
  validatePriorityMatrix,
} from '../../domain/priority.ts';
import { defaultRaci, type Raci, validateRaci } from '../../domain/process/raci.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, forbidden, invalid } from '../../errors.ts';
import { writeAudit } from '../audit/index.ts';
import { groups, users } from '../auth/index.ts';
import { processSettings } from './schema.ts';

/** Every process, built as a record type or not yet (see `src/contracts/record-types.ts`). */
export const PROCESSES = PROCESS_KEY_LIST;
export type { ProcessKey };

export const DEFAULT_LIFECYCLES: Record<ProcessKey, Lifecycle> = {
  incident: DEFAULT_INCIDENT_LIFECYCLE,
  problem: DEFAULT_PROBLEM_LIFECYCLE,
  change: DEFAULT_CHANGE_LIFECYCLE,
  request: DEFAULT_REQUEST_LIFECYCLE,
  request_task: DEFAULT_REQUEST_TASK_LIFECYCLE,
  improvement: DEFAULT_IMPROVEMENT_LIFECYCLE,
};

/** Cache key of a setting read on hot paths; every write drops it here and, by NOTIFY, elsewhere. */
const settingCacheKey = (key: string) => `settings:${key}`;

/** A stored setting and its version; undefined until someone saves one. */
export async function readSetting<T>(
  db: Db,
  key: string,
): Promise<{ value: T; version: number } | undefined> {
  const [row] = await db.select().from(processSettings).where(eq(processSettings.key, key));
  return row ? { value: row.value as T, version: row.version } : undefined;
}

/** A stored setting and its version, or `fallback` at version 0 until someone saves one. */
export async function readSettingOr<T>(
  db: Db,
  key: string,
  fallback: T,
): Promise<{ value: T; version: number }> {
  return (await readSetting<T>(db, key)) ?? { value: fallback, version: 0 };
}

/**
 * A stored settings document laid over its defaults (a field saved before the defaults gained
 * it keeps its default), and its version: 0 until someone saves one.
 */
export async function readSettingOver<T extends object>(
  db: Db,
  key: string,
  defaults: T,
): Promise<{ value: T; version: number }> {
  const stored = await readSetting<Partial<T>>(db, key);
  return { value: { ...defaults, ...stored?.value }, version: stored?.version ?? 0 };
}

/** Reading process settings takes the settings.read ability. */
export function assertMayReadSettings(actor: Actor): void {
  if (!can(actor, 'settings.read')) throw forbidden('You may not read process settings.');
}

/** Process settings are changed by administrators and process owners only. */
export function assertMayChangeSettings(actor: Actor, what: string): void {
  if (!can(actor, 'settings.manage'))
    throw forbidden(`Only administrators and process owners may change ${what}.`);
}

/** Refuse a setting with 422 listing its problems, each against `field`. */
function refuseProblems(field: string, problems: string[]): void {
  if (problems.length)
    throw new AppError(
      'validation.failed',
      problems.join(' '),
      problems.map((message) => ({ field, message })),
    );
}

/** Save a process's setting `<process>.<name>` and answer it with its new version. */
async function saveProcessSetting<T>(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  name: string,
  value: T,
  expectedVersion: number | undefined,
  ip: string | null,
): Promise<{ value: T; version: number }> {
  const version = await writeSetting(ctx, actor, `${process}.${name}`, value, expectedVersion, ip);
  return { value, version };
}

/** Save a setting (optimistic concurrency on its version) and audit the change; returns the new version. */
export async function writeSetting(
  ctx: AppContext,
  actor: Actor,
  key: string,
  value: unknown,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  const now = ctx.clock.now();
  const version = await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(processSettings).where(eq(processSettings.key, key)).for('update');
    const currentVersion = cur?.version ?? 0;
    assertVersion({ version: currentVersion, number: `Setting ${key}` }, expectedVersion);
    const version = currentVersion + 1;
    if (cur) {
      await tx
        .update(processSettings)
        .set({ value, version, updatedAt: now, updatedBy: actor.userId })
        .where(eq(processSettings.key, key));
    } else {
      await tx
        .insert(processSettings)
        .values({ key, value, version, updatedAt: now, updatedBy: actor.userId });
    }
    await configChanged(tx, ctx.configCache, settingCacheKey(key));
    await writeAudit(tx, now, {
      action: 'settings.changed',
      actorId: actor.userId,
      targetType: 'setting',
      targetId: key,
      ip,
    });
    return version;
  });
  return version;
}

/** Both settings a record operation needs, in one query. */
export async function getProcessSettings(
  db: Db,
  process: ProcessKey,
): Promise<{ lifecycle: Lifecycle; matrix: PriorityMatrix }> {
  const keys = [`${process}.lifecycle`, `${process}.priority_matrix`];
  const rows = await db
    .select({ key: processSettings.key, value: processSettings.value })
    .from(processSettings)
    .where(inArray(processSettings.key, keys));
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return {
    lifecycle: (byKey.get(keys[0]!) as Lifecycle | undefined) ?? DEFAULT_LIFECYCLES[process],
    matrix: (byKey.get(keys[1]!) as PriorityMatrix | undefined) ?? DEFAULT_PRIORITY_MATRIX,
  };
}

export async function getRaci(db: Db, process: ProcessKey): Promise<{ value: Raci; version: number }> {
  return readSettingOr(db, `${process}.raci`, defaultRaci(process));
}

export async function setRaci(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  raci: Raci,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertMayChangeSettings(actor, 'the RACI matrix');
  const problems = validateRaci(raci);
  const groupIds = [
    ...new Set(
      raci.activities
        .flatMap((a) => [...a.responsible, ...a.accountable, ...a.consulted, ...a.informed])
        .flatMap((r) => (r.kind === 'group' ? [r.groupId] : [])),
    ),
  ];
  if (groupIds.length) {
    const found = new Set(
      (await ctx.db.select({ id: groups.id }).from(groups).where(inArray(groups.id, groupIds))).map(
        (g) => g.id,
      ),
    );
    for (const id of groupIds) if (!found.has(id)) problems.push(`Group ${id} does not exist.`);
  }
  for (const [field, id] of [
    ['processOwnerId', raci.processOwnerId],
    ['processManagerId', raci.processManagerId],
  ] as const) {
    if (id && !(await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, id))).length)
      problems.push(`${field}: no user ${id}.`);
  }
  refuseProblems('raci', problems);
  return saveProcessSetting(ctx, actor, process, 'raci', raci, expectedVersion, ip);
}

/** Categories and their subcategories; an empty list means free text. */
export type Category = { name: string; subcategories: string[] };

export async function getCategories(
  db: Db,
  process: ProcessKey,
): Promise<{ value: Category[]; version: number }> {
  return readSettingOr<Category[]>(db, `${process}.categories`, []);
}

export async function setCategories(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  categories: Category[],
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertMayChangeSettings(actor, 'categories');
  const problems: string[] = [];
  const names = new Set<string>();
  for (const c of categories) {
    if (names.has(c.name.toLowerCase())) problems.push(`Category "${c.name}" is listed twice.`);
    names.add(c.name.toLowerCase());
    if (new Set(c.subcategories.map((x) => x.toLowerCase())).size !== c.subcategories.length)
      problems.push(`Category "${c.name}" lists a subcategory twice.`);
  }
  refuseProblems('categories', problems);
  return saveProcessSetting(ctx, actor, process, 'categories', categories, expectedVersion, ip);
}

/** Check a category/subcategory pair against the process's list (when it has one); returns the canonical spelling. */
export async function checkCategory(
  db: Db,
  process: ProcessKey,
  category: string | null | undefined,
  subcategory: string | null | undefined,
  cache?: ConfigCache,
) {
  if (category === undefined && subcategory === undefined) return { category, subcategory };
  const load = () => getCategories(db, process);
  const { value: list } = await (cache ? cache.get(settingCacheKey(`${process}.categories`), load) : load());
  if (list.length === 0) return { category, subcategory };
  if (!category) {
    if (subcategory) throw invalid([{ field: 'subcategory', message: 'choose a category first' }]);
    return { category: category ?? null, subcategory: null };
  }
  const c = list.find((x) => x.name.toLowerCase() === category.toLowerCase());
  if (!c)
    throw invalid([{ field: 'category', message: `must be one of ${list.map((x) => x.name).join(', ')}` }]);
  if (!subcategory) return { category: c.name, subcategory: subcategory ?? null };
  const sub = c.subcategories.find((x) => x.toLowerCase() === subcategory.toLowerCase());
  if (!sub)
    throw invalid([
      {
        field: 'subcategory',
        message: `must be one of ${c.subcategories.join(', ') || '(none for this category)'}`,
      },
    ]);
  return { category: c.name, subcategory: sub };
}

/** Per-process options that are not a lifecycle or a matrix. */
export type ProcessOptions = { reopenWindowDays: number };
export const DEFAULT_PROCESS_OPTIONS: ProcessOptions = { reopenWindowDays: 14 };

export async function getProcessOptions(db: Db, process: ProcessKey): Promise<ProcessOptions> {
  return (await readSettingOver(db, `${process}.options`, DEFAULT_PROCESS_OPTIONS)).value;
}

export async function setProcessOptions(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  options: ProcessOptions,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertMayChangeSettings(actor, 'process options');
  return saveProcessSetting(ctx, actor, process, 'options', options, expectedVersion, ip);
}

export async function getPriorityMatrix(
  db: Db,
  process: ProcessKey,
): Promise<{ value: PriorityMatrix; version: number }> {
  return readSettingOr(db, `${process}.priority_matrix`, DEFAULT_PRIORITY_MATRIX);
}

export async function setPriorityMatrix(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  matrix: PriorityMatrix,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertMayChangeSettings(actor, 'the priority matrix');
  refuseProblems('matrix', validatePriorityMatrix(matrix));
  return saveProcessSetting(ctx, actor, process, 'priority_matrix', matrix, expectedVersion, ip);
}

export async function getLifecycle(
  db: Db,
  process: ProcessKey,
): Promise<{ value: Lifecycle; version: number }> {
  return readSettingOr(db, `${process}.lifecycle`, DEFAULT_LIFECYCLES[process]);
}

/**
 * The lifecycle as hot paths read it (every list page, every count): kept in the configuration
 * cache, which a change of the setting drops on every instance (writeSetting notifies its key).
 */
export async function cachedLifecycle(
  ctx: { db: Db; configCache: ConfigCache },
  process: ProcessKey,
): Promise<{ value: Lifecycle; version: number }> {
  return ctx.configCache.get(settingCacheKey(`${process}.lifecycle`), () => getLifecycle(ctx.db, process));
}

/** The priority matrix as hot paths read it (a create under an agreement): cached as `cachedLifecycle` is. */
export async function cachedPriorityMatrix(
  ctx: { db: Db; configCache: ConfigCache },
  process: ProcessKey,
): Promise<{ value: PriorityMatrix; version: number }> {
  return ctx.configCache.get(settingCacheKey(`${process}.priority_matrix`), () =>
    getPriorityMatrix(ctx.db, process),
  );
}

export async function setLifecycle(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  draft: LifecycleDraft,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertMayChangeSettings(actor, 'lifecycles');
  const problems = lifecycleProblems(draft);
  if (problems.length)
    throw new AppError('validation.failed', problems.map((p) => p.message).join(' '), problems);
  // lifecycleProblems found no unknown notify party: the draft is a lifecycle.
  return saveProcessSetting(ctx, actor, process, 'lifecycle', draft as Lifecycle, expectedVersion, ip);
}
