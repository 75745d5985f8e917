/**
 * Automation rules, evaluated in the service layer as a record hook inside the record's
 * transaction: matching rules set fields, assign or comment; every run is written to
 * automation_runs and the record's history. Loops are impossible: a rule fires at most once per
 * chain of changes, and a chain stops after MAX_AUTOMATION_DEPTH levels of rule-made changes.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { insertRows } from '../../db/statements.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import {
  type AutomationEvent,
  type AutomationRule,
  MAX_AUTOMATION_DEPTH,
  type RuleAction,
  ruleMatches,
  validateRule,
} from '../../domain/automation/rules.ts';
import { unresolvedStateKeys } from '../../domain/lifecycle/engine.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { groupMembers, groups, users } from '../auth/index.ts';
import type { RecordRow } from '../records/index.ts';
import {
  type CreateContribution,
  historyWrites,
  type PendingCreate,
  type RecordEvent,
  type RecordEventContext,
  recordComments,
  records,
  registerRecordHook,
  writeHistory,
  writeRecordChanges,
} from '../records/index.ts';
import type { ProcessKey } from '../settings/index.ts';
import { assignmentCursors, automationRules, automationRuns } from './schema.ts';

export type RuleInput = Omit<AutomationRule, 'id'> & {
  enabled?: boolean | undefined;
  position?: number | undefined;
};

function present(r: typeof automationRules.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    process: r.process,
    event: r.event as AutomationEvent,
    conditions: r.conditions,
    actions: r.actions,
    enabled: r.enabled,
    position: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

function assertManage(actor: Actor) {
  if (!can(actor, 'settings.manage'))
    throw forbidden('Only administrators and process owners may manage automation rules.');
}

export async function listRules(ctx: AppContext, actor: Actor, process: ProcessKey) {
  if (!can(actor, 'settings.read')) throw forbidden('You may not read automation rules.');
  const rows = await ctx.db
    .select()
    .from(automationRules)
    .where(eq(automationRules.process, process))
    .orderBy(asc(automationRules.position), asc(automationRules.createdAt));
  return rows.map(present);
}

/** Rule shape, plus the groups and people it assigns to must exist, so a rule can never break a record change. */
async function checkRule(ctx: AppContext, input: RuleInput) {
  const errors = validateRule(input);
  for (const [i, a] of input.actions.entries()) {
    if (a.type !== 'assign') continue;
    if (
      a.groupId &&
      !(await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, a.groupId))).length
    ) {
      errors.push({ field: `actions.${i}.groupId`, message: 'no such group' });
    }
    if (
      a.assigneeId &&
      !(await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, a.assigneeId))).length
    ) {
      errors.push({ field: `actions.${i}.assigneeId`, message: 'no such user' });
    }
  }
  if (errors.length) throw invalid(errors);
}

export async function createRule(ctx: AppContext, actor: Actor, process: ProcessKey, input: RuleInput) {
  assertManage(actor);
  await checkRule(ctx, input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(automationRules)
      .values({
        ...input,
        process,
        enabled: input.enabled ?? true,
        position: input.position ?? 0,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await rulesChanged(ctx, tx);
    return r;
  });
  return present(row!);
}

export async function updateRule(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: RuleInput,
  expectedVersion: number | undefined,
) {
  assertManage(actor);
  await checkRule(ctx, input);
  return ctx.db.transaction(async (tx) => {
    const cur = await lockAtVersion(
      tx,
      automationRules,
      id,
      'Automation rule',
      expectedVersion,
      (r) => `Rule "${r.name}"`,
    );
    const row = await writeNextVersion(
      tx,
      automationRules,
      cur,
      { ...input, enabled: input.enabled ?? cur.enabled, position: input.position ?? cur.position },
      ctx.clock.now(),
    );
    await rulesChanged(ctx, tx);
    return present(row);
  });
}

export async function deleteRule(ctx: AppContext, actor: Actor, id: string) {
  assertManage(actor);
  const gone = await ctx.db.transaction(async (tx) => {
    const g = await tx
      .delete(automationRules)
      .where(eq(automationRules.id, id))
      .returning({ id: automationRules.id });
    await rulesChanged(ctx, tx);
    return g;
  });
  if (gone.length === 0) throw notFound('Automation rule', id);
}

export async function listRuns(ctx: AppContext, actor: Actor, ruleId: string) {
  if (!can(actor, 'settings.read')) throw forbidden('You may not read automation runs.');
  const rows = await ctx.db
    .select()
    .from(automationRuns)
    .where(eq(automationRuns.ruleId, ruleId))
    .orderBy(asc(automationRuns.id))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.ruleId,
    recordId: r.recordId,
    at: r.at.toISOString(),
    event: r.event,
    outcome: r.outcome,
    details: r.details,
  }));
}

