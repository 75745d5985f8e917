/**
 * SLAs, OLAs and underpinning contracts: drafted, agreed (who and when), versioned (a new version
 * takes over from the previous one at its effective start) and ended. Agreed versions are never
 * edited: the clocks they started must stay explainable.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type {
  AgreementInput as AgreementInputSchema,
  AgreementPatch as AgreementPatchSchema,
} from '../../contracts/service-levels.ts';
import { configChanged } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import type { PageRequest } from '../../db/cursor.ts';
import { pageAscending } from '../../db/keyset.ts';
import { containing } from '../../db/like.ts';
import { rowById } from '../../db/rows.ts';
import { type Actor, actingUserId, can } from '../../domain/roles.ts';
import {
  type AgreementKind,
  type AgreementTerms,
  DEFAULT_WARNING_THRESHOLDS,
  validateTerms,
} from '../../domain/sla/agreement.ts';
import { AppError, conflict, type FieldError, forbidden, invalid, notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { groups } from '../auth/index.ts';
import { findService } from '../catalog/index.ts';
import { organisations } from '../organisations/index.ts';
import { assertVersion } from '../records/index.ts';
import { assertMayManageServiceLevels } from './access.ts';
import { type AgreementRow, type AgreementView, presentAgreements } from './agreement-present.ts';
import { calendarExists } from './calendars.ts';
import { agreements } from './schema.ts';

export type AgreementInput = z.output<typeof AgreementInputSchema>;
export type AgreementPatch = z.output<typeof AgreementPatchSchema>;

const NOBODY = (kind: AgreementKind) =>
  ({ sla: 'an SLA', ola: 'an OLA', uc: 'an underpinning contract' })[kind];

function termsOf(r: AgreementRow): AgreementTerms {
  return {
    targets: r.targets,
    warningThresholds: r.warningThresholds,
    priorities: r.priorities,
    recordTypes: r.recordTypes,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    availabilityTarget: r.availabilityTarget,
  };
}

/** The kind of organisation `id` (customer, supplier…); undefined when there is none. */
export async function orgKind(db: Db, id: string): Promise<string | undefined> {
  const [o] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, id));
  return o?.kind;
}

/** Each kind binds exactly one sort of party: customers to SLAs, groups to OLAs, suppliers to UCs. */
async function checkParties(db: Db, r: AgreementRow): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const kind = r.kind as AgreementKind;
  const refuse = (field: string) => errors.push({ field, message: `not part of ${NOBODY(kind)}` });
  if (kind !== 'sla' && r.customerId) refuse('customerId');
  if (kind !== 'ola' && r.groupId) refuse('groupId');
  if (kind !== 'uc' && r.supplierId) refuse('supplierId');
  if (kind === 'sla' && r.customerId) {
    const k = await orgKind(db, r.customerId);
    if (!k || k === 'supplier')
      errors.push({ field: 'customerId', message: 'no customer organisation with this id' });
  }
  if (kind === 'ola') {
    const [g] = r.groupId
      ? await db.select({ active: groups.active }).from(groups).where(eq(groups.id, r.groupId))
      : [];
    if (!g?.active) errors.push({ field: 'groupId', message: 'an OLA is made with an active support group' });
  }
  if (kind === 'uc' && (!r.supplierId || (await orgKind(db, r.supplierId)) !== 'supplier'))
    errors.push({
      field: 'supplierId',
      message: 'an underpinning contract is made with a supplier organisation',
    });
  if (r.serviceId) {
    const s = await findService(db, r.serviceId);
    if (!s) errors.push({ field: 'serviceId', message: 'no service with this id' });
    else if (s.lifecycleStatus === 'retired')
      errors.push({
        field: 'serviceId',
        message: `${s.name} is retired; agreements are for pipeline or live services`,
      });
  }
  if (!(await calendarExists(db, r.calendarId)))
    errors.push({ field: 'calendarId', message: 'no calendar with this id' });
  return errors;
}

