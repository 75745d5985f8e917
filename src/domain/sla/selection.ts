/**
 * Which agreement governs a record: among the agreed agreements of a kind whose scope matches the
 * record and that are in force at the reference instant, the most specific one wins.
 *
 * Specificity weighs what an agreement names, so a narrower agreement always beats a broader one:
 * a service (8) outweighs a customer (4), which outweighs a list of record types (2), which
 * outweighs a list of priorities (1). Ties go to the narrower priority list, then to the most
 * recent effective start, then to the highest version, then to the id (so the answer is stable).
 */
import type { AgreementKind } from './agreement.ts';

export type AgreementCandidate = {
  id: string;
  /** sla | ola | uc (a plain string so database rows qualify without a cast) */
  kind: string;
  status: string;
  versionNumber: number;
  serviceId: string | null;
  customerId: string | null;
  groupId: string | null;
  supplierId: string | null;
  recordTypes: readonly string[] | null;
  priorities: readonly number[] | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
};

export type SelectionFacts = {
  kind: AgreementKind;
  /** The instant at which the agreement must be in force (for an SLA: the record's creation). */
  at: Date;
  recordType: string;
  priority: number;
  serviceId: string | null;
  customerId: string | null;
  /** The support group an OLA must be for. */
  groupId?: string | null;
  /** The supplier an underpinning contract must be with. */
  supplierId?: string | null;
};

export const SPECIFICITY = { service: 8, customer: 4, recordTypes: 2, priorities: 1 } as const;

export function inForce(c: Pick<AgreementCandidate, 'effectiveFrom' | 'effectiveTo'>, at: Date): boolean {
  const t = at.getTime();
  return c.effectiveFrom.getTime() <= t && (c.effectiveTo === null || t < c.effectiveTo.getTime());
}

/** Whether the agreement applies to a record with these facts. */
export function matchesFacts(c: AgreementCandidate, f: SelectionFacts): boolean {
  if (c.kind !== f.kind || c.status !== 'agreed' || !inForce(c, f.at)) return false;
  if (c.serviceId !== null && c.serviceId !== f.serviceId) return false;
  if (c.customerId !== null && c.customerId !== f.customerId) return false;
  if (c.recordTypes !== null && !c.recordTypes.includes(f.recordType)) return false;
  if (c.priorities !== null && !c.priorities.includes(f.priority)) return false;
  // The party is what an OLA or UC is about: it never applies to another group or supplier.
  if (f.kind === 'ola' && c.groupId !== (f.groupId ?? null)) return false;
  if (f.kind === 'uc' && c.supplierId !== (f.supplierId ?? null)) return false;
  return true;
}

export function specificity(c: AgreementCandidate): number {
  return (
    (c.serviceId !== null ? SPECIFICITY.service : 0) +
    (c.customerId !== null ? SPECIFICITY.customer : 0) +
    (c.recordTypes !== null ? SPECIFICITY.recordTypes : 0) +
    (c.priorities !== null ? SPECIFICITY.priorities : 0)
  );
}

/** Negative when `a` should win over `b`. */
export function compareCandidates(a: AgreementCandidate, b: AgreementCandidate): number {
  return (
    specificity(b) - specificity(a) ||
    (a.priorities?.length ?? 6) - (b.priorities?.length ?? 6) ||
    (a.recordTypes?.length ?? Number.MAX_SAFE_INTEGER) - (b.recordTypes?.length ?? Number.MAX_SAFE_INTEGER) ||
    b.effectiveFrom.getTime() - a.effectiveFrom.getTime() ||
    b.versionNumber - a.versionNumber ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The governing agreement for the facts, or null when none applies. */
export function selectAgreement<T extends AgreementCandidate>(
  candidates: readonly T[],
  facts: SelectionFacts,
): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (!matchesFacts(c, facts)) continue;
    if (best === null || compareCandidates(c, best) < 0) best = c;
  }
  return best;
}