// ---- evaluation ----

/**
 * Choose a member of the group: round robin (the member after the one this rule chose last,
 * by name order; the cursor row is locked so concurrent records take turns) or least loaded
 * (fewest open or paused records assigned). Null when the group has no active members.
 */
async function pickAssignee(
  ec: RecordEventContext,
  ruleId: string,
  groupId: string,
  strategy: 'round_robin' | 'least_loaded',
) {
  const members = await ec.tx
    .select({ id: users.id, name: users.name })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(and(eq(groupMembers.groupId, groupId), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.id));
  if (members.length === 0) return null;
  if (strategy === 'least_loaded') {
    const openStates = unresolvedStateKeys(ec.lifecycle);
    const load = await ec.tx
      .select({ assigneeId: records.assigneeId, n: sql<number>`count(*)::int` })
      .from(records)
      .where(
        and(
          inArray(
            records.assigneeId,
            members.map((m) => m.id),
          ),
          inArray(records.state, openStates.length ? openStates : ['']),
        ),
      )
      .groupBy(records.assigneeId);
    const count = new Map(load.map((l) => [l.assigneeId, l.n]));
    return members.reduce(
      (best, m) => ((count.get(m.id) ?? 0) < (count.get(best.id) ?? 0) ? m : best),
      members[0]!,
    ).id;
  }
  await ec.tx.insert(assignmentCursors).values({ ruleId, groupId, lastUserId: null }).onConflictDoNothing();
  const [cursor] = await ec.tx
    .select()
    .from(assignmentCursors)
    .where(and(eq(assignmentCursors.ruleId, ruleId), eq(assignmentCursors.groupId, groupId)))
    .for('update');
  const lastIndex = members.findIndex((m) => m.id === cursor?.lastUserId);
  const chosen = members[(lastIndex + 1) % members.length]!;
  await ec.tx
    .update(assignmentCursors)
    .set({ lastUserId: chosen.id })
    .where(and(eq(assignmentCursors.ruleId, ruleId), eq(assignmentCursors.groupId, groupId)));
  return chosen.id;
}

function nextAfter(
  row: RecordRow,
  actions: RuleAction[],
): { next: RecordRow; patch: { impact?: number; urgency?: number } } {
  const next = { ...row };
  const patch: { impact?: number; urgency?: number } = {};
  for (const a of actions) {
    if (a.type === 'assign') {
      if (a.groupId) next.groupId = a.groupId;
      if (a.assigneeId) next.assigneeId = a.assigneeId;
    } else if (a.type === 'set_field') {
      const numeric = a.field === 'impact' || a.field === 'urgency';
      (next as Record<string, unknown>)[a.field] = numeric ? Number(a.value) : a.value;
      if (a.field === 'impact') patch.impact = Number(a.value);
      if (a.field === 'urgency') patch.urgency = Number(a.value);
    }
  }
  return { next, patch };
}

async function runRule(
  rule: AutomationRule,
  event: RecordEvent,
  ec: RecordEventContext,
  depth: number,
  fired: ReadonlySet<string>,
): Promise<boolean> {
  const { next, patch } = nextAfter(event.record, rule.actions);
  for (const a of rule.actions) {
    if (a.type === 'assign' && a.groupId && !a.assigneeId && a.strategy && a.strategy !== 'group_only') {
      next.assigneeId = await pickAssignee(ec, rule.id, a.groupId, a.strategy);
    }
  }
  await writeHistory(ec.tx, event.record.id, null, ec.at, firing(rule));
  const comments = commentRows(rule, event.record.id, ec.at);
  if (comments.length) await ec.tx.insert(recordComments).values(comments);
  // Changes made by the rule are a new event in the same chain, one level deeper.
  const after = await writeRecordChanges(
    { ...ec, actorId: null, chain: { depth: depth + 1, fired: new Set([...fired, rule.id]) } },
    event.record,
    next,
    patch,
  );
  await ec.tx.insert(automationRuns).values(appliedRun(rule, event.record.id, ec.at, event.kind));
  return after !== event.record;
}

/** The history entry that names the rule on the record. */
const firing = (rule: AutomationRule) => [{ field: 'automation', oldValue: null, newValue: rule.name }];

/** The comments a rule adds (by nobody, at the event's instant). */
function commentRows(rule: AutomationRule, recordId: string, at: Date) {
  return rule.actions.flatMap((a) =>
    a.type === 'add_comment'
      ? [{ recordId, authorId: null, body: a.body, visibility: a.visibility, createdAt: at }]
      : [],
  );
}

