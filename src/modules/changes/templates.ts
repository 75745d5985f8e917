/**
 * Standard change templates: pre-approved, low-risk changes done the same way every time. A
 * standard change is raised from an active template, takes its plans and risk, and needs no
 * assessment or CAB. The change manager keeps the templates; retiring one (active = false) keeps
 * the changes raised from it.
 */
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import {
  ChangeTemplateInput,
  type ChangeTemplatePatch,
  type ChangeTemplateView,
} from '../../contracts/changes.ts';
import type { Db } from '../../db/client.ts';
import { lockAtVersion, writeNextVersion } from '../../db/version.ts';
import type { Actor } from '../../domain/roles.ts';
import { notFound } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { checkAssignment } from '../records/index.ts';
import { assertChangeManager, assertChangeReader } from './access.ts';
import { changeTemplates } from './schema.ts';

type TemplateRow = typeof changeTemplates.$inferSelect;

function present(t: TemplateRow): ChangeTemplateView {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    category: t.category,
    implementationPlan: t.implementationPlan,
    backoutPlan: t.backoutPlan,
    testPlan: t.testPlan,
    riskLevel: t.riskLevel as ChangeTemplateView['riskLevel'],
    durationMinutes: t.durationMinutes,
    groupId: t.groupId,
    serviceId: t.serviceId,
    active: t.active,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export async function templateRow(db: Db, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(changeTemplates).where(eq(changeTemplates.id, id));
  return row;
}

export async function listTemplates(
  ctx: AppContext,
  actor: Actor,
  active: 'true' | 'false' | 'all',
): Promise<ChangeTemplateView[]> {
  assertChangeReader(actor);
  const rows = await ctx.db
    .select()
    .from(changeTemplates)
    .where(active === 'all' ? undefined : eq(changeTemplates.active, active === 'true'))
    .orderBy(asc(changeTemplates.name))
    .limit(1000);
  return rows.map(present);
}

export async function getTemplate(ctx: AppContext, actor: Actor, id: string): Promise<ChangeTemplateView> {
  assertChangeReader(actor);
  const row = await templateRow(ctx.db, id);
  if (!row) throw notFound('Change template', id);
  return present(row);
}

export async function createTemplate(
  ctx: AppContext,
  actor: Actor,
  input: ChangeTemplateInput,
): Promise<ChangeTemplateView> {
  assertChangeManager(actor, 'keep the standard change templates');
  const values = ChangeTemplateInput.parse(input);
  await checkAssignment(ctx.db, null, values.groupId);
  const [row] = await ctx.db
    .insert(changeTemplates)
    .values({ ...values, createdBy: actor.userId })
    .returning();
  return present(row!);
}

export async function updateTemplate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: ChangeTemplatePatch,
  expectedVersion: number | undefined,
): Promise<ChangeTemplateView> {
  assertChangeManager(actor, 'keep the standard change templates');
  return ctx.db.transaction(async (tx) => {
    const row = await lockAtVersion(
      tx,
      changeTemplates,
      id,
      'Change template',
      expectedVersion,
      (r) => r.name,
    );
    if (patch.groupId) await checkAssignment(tx, null, patch.groupId);
    const set = defined(patch);
    const next = await writeNextVersion(tx, changeTemplates, row, set, ctx.clock.now());
    return present(next);
  });
}