async function assertValid(db: Db, r: AgreementRow): Promise<void> {
  const errors = [...validateTerms(termsOf(r)), ...(await checkParties(db, r))];
  if (errors.length) throw invalid(errors, `The ${r.kind.toUpperCase()} is not valid: ${errors[0]!.message}`);
}

function rowFrom(input: AgreementInput, base: Partial<AgreementRow>, now: Date): AgreementRow {
  const id = base.id ?? randomUUID();
  return {
    id,
    lineageId: base.lineageId ?? id,
    versionNumber: base.versionNumber ?? 1,
    kind: input.kind,
    name: input.name,
    description: input.description ?? '',
    status: base.status ?? 'draft',
    serviceId: input.serviceId ?? null,
    customerId: input.customerId ?? null,
    groupId: input.groupId ?? null,
    supplierId: input.supplierId ?? null,
    requirementId: base.requirementId ?? null,
    calendarId: input.calendarId,
    targets: [...input.targets].sort((a, b) => a.priority - b.priority),
    warningThresholds: input.warningThresholds ?? [...DEFAULT_WARNING_THRESHOLDS],
    recordTypes: input.recordTypes?.length ? input.recordTypes : null,
    priorities: input.priorities?.length ? [...input.priorities].sort() : null,
    availabilityTarget: input.availabilityTarget ?? null,
    obligations: input.obligations ?? '',
    onReassign: input.onReassign ?? 'restart',
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo ?? null,
    agreedBy: base.agreedBy ?? null,
    agreedAt: base.agreedAt ?? null,
    createdBy: base.createdBy ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** Cache key of "is any agreement agreed?", dropped whenever one becomes agreed. */
export const AGREEMENTS_CACHE_KEY = 'sla:agreed';

/**
 * Whether any agreement is agreed: until one is, a record being created has no clock
 * to start and needs no transaction for it. Cached per instance; agreeing an agreement drops
 * the cache here and, through NOTIFY, on every other instance.
 */
/**
 * Every agreement marked agreed (the versions in force, past and to come), in id order: the
 * candidates the SLA planner chooses from. Cached like anyAgreementAgreed: every write that makes,
 * ends or supersedes an agreed version drops it on every instance. A miss reads through `db`.
 */
export function agreedAgreements(ctx: Pick<AppContext, 'configCache'>, db: Db): Promise<AgreementRow[]> {
  return ctx.configCache.get(`${AGREEMENTS_CACHE_KEY}:rows`, () =>
    db.select().from(agreements).where(eq(agreements.status, 'agreed')).orderBy(asc(agreements.id)),
  );
}

export function anyAgreementAgreed(ctx: AppContext): Promise<boolean> {
  return ctx.configCache.get(AGREEMENTS_CACHE_KEY, async () => {
    const [row] = await ctx.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.status, 'agreed'))
      .limit(1);
    return row !== undefined;
  });
}

/** Insert a validated agreement inside a transaction (also used to turn an SLR into an SLA). */
export async function insertAgreement(ctx: AppContext, tx: Db, row: AgreementRow): Promise<AgreementRow> {
  await assertValid(tx, row);
  if (row.status === 'agreed') {
    await supersedePrevious(tx, row);
    await configChanged(tx, ctx.configCache, AGREEMENTS_CACHE_KEY);
  }
  const [inserted] = await tx.insert(agreements).values(row).returning();
  return inserted!;
}

export async function createAgreement(ctx: AppContext, actor: Actor | 'system', input: AgreementInput) {
  assertMayManageServiceLevels(actor, 'draft agreements');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction((tx) =>
    insertAgreement(ctx, tx, rowFrom(input, { createdBy: actingUserId(actor) }, now)),
  );
  return (await presentAgreements(ctx.db, [row], now))[0]!;
}

