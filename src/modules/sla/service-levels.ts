/**
 * A service with everything agreed about it: its requirements (SLRs), the SLAs made for it, the
 * OLAs of the groups supporting it (service-specific ones, and group-wide ones of its support
 * group) and its underpinning contracts.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/roles.ts';
import { can } from '../../domain/roles.ts';
import { getService } from '../catalog/index.ts';
import { type AgreementView, presentAgreements } from './agreement-present.ts';
import { presentRequirements } from './requirements.ts';
import { agreements, serviceLevelRequirements } from './schema.ts';

export async function getServiceDetail(ctx: AppContext, actor: Actor, serviceId: string) {
  const service = await getService(ctx, actor, serviceId);
  if (!can(actor, 'service_level.read'))
    return { ...service, serviceLevels: { requirements: [], slas: [], olas: [], ucs: [] } };
  const groupId = service.supportGroup?.id;
  const [slrRows, agreementRows] = await Promise.all([
    ctx.db
      .select()
      .from(serviceLevelRequirements)
      .where(eq(serviceLevelRequirements.serviceId, serviceId))
      .orderBy(asc(serviceLevelRequirements.createdAt)),
    ctx.db
      .select()
      .from(agreements)
      .where(
        or(
          eq(agreements.serviceId, serviceId),
          groupId
            ? and(eq(agreements.kind, 'ola'), isNull(agreements.serviceId), eq(agreements.groupId, groupId))
            : undefined,
        ),
      )
      .orderBy(asc(agreements.name), asc(agreements.versionNumber)),
  ]);
  const presented = await presentAgreements(ctx.db, agreementRows, ctx.clock.now());
  const ofKind = (k: AgreementView['kind']) => presented.filter((a) => a.kind === k);
  return {
    ...service,
    serviceLevels: {
      requirements: await presentRequirements(ctx.db, slrRows),
      slas: ofKind('sla'),
      olas: ofKind('ola'),
      ucs: ofKind('uc'),
    },
  };
}