function appliedRun(rule: AutomationRule, recordId: string, at: Date, event: RecordEvent['kind']) {
  return {
    ruleId: rule.id,
    recordId,
    at,
    event,
    outcome: 'applied',
    details: { actions: rule.actions.map((a) => a.type) },
  };
}

const ruleOf = (r: StoredRule): AutomationRule => ({
  id: r.id,
  name: r.name,
  event: r.event as AutomationEvent,
  conditions: r.conditions,
  actions: r.actions,
});

/**
 * The rules for a record being created, decided before its insert when every rule that matches
 * it only comments: their history entries, comments and runs join the insert's statement. A rule
 * that changes the record may set off further rules, so such a create runs them in its
 * transaction (null).
 */
async function prepareCreate(p: PendingCreate): Promise<CreateContribution | null> {
  const rows = await enabledRules(p.ctx, p.ctx.db, p.cfg.process, 'created');
  const subject = { fields: p.record as unknown as Record<string, unknown>, changed: new Set<string>() };
  const matching = rows.map(ruleOf).filter((rule) => ruleMatches(rule, 'created', subject));
  if (matching.some((rule) => rule.actions.some((a) => a.type !== 'add_comment'))) return null;
  return {
    writes: matching.flatMap((rule) => {
      const comments = commentRows(rule, p.record.id, p.at);
      return [
        ...historyWrites(p.record.id, null, p.at, firing(rule)),
        ...(comments.length ? [insertRows(recordComments, comments)] : []),
        insertRows(automationRuns, [appliedRun(rule, p.record.id, p.at, 'created')]),
      ];
    }),
  };
}

const rulesKey = (process: string, event: string) => `automation:${process}:${event}`;

type StoredRule = typeof automationRules.$inferSelect;

/**
 * The enabled rules of a process for an event, in their order: cached per instance and dropped on
 * every rule change, so a record event reads no rules. `db` is the caller's transaction when there
 * is one (the embedded database has one connection: a read beside an open transaction would wait
 * for it).
 */
function enabledRules(
  ctx: AppContext,
  db: Db,
  process: string,
  event: string,
): Promise<readonly StoredRule[]> {
  return ctx.configCache.get(rulesKey(process, event), () =>
    db
      .select()
      .from(automationRules)
      .where(
        and(
          eq(automationRules.process, process),
          eq(automationRules.event, event),
          eq(automationRules.enabled, true),
        ),
      )
      .orderBy(asc(automationRules.position), asc(automationRules.createdAt)),
  );
}

async function rulesChanged(ctx: AppContext, tx: Db) {
  await configChanged(tx, ctx.configCache, 'automation:');
}

export function registerAutomationHooks(): void {
  registerRecordHook(
    'automation',
    async (event, ec) => {
      const depth = ec.chain?.depth ?? 0;
      const fired = ec.chain?.fired ?? new Set<string>();
      const rows = await enabledRules(ec.ctx, ec.tx, ec.cfg.process, event.kind);
      if (rows.length === 0) return;
      const changed = new Set(
        event.kind === 'updated'
          ? event.changes.map((c) => c.field)
          : event.kind === 'transitioned'
            ? ['state']
            : [],
      );
      const subject = { fields: event.record as unknown as Record<string, unknown>, changed };
      let current = event;
      for (const r of rows) {
        const rule = ruleOf(r);
        if (
          fired.has(rule.id) ||
          !ruleMatches(rule, event.kind, {
            ...subject,
            fields: current.record as unknown as Record<string, unknown>,
          })
        )
          continue;
        if (depth >= MAX_AUTOMATION_DEPTH) {
          await ec.tx.insert(automationRuns).values({
            ruleId: rule.id,
            recordId: event.record.id,
            at: ec.at,
            event: event.kind,
            outcome: 'loop_stopped',
            details: { depth },
          });
          continue;
        }
        // A rule that changed the record (not only commented on it) may have set off further
        // rules: read the row again for the next rule, and let the create answer as committed.
        if (await runRule(rule, current, ec, depth, fired)) {
          ec.rewritten = true;
          const [fresh] = await ec.tx.select().from(records).where(eq(records.id, event.record.id));
          if (fresh) current = { ...current, record: fresh } as RecordEvent;
        }
      }
    },
    ['created', 'updated', 'transitioned'],
    async (ctx, cfg, kind) => (await enabledRules(ctx, ctx.db, cfg.process, kind)).length > 0,
    prepareCreate,
  );
}