async function lockAgreement(tx: Db, id: string): Promise<AgreementRow> {
  const row = await rowById(tx, agreements, id, 'Agreement', true);
  return row;
}

/**
 * A manager's step on one agreement (`doing`: change, agree, draft, end), in a transaction that
 * holds the agreement's row; answers the row the step leaves, as a view.
 */
async function onAgreement(
  ctx: AppContext,
  actor: Actor | 'system',
  id: string,
  doing: string,
  step: (tx: Db, cur: AgreementRow, now: Date) => Promise<AgreementRow>,
): Promise<AgreementView> {
  assertMayManageServiceLevels(actor, `${doing} agreements`);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => step(tx, await lockAgreement(tx, id), now));
  return (await presentAgreements(ctx.db, [row], now))[0]!;
}

function assertDraft(row: AgreementRow, doing: string): void {
  if (row.status !== 'draft')
    throw new AppError(
      'lifecycle.transition_forbidden',
      `${row.name} v${row.versionNumber} is agreed and cannot be ${doing}; draft a new version instead.`,
    );
}

export async function updateAgreement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: AgreementPatch,
  expectedVersion: number | undefined,
) {
  return onAgreement(ctx, actor, id, 'change', async (tx, cur, now) => {
    assertVersion({ version: cur.version, number: cur.name }, expectedVersion);
    assertDraft(cur, 'edited');
    const next = { ...cur, ...defined(patch), updatedAt: now, version: cur.version + 1 } as AgreementRow;
    if (patch.recordTypes !== undefined)
      next.recordTypes = patch.recordTypes?.length ? patch.recordTypes : null;
    if (patch.priorities !== undefined) next.priorities = patch.priorities?.length ? patch.priorities : null;
    await assertValid(tx, next);
    const [updated] = await tx.update(agreements).set(next).where(eq(agreements.id, id)).returning();
    return updated!;
  });
}

/**
 * An agreed version ends where the next one begins, so exactly one version of an agreement is in
 * force at any instant.
 */
async function supersedePrevious(tx: Db, row: AgreementRow): Promise<void> {
  const earlier = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.lineageId, row.lineageId), eq(agreements.status, 'agreed')))
    .for('update');
  for (const prev of earlier) {
    if (prev.id === row.id) continue;
    if (prev.effectiveFrom.getTime() >= row.effectiveFrom.getTime())
      throw invalid(
        [
          {
            field: 'effectiveFrom',
            message: `must be after version ${prev.versionNumber} starts (${prev.effectiveFrom.toISOString()})`,
          },
        ],
        `Version ${row.versionNumber} must take effect after version ${prev.versionNumber} does.`,
      );
    if (prev.effectiveTo === null || prev.effectiveTo.getTime() > row.effectiveFrom.getTime())
      await tx
        .update(agreements)
        .set({ effectiveTo: row.effectiveFrom, updatedAt: row.updatedAt, version: prev.version + 1 })
        .where(eq(agreements.id, prev.id));
  }
}

export async function agreeAgreement(
  ctx: AppContext,
  actor: Actor | 'system',
  id: string,
  expectedVersion?: number,
): Promise<AgreementView> {
  return onAgreement(ctx, actor, id, 'agree', async (tx, cur, now) => {
    assertVersion({ version: cur.version, number: cur.name }, expectedVersion);
    assertDraft(cur, 'agreed again');
    const next: AgreementRow = {
      ...cur,
      status: 'agreed',
      agreedBy: actingUserId(actor),
      agreedAt: now,
      updatedAt: now,
      version: cur.version + 1,
    };
    await assertValid(tx, next);
    await supersedePrevious(tx, next);
    await configChanged(tx, ctx.configCache, AGREEMENTS_CACHE_KEY);
    const [updated] = await tx.update(agreements).set(next).where(eq(agreements.id, id)).returning();
    return updated!;
  });
}

