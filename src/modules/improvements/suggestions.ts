/**
 * KPIs that suggest an improvement: those red (off target beyond their tolerance) for the last
 * N whole months running, N a setting (3 by default) or the caller's choice. Suggestions are
 * computed when asked, never created as proposals by themselves: someone accepts one (raises a
 * proposal with the KPI as its source) or dismisses it. A KPI with an open proposal raised from
 * it is not suggested again; a dismissal holds until a further red month.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type {
  ImprovementSettings,
  Suggestion,
  SuggestionDismiss,
  SuggestionList,
  SuggestionQuery,
} from '../../contracts/improvements.ts';
import { monthlyPeriods, offTargetFor } from '../../domain/improvements/outcome.ts';
import { formatKpiValue } from '../../domain/reports/kpi.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { IMPROVEMENT, records } from '../records/index.ts';
import { kpiDefinitions, kpiValueOver, presentDefinition, requireKpi } from '../reports/index.ts';
import { readSettingOr, writeSetting } from '../settings/index.ts';
import { improvementDetails, improvementDismissals } from './schema.ts';
import { assertImprover, assertRegisterReader } from './service.ts';

const SETTING = 'improvement.suggestions';
export const DEFAULT_SETTINGS: ImprovementSettings = { suggestionPeriods: 3 };

export async function readImprovementSettings(ctx: AppContext) {
  const { value, version } = await readSettingOr(ctx.db, SETTING, DEFAULT_SETTINGS);
  return { settings: value, version };
}

export async function saveImprovementSettings(
  ctx: AppContext,
  actor: Actor,
  value: ImprovementSettings,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertImprover(actor);
  if (!can(actor, 'improvement.configure'))
    throw forbidden('Service managers and process owners set how suggestions are made.');
  const version = await writeSetting(ctx, actor, SETTING, value, expectedVersion, ip);
  return { settings: value, version };
}

/** KPI keys (with the service they were judged for, '' for all) that have an open proposal raised from them. */
async function openKpiSources(ctx: AppContext): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ ref: improvementDetails.sourceRef, filter: improvementDetails.kpiFilter })
    .from(improvementDetails)
    .innerJoin(records, eq(records.id, improvementDetails.recordId))
    .where(
      and(
        eq(records.type, IMPROVEMENT.type),
        eq(improvementDetails.sourceKind, 'kpi'),
        isNull(records.closedAt),
      ),
    );
  return new Set(rows.map((r) => `${r.ref}|${r.filter?.serviceId ?? ''}`));
}

export async function listSuggestions(
  ctx: AppContext,
  actor: Actor,
  q: SuggestionQuery,
): Promise<SuggestionList> {
  assertRegisterReader(actor);
  const periods = q.periods ?? (await readImprovementSettings(ctx)).settings.suggestionPeriods;
  const now = ctx.clock.now();
  const windows = monthlyPeriods(now, periods);
  const through = windows.at(-1)!.to;
  const scope = q.serviceId ?? '';
  const [open, dismissed] = await Promise.all([
    openKpiSources(ctx),
    ctx.db
      .select({ key: improvementDismissals.kpiKey })
      .from(improvementDismissals)
      .where(
        and(eq(improvementDismissals.scope, scope), sql`${improvementDismissals.through} >= ${through}`),
      ),
  ]);
  const dismissedKeys = new Set(dismissed.map((d) => d.key));
  const items: Suggestion[] = [];
  for (const d of kpiDefinitions()) {
    if (open.has(`${d.key}|${scope}`) || dismissedKeys.has(d.key)) continue;
    if (!(await presentDefinition(ctx.db, d)).available) continue;
    const filter = q.serviceId ? { serviceId: q.serviceId } : {};
    const values = await Promise.all(
      windows.map(async (w) => (await kpiValueOver(ctx.db, d.key, filter, w, now)).value),
    );
    if (!offTargetFor(values, d.target, d.goodWhen, periods)) continue;
    items.push({
      kpi: { key: d.key, label: d.label, unit: d.unit, goodWhen: d.goodWhen, target: d.target.target },
      serviceId: q.serviceId ?? null,
      periods: windows.map((w, i) => ({
        from: w.from.toISOString(),
        to: w.to.toISOString(),
        value: values[i]!,
        formatted: formatKpiValue(values[i]!, d.unit),
      })),
      title: `Bring ${d.label.toLowerCase()} back on target`,
    });
  }
  return { periods, items };
}

/** Set a suggestion aside until a further red month. */
export async function dismissSuggestion(ctx: AppContext, actor: Actor, input: SuggestionDismiss) {
  assertImprover(actor);
  requireKpi(input.kpiKey);
  const now = ctx.clock.now();
  const through = monthlyPeriods(now, 1)[0]!.to;
  const scope = input.serviceId ?? '';
  await ctx.db
    .insert(improvementDismissals)
    .values({ kpiKey: input.kpiKey, scope, through, dismissedBy: actor.userId, dismissedAt: now })
    .onConflictDoUpdate({
      target: [improvementDismissals.kpiKey, improvementDismissals.scope],
      set: { through, dismissedBy: actor.userId, dismissedAt: now },
    });
  return { kpiKey: input.kpiKey, serviceId: input.serviceId ?? null, through: through.toISOString() };
}
