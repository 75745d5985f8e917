/**
 * A service's status on the public status page, derived from what is going on: open major
 * incidents on the service itself or on what it depends on, work reported by status sources
 * (changes in progress, maintenance windows) and a manual override by the service desk. Pure.
 */

export const SERVICE_STATUSES = [
  'operational',
  'degraded',
  'under_maintenance',
  'partial_outage',
  'major_outage',
] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const STATUS_LABELS: Record<ServiceStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  under_maintenance: 'Under maintenance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/** How bad a status is: the worst cause wins. */
export const SEVERITY: Record<ServiceStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function worst(statuses: Iterable<ServiceStatus>): ServiceStatus {
  let w: ServiceStatus = 'operational';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[w]) w = s;
  return w;
}

/** Something that makes a service less than operational, and why. */
export type StatusCause =
  | {
      kind: 'major_incident';
      /** The record of the major incident. */
      id: string;
      title: string;
      /** 0: the incident is on the service itself; more: on something it depends on, this many steps away. */
      depth: number;
    }
  | {
      kind: 'source';
      /** The source's key and its item's id, e.g. `changes:CHG0001001`. */
      id: string;
      title: string;
      /** What the item does to the service while it is in progress. */
      impact: Exclude<ServiceStatus, 'operational'>;
      start: Date;
      end: Date | null;
    };

export type Override = { status: ServiceStatus; note: string | null } | null;

export type Derived = {
  status: ServiceStatus;
  /** What the status was derived from (empty when operational or overridden without a cause). */
  causes: StatusCause[];
  /** The status was set by hand. */
  overridden: boolean;
  /** The status the causes alone give (equal to status when not overridden). */
  derived: ServiceStatus;
};

/** What one cause does to a service at `now` (null when it does nothing now). */
export function statusOfCause(cause: StatusCause, now: Date): ServiceStatus | null {
  if (cause.kind === 'major_incident') return cause.depth === 0 ? 'major_outage' : 'partial_outage';
  const t = now.getTime();
  if (cause.start.getTime() > t) return null;
  if (cause.end && cause.end.getTime() <= t) return null;
  return cause.impact;
}

/**
 * The status of one service: the override when there is one, otherwise the worst of the causes
 * acting now; a major incident on the service itself is a major outage, one on a service or CI
 * it depends on a partial outage, a source item its own impact while it runs.
 */
export function deriveStatus(causes: readonly StatusCause[], override: Override, now: Date): Derived {
  const acting = causes.filter((c) => statusOfCause(c, now) !== null);
  const derived = worst(acting.map((c) => statusOfCause(c, now)!));
  return {
    status: override ? override.status : derived,
    derived,
    overridden: override !== null,
    causes: acting,
  };
}

/** The status of the page as a whole: the worst of its services. */
export function overallStatus(statuses: Iterable<ServiceStatus>): ServiceStatus {
  return worst(statuses);
}
