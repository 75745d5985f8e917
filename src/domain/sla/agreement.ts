/**
 * The terms of a service level agreement, operational level agreement or underpinning contract:
 * response and resolution targets per priority, warning thresholds, scope and effective window.
 * Pure validation and lookup; the SLA module stores the terms and starts clocks from them.
 */

export const AGREEMENT_KINDS = ['sla', 'ola', 'uc'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  sla: 'Service level agreement',
  ola: 'Operational level agreement',
  uc: 'Underpinning contract',
};

export const METRICS = ['response', 'resolution'] as const;
export type Metric = (typeof METRICS)[number];

export const PRIORITIES = [1, 2, 3, 4, 5] as const;

/** Warnings at 75 % and 90 % of the target unless an agreement says otherwise. */
export const DEFAULT_WARNING_THRESHOLDS: readonly number[] = [75, 90];
/** The breach is the 100 % threshold of the same mechanism. */
export const BREACH_PERCENT = 100;

/** A year of working minutes is far beyond any real target; anything longer is a typing error. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

export type PriorityTarget = { priority: number; responseMinutes: number; resolutionMinutes: number };

export type AgreementTerms = {
  targets: readonly PriorityTarget[];
  warningThresholds: readonly number[];
  /** Priorities the agreement covers; null = all. */
  priorities: readonly number[] | null;
  /** Record types the agreement covers (incident, request…); null = all. */
  recordTypes: readonly string[] | null;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** Availability target in percent, for the service review; null when not agreed. */
  availabilityTarget: number | null;
};

export type TermsIssue = { field: string; message: string };

const isWholeIn = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

function validateTarget(t: PriorityTarget, i: number, issues: TermsIssue[]): void {
  const at = `targets[${i}]`;
  if (!isWholeIn(t.priority, 1, 5)) {
    issues.push({ field: `${at}.priority`, message: 'The priority must be a whole number from 1 to 5.' });
  }
  for (const metric of METRICS) {
    const key = metric === 'response' ? 'responseMinutes' : 'resolutionMinutes';
    const v = t[key];
    if (!Number.isInteger(v) || v <= 0) {
      issues.push({
        field: `${at}.${key}`,
        message: `The ${metric} target must be a whole number of minutes greater than zero, got ${v}.`,
      });
    } else if (v > MAX_TARGET_MINUTES) {
      issues.push({
        field: `${at}.${key}`,
        message: `The ${metric} target may be at most ${MAX_TARGET_MINUTES} minutes (366 days).`,
      });
    }
  }
  if (t.resolutionMinutes > 0 && t.responseMinutes > t.resolutionMinutes) {
    issues.push({
      field: `${at}.resolutionMinutes`,
      message: `Priority ${t.priority}: the resolution target (${t.resolutionMinutes} min) is shorter than the response target (${t.responseMinutes} min).`,
    });
  }
}

function validateScope(terms: AgreementTerms, issues: TermsIssue[]): void {
  if (terms.priorities !== null) {
    if (terms.priorities.length === 0)
      issues.push({ field: 'priorities', message: 'List at least one priority, or leave it empty for all.' });
    if (new Set(terms.priorities).size !== terms.priorities.length)
      issues.push({ field: 'priorities', message: 'A priority is listed twice.' });
    terms.priorities.forEach((p, i) => {
      if (!isWholeIn(p, 1, 5))
        issues.push({ field: `priorities[${i}]`, message: 'Priorities are whole numbers from 1 to 5.' });
    });
  }
  if (terms.recordTypes !== null && terms.recordTypes.length === 0) {
    issues.push({
      field: 'recordTypes',
      message: 'List at least one record type, or leave it empty for all.',
    });
  }
}

function validateThresholds(thresholds: readonly number[], issues: TermsIssue[]): void {
  if (thresholds.length > 5)
    issues.push({ field: 'warningThresholds', message: 'At most five warning thresholds.' });
  thresholds.forEach((p, i) => {
    if (!isWholeIn(p, 1, 99)) {
      issues.push({
        field: `warningThresholds[${i}]`,
        message: `A warning threshold is a whole percentage from 1 to 99 (100 % is the breach), got ${p}.`,
      });
    } else if (i > 0 && p <= thresholds[i - 1]!) {
      issues.push({
        field: `warningThresholds[${i}]`,
        message: 'Warning thresholds must be listed in ascending order without repeats.',
      });
    }
  });
}

/** Problems with an agreement's terms, each tied to a field; an empty list means usable. */
export function validateTerms(terms: AgreementTerms): TermsIssue[] {
  const issues: TermsIssue[] = [];
  terms.targets.forEach((t, i) => {
    validateTarget(t, i, issues);
  });
  const seen = new Set<number>();
  terms.targets.forEach((t, i) => {
    if (seen.has(t.priority))
      issues.push({ field: `targets[${i}].priority`, message: `Priority ${t.priority} has two targets.` });
    seen.add(t.priority);
  });
  validateScope(terms, issues);
  const covered = terms.priorities ?? PRIORITIES;
  const missing = covered.filter((p) => isWholeIn(p, 1, 5) && !seen.has(p));
  if (missing.length > 0) {
    issues.push({
      field: 'targets',
      message: `No targets for priority ${missing.join(', ')}, which this agreement covers.`,
    });
  }
  validateThresholds(terms.warningThresholds, issues);
  if (terms.effectiveTo !== null && terms.effectiveTo.getTime() <= terms.effectiveFrom.getTime()) {
    issues.push({ field: 'effectiveTo', message: 'The agreement must end after it starts.' });
  }
  const a = terms.availabilityTarget;
  if (a !== null && !(Number.isFinite(a) && a > 0 && a <= 100)) {
    issues.push({
      field: 'availabilityTarget',
      message: 'The availability target is a percentage above 0 and at most 100.',
    });
  }
  return issues;
}

/** The target in working seconds for a priority and metric, or null when the terms set none. */
export function targetSeconds(
  targets: readonly PriorityTarget[],
  priority: number,
  metric: Metric,
): number | null {
  const t = targets.find((x) => x.priority === priority);
  if (!t) return null;
  return (metric === 'response' ? t.responseMinutes : t.resolutionMinutes) * 60;
}
