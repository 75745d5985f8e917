/** What leaves the API for an SLA, OLA or underpinning contract. */
import type { AgreementView as CAgreementView } from '../../contracts/service-levels.ts';
import type { Db } from '../../db/client.ts';
import type { AgreementKind } from '../../domain/sla/agreement.ts';
import { lookUpNames } from './names.ts';
import type { agreements } from './schema.ts';

export type AgreementRow = typeof agreements.$inferSelect;

export type AgreementView = CAgreementView;

export async function presentAgreements(db: Db, rows: AgreementRow[], now: Date): Promise<AgreementView[]> {
  const names = await lookUpNames(db, {
    services: rows.map((r) => r.serviceId),
    organisations: rows.flatMap((r) => [r.customerId, r.supplierId]),
    groups: rows.map((r) => r.groupId),
    users: rows.map((r) => r.agreedBy),
    calendars: rows.map((r) => r.calendarId),
  });
  const t = now.getTime();
  return rows.map((r) => ({
    id: r.id,
    lineageId: r.lineageId,
    versionNumber: r.versionNumber,
    kind: r.kind as AgreementKind,
    name: r.name,
    description: r.description,
    status: r.status as 'draft' | 'agreed',
    inForce:
      r.status === 'agreed' &&
      r.effectiveFrom.getTime() <= t &&
      (r.effectiveTo === null || t < r.effectiveTo.getTime()),
    service: names.service(r.serviceId),
    customer: names.organisation(r.customerId),
    group: names.group(r.groupId),
    supplier: names.organisation(r.supplierId),
    requirementId: r.requirementId,
    calendar: names.calendar(r.calendarId)!,
    targets: r.targets,
    warningThresholds: r.warningThresholds,
    recordTypes: r.recordTypes,
    priorities: r.priorities,
    availabilityTarget: r.availabilityTarget,
    obligations: r.obligations,
    onReassign: r.onReassign as 'restart' | 'continue',
    effectiveFrom: r.effectiveFrom.toISOString(),
    effectiveTo: r.effectiveTo?.toISOString() ?? null,
    agreedBy: names.user(r.agreedBy),
    agreedAt: r.agreedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}
