/**
 * Service level requirements (ITIL service level management): what a customer needs from a
 * service — support hours, availability, response and resolution per priority, other
 * obligations — reviewed (draft → in review → agreed) and then turned into a versioned SLA.
 */

import { desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { RequirementInput, SlaFromRequirement } from '../../contracts/service-levels.ts';
import type { Db } from '../../db/client.ts';
import { REQUIREMENT_STATUSES, type RequirementStatus } from '../../domain/portfolio.ts';
import { type Actor, actingUserId, can } from '../../domain/roles.ts';
import { DEFAULT_WARNING_THRESHOLDS, validateTerms } from '../../domain/sla/agreement.ts';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { findService } from '../catalog/index.ts';
import { assertVersion } from '../records/index.ts';
import { assertMayManageServiceLevels } from './access.ts';
import { type AgreementRow, presentAgreements } from './agreement-present.ts';
import { insertAgreement, orgKind } from './agreements.ts';
import { calendarExists } from './calendars.ts';
import { lookUpNames } from './names.ts';
import { agreements, serviceLevelRequirements } from './schema.ts';

const MOVES: Record<RequirementStatus, RequirementStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'agreed'],
  agreed: ['draft'],
};

type RequirementRow = typeof serviceLevelRequirements.$inferSelect;