/** Start the next version of an agreed agreement as a draft copy of it. */
export async function draftNewVersion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { effectiveFrom?: Date | undefined },
): Promise<AgreementView> {
  return onAgreement(ctx, actor, id, 'draft', async (tx, cur, now) => {
    const versions = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.lineageId, cur.lineageId))
      .orderBy(desc(agreements.versionNumber));
    const draft = versions.find((v) => v.status === 'draft');
    if (draft)
      throw conflict(`Version ${draft.versionNumber} of ${cur.name} is already being drafted.`, {
        draftId: draft.id,
      });
    const latest = versions[0]!;
    const copy: AgreementRow = {
      ...latest,
      id: randomUUID(),
      versionNumber: latest.versionNumber + 1,
      status: 'draft',
      effectiveFrom: input.effectiveFrom ?? now,
      effectiveTo: null,
      agreedBy: null,
      agreedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const [inserted] = await tx.insert(agreements).values(copy).returning();
    return inserted!;
  });
}

/** End an agreed agreement: records created from then on are no longer measured against it. */
export async function endAgreement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { effectiveTo?: Date | undefined },
  expectedVersion: number | undefined,
): Promise<AgreementView> {
  return onAgreement(ctx, actor, id, 'end', async (tx, cur, now) => {
    assertVersion({ version: cur.version, number: cur.name }, expectedVersion);
    if (cur.status !== 'agreed')
      throw new AppError(
        'lifecycle.transition_forbidden',
        `${cur.name} is a draft; discard or edit it instead.`,
      );
    const end = input.effectiveTo ?? now;
    if (
      end.getTime() <= cur.effectiveFrom.getTime() ||
      (cur.effectiveTo && end.getTime() > cur.effectiveTo.getTime())
    )
      throw invalid([
        { field: 'effectiveTo', message: 'must fall after the start and not after the current end' },
      ]);
    // What is in force changes: caches of agreed agreements (impact analysis) are dropped.
    await configChanged(tx, ctx.configCache, AGREEMENTS_CACHE_KEY);
    const [updated] = await tx
      .update(agreements)
      .set({ effectiveTo: end, updatedAt: now, version: cur.version + 1 })
      .where(eq(agreements.id, id))
      .returning();
    return updated!;
  });
}

export async function getAgreement(ctx: AppContext, actor: Actor, id: string): Promise<AgreementView> {
  if (!can(actor, 'service_level.read')) throw notFound('Agreement', id);
  const row = await rowById(ctx.db, agreements, id, 'Agreement');
  return (await presentAgreements(ctx.db, [row], ctx.clock.now()))[0]!;
}

export type AgreementListQuery = PageRequest & {
  kind?: AgreementKind | undefined;
  status?: 'draft' | 'agreed' | undefined;
  serviceId?: string | undefined;
  customerId?: string | undefined;
  groupId?: string | undefined;
  supplierId?: string | undefined;
  q?: string | undefined;
};

export async function listAgreements(ctx: AppContext, actor: Actor, q: AgreementListQuery) {
  if (!can(actor, 'service_level.read')) throw forbidden('You may not browse agreements.');
  const conds: SQL[] = [];
  if (q.kind) conds.push(eq(agreements.kind, q.kind));
  if (q.status) conds.push(eq(agreements.status, q.status));
  if (q.serviceId) conds.push(eq(agreements.serviceId, q.serviceId));
  if (q.customerId) conds.push(eq(agreements.customerId, q.customerId));
  if (q.groupId) conds.push(eq(agreements.groupId, q.groupId));
  if (q.supplierId) conds.push(eq(agreements.supplierId, q.supplierId));
  if (q.q) conds.push(ilike(agreements.name, containing(q.q)));
  const { page, nextCursor } = await pageAscending(
    ctx.db,
    agreements,
    { column: agreements.name, of: (r) => r.name },
    conds,
    q,
  );
  return { items: await presentAgreements(ctx.db, page, ctx.clock.now()), nextCursor };
}
