/**
 * Each process's escalation policy, kept with the other process settings (`<process>.escalation`)
 * and falling back to the shipped default until an admin or process owner saves one.
 */
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import {
  DEFAULT_ESCALATION_POLICY,
  type EscalationPolicy,
  validateEscalationPolicy,
} from '../../domain/escalation/policy.ts';
import type { Actor } from '../../domain/roles.ts';
import { invalid } from '../../errors.ts';
import { groups } from '../auth/index.ts';
import {
  assertMayChangeSettings,
  getRaci,
  type ProcessKey,
  readSettingOr,
  writeSetting,
} from '../settings/index.ts';

const keyOf = (process: ProcessKey) => `${process}.escalation`;

export async function getEscalationPolicy(
  db: Db,
  process: ProcessKey,
): Promise<{ value: EscalationPolicy; version: number }> {
  return readSettingOr(db, keyOf(process), DEFAULT_ESCALATION_POLICY);
}

/**
 * Replace the policy. Besides its shape, every group of the support levels must exist and be
 * active, and the RACI activities the rules name must be in the process's matrix, so a policy
 * never makes an escalation fail later.
 */
export async function setEscalationPolicy(
  ctx: AppContext,
  actor: Actor,
  process: ProcessKey,
  policy: EscalationPolicy,
  expectedVersion: number | undefined,
  ip: string | null,
) {
  assertMayChangeSettings(actor, 'the escalation policy');
  const errors = validateEscalationPolicy(policy);
  const ids = [...new Set(policy.supportLevels.flatMap((l) => [l.groupId, l.nextGroupId]))];
  const active = new Set(
    ids.length
      ? (
          await ctx.db
            .select({ id: groups.id, active: groups.active })
            .from(groups)
            .where(inArray(groups.id, ids))
        )
          .filter((g) => g.active)
          .map((g) => g.id)
      : [],
  );
  policy.supportLevels.forEach((l, i) => {
    for (const field of ['groupId', 'nextGroupId'] as const)
      if (!active.has(l[field]))
        errors.push({ field: `policy.supportLevels.${i}.${field}`, message: 'no active group with this id' });
  });
  const { value: raci } = await getRaci(ctx.db, process);
  const activities = new Set(raci.activities.map((a) => a.key));
  policy.rules.forEach((r, i) => {
    if (!activities.has(r.raciActivity))
      errors.push({
        field: `policy.rules.${i}.raciActivity`,
        message: `not an activity of the ${process} RACI matrix (${[...activities].join(', ')})`,
      });
  });
  if (errors.length)
    throw invalid(
      errors,
      `The escalation policy has problems: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`,
    );
  const version = await writeSetting(ctx, actor, keyOf(process), policy, expectedVersion, ip);
  return { value: policy, version };
}