export async function presentRequirements(db: Db, rows: RequirementRow[]) {
  const names = await lookUpNames(db, {
    services: rows.map((r) => r.serviceId),
    organisations: rows.map((r) => r.customerId),
    calendars: rows.map((r) => r.calendarId),
  });
  const made = rows.length
    ? await db
        .select({
          id: agreements.id,
          requirementId: agreements.requirementId,
          versionNumber: agreements.versionNumber,
          status: agreements.status,
        })
        .from(agreements)
        .where(
          inArray(
            agreements.requirementId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(desc(agreements.versionNumber))
    : [];
  return rows.map((r) => ({
    id: r.id,
    service: names.service(r.serviceId)!,
    customer: names.organisation(r.customerId),
    name: r.name,
    status: r.status as RequirementStatus,
    calendar: names.calendar(r.calendarId)!,
    availabilityTarget: r.availabilityTarget,
    targets: r.targets,
    obligations: r.obligations,
    agreements: made
      .filter((a) => a.requirementId === r.id)
      .map((a) => ({ id: a.id, versionNumber: a.versionNumber, status: a.status })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}
export type RequirementView = Awaited<ReturnType<typeof presentRequirements>>[number];

/** Targets must be sound at every stage; complete (every priority) once under review. */
async function assertValid(db: Db, r: RequirementRow): Promise<void> {
  const errors: FieldError[] = validateTerms({
    targets: r.targets,
    warningThresholds: [],
    priorities: null,
    recordTypes: null,
    effectiveFrom: r.createdAt,
    effectiveTo: null,
    availabilityTarget: r.availabilityTarget,
  }).filter((i) => r.status !== 'draft' || i.field !== 'targets');
  if (r.customerId) {
    const kind = await orgKind(db, r.customerId);
    if (!kind || kind === 'supplier')
      errors.push({ field: 'customerId', message: 'no customer organisation with this id' });
  }
  if (!(await calendarExists(db, r.calendarId)))
    errors.push({ field: 'calendarId', message: 'no calendar with this id' });
  if (errors.length) throw invalid(errors, `The requirement is not valid: ${errors[0]!.message}`);
}

export async function createRequirement(
  ctx: AppContext,
  actor: Actor | 'system',
  serviceId: string,
  input: RequirementInput,
) {
  assertMayManageServiceLevels(actor, 'record requirements');
  const service = await findService(ctx.db, serviceId);
  if (!service) throw notFound('Service', serviceId);
  const now = ctx.clock.now();
  const row: RequirementRow = {
    id: crypto.randomUUID(),
    serviceId,
    customerId: input.customerId ?? null,
    name: input.name,
    status: 'draft',
    calendarId: input.calendarId,
    availabilityTarget: input.availabilityTarget ?? null,
    targets: [...input.targets].sort((a, b) => a.priority - b.priority),
    obligations: input.obligations ?? '',
    createdBy: actingUserId(actor),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await assertValid(ctx.db, row);
  const [inserted] = await ctx.db.insert(serviceLevelRequirements).values(row).returning();
  return (await presentRequirements(ctx.db, [inserted!]))[0]!;
}

async function lockRequirement(tx: Db, id: string): Promise<RequirementRow> {
  const [row] = await tx
    .select()
    .from(serviceLevelRequirements)
    .where(eq(serviceLevelRequirements.id, id))
    .for('update');
  if (!row) throw notFound('Requirement', id);
  return row;
}

/**
 * Change a requirement under lock: `change` checks the current row (its version already
 * checked) and gives the next one, which is validated and saved with the version bumped.
 */
async function reviseRequirement(
  ctx: AppContext,
  id: string,
  expectedVersion: number | undefined,
  change: (cur: RequirementRow) => RequirementRow,
) {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const cur = await lockRequirement(tx, id);
    assertVersion({ version: cur.version, number: cur.name }, expectedVersion);
    const next = { ...change(cur), updatedAt: now, version: cur.version + 1 };
    await assertValid(tx, next);
    const [updated] = await tx
      .update(serviceLevelRequirements)
      .set(next)
      .where(eq(serviceLevelRequirements.id, id))
      .returning();
    return updated!;
  });
  return (await presentRequirements(ctx.db, [row]))[0]!;
}

export async function updateRequirement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<RequirementInput>,
  expectedVersion: number | undefined,
) {
  assertMayManageServiceLevels(actor, 'change requirements');
  return reviseRequirement(ctx, id, expectedVersion, (cur) => {
    if (cur.status === 'agreed')
      throw new AppError(
        'lifecycle.transition_forbidden',
        `${cur.name} is agreed; move it back to draft before changing what it requires.`,
      );
    return { ...cur, ...defined(patch) } as RequirementRow;
  });
}

/** Review: draft → in review → agreed, or back to draft to rework. */
export async function moveRequirement(
  ctx: AppContext,
  actor: Actor | 'system',
  id: string,
  status: RequirementStatus,
  expectedVersion?: number,
) {
  assertMayManageServiceLevels(actor, 'review requirements');
  return reviseRequirement(ctx, id, expectedVersion, (cur) => {
    if (!MOVES[cur.status as RequirementStatus].includes(status))
      throw new AppError(
        'lifecycle.transition_forbidden',
        `${cur.name} is ${cur.status.replace('_', ' ')} and cannot move to ${status.replace('_', ' ')}.`,
        [],
        { from: cur.status, to: status },
      );
    return { ...cur, status };
  });
}

export type SlaFromRequirementInput = z.output<typeof SlaFromRequirement>;

/**
 * Turn an agreed requirement into an agreed SLA. Doing it again (after the requirement was
 * reworked and agreed anew) makes the next version of the same SLA.
 */
export async function makeSlaFromRequirement(
  ctx: AppContext,
  actor: Actor | 'system',
  id: string,
  input: SlaFromRequirementInput,
) {
  assertMayManageServiceLevels(actor, 'agree SLAs');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const req = await lockRequirement(tx, id);
    if (req.status !== 'agreed')
      throw new AppError(
        'lifecycle.transition_forbidden',
        `${req.name} is ${req.status.replace('_', ' ')}; only an agreed requirement becomes an SLA.`,
      );
    const [previous] = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.requirementId, req.id))
      .orderBy(desc(agreements.versionNumber))
      .limit(1);
    const agreementId = crypto.randomUUID();
    const sla: AgreementRow = {
      id: agreementId,
      lineageId: previous?.lineageId ?? agreementId,
      versionNumber: (previous?.versionNumber ?? 0) + 1,
      kind: 'sla',
      name: input.name ?? previous?.name ?? req.name,
      description: `Agreed from the service level requirement "${req.name}".`,
      status: 'agreed',
      serviceId: req.serviceId,
      customerId: req.customerId,
      groupId: null,
      supplierId: null,
      requirementId: req.id,
      calendarId: req.calendarId,
      targets: req.targets,
      warningThresholds: input.warningThresholds ?? [...DEFAULT_WARNING_THRESHOLDS],
      recordTypes: input.recordTypes?.length ? input.recordTypes : null,
      priorities: input.priorities?.length ? input.priorities : null,
      availabilityTarget: req.availabilityTarget,
      obligations: req.obligations,
      onReassign: 'restart',
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
      agreedBy: actingUserId(actor),
      agreedAt: now,
      createdBy: actingUserId(actor),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return insertAgreement(ctx, tx, sla);
  });
  return (await presentAgreements(ctx.db, [row], now))[0]!;
}

export async function getRequirement(ctx: AppContext, actor: Actor, id: string) {
  if (!can(actor, 'service_level.read')) throw notFound('Requirement', id);
  const [row] = await ctx.db
    .select()
    .from(serviceLevelRequirements)
    .where(eq(serviceLevelRequirements.id, id));
  if (!row) throw notFound('Requirement', id);
  return (await presentRequirements(ctx.db, [row]))[0]!;
}

export async function listRequirementsOfService(ctx: AppContext, actor: Actor, serviceId: string) {
  if (!can(actor, 'service_level.read')) throw forbidden('You may not browse service level requirements.');
  const rows = await ctx.db
    .select()
    .from(serviceLevelRequirements)
    .where(eq(serviceLevelRequirements.serviceId, serviceId))
    .orderBy(serviceLevelRequirements.createdAt);
  return presentRequirements(ctx.db, rows);
}

export { REQUIREMENT_STATUSES, type RequirementStatus };
