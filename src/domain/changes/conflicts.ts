/**
 * Conflict detection for a change being scheduled, without I/O. A candidate (its planned start and
 * end, its CIs and services) is checked against the other scheduled changes that overlap it in
 * time and against the windows that concern it:
 *
 * - overlap_same_ci: another change works on one of the same CIs at the same time;
 * - overlap_dependent_ci: another change works on a CI that one of the candidate's CIs depends on,
 *   or that depends on one of them, directly or through other CIs (the CMDB graph);
 * - overlap_shared_service: both changes touch CIs that a common service depends on (or name the
 *   same service);
 * - freeze: the change falls in a freeze window, global or on a service it affects;
 * - outside_maintenance: the change is not entirely inside the maintenance windows of one of its
 *   CIs or services (only a CI or service that has maintenance windows is held to them).
 *
 * Each other change gives at most one conflict, the most specific. The graph is asked through
 * `ConflictGraph`, which the loader builds from the CMDB's graph index (see `conflictGraph`).
 */
import type { GraphProbe } from '../cmdb/graph-index.ts';
import type { ConflictKind } from './kinds.ts';
import { type Occurrence, occurrencesOf, type ScheduleWindow } from './windows.ts';

export { CONFLICT_KINDS, type ConflictKind } from './kinds.ts';

export type Conflict = {
  kind: ConflictKind;
  /** Why, in a sentence a change requester and the CAB read. */
  reason: string;
  otherRecordId?: string;
  otherNumber?: string;
  windowId?: string;
  ciIds: string[];
  /** The services the conflict is about (shared service, freeze of a service, service window). */
  serviceIds?: string[];
};

/** A change on the schedule, as a schedule source lists it. */
export type ScheduledItem = {
  recordId: string;
  number: string;
  title: string;
  state: string;
  changeType: string;
  start: Date;
  end: Date;
  ciIds: string[];
  serviceIds: string[];
  groupId: string | null;
};

export type ConflictCandidate = {
  recordId?: string | undefined;
  start: Date;
  end: Date;
  ciIds: string[];
  serviceIds: string[];
};

/** What conflict detection needs to know of the CMDB graph around the candidate. */
export type ConflictGraph = {
  /** A candidate CI that depends, directly or transitively, on `ciId`; null when none does. */
  dependentOn(ciId: string): string | null;
  /** A candidate CI that `ciId` depends on, directly or transitively; null when none. */
  dependencyOf(ciId: string): string | null;
  /** Whether the candidate affects the service: it names it, or its CIs support it. */
  servesService(id: string): boolean;
  /**
   * Services both the candidate and another change affect (through their CIs, or named): all the
   * named ones, and through CIs the nearest one shared, which is enough to tell a conflict.
   */
  sharedServices(item: ScheduledItem): string[];
  /** A CI's or service's name for reasons. */
  name(id: string): string;
};

/**
 * Questions about the walk from some CIs, each answered only as far as it needs (the CMDB graph
 * index searches from both ends, see `CiGraphIndex.probe`).
 */
export type ProbeFrom = (roots: string[], direction: 'impact' | 'dependencies') => GraphProbe;

export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean =>
  a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

const pad = (n: number) => String(n).padStart(2, '0');
/** `2026-12-05 02:00 UTC`: reasons are read by people in several zones, so they say UTC. */
export function formatInstant(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
const span = (a: { start: Date; end: Date }) => `from ${formatInstant(a.start)} to ${formatInstant(a.end)}`;

/**
 * The graph answers for one candidate, from probes of the CMDB graph index: one from all the
 * candidate's CIs in each direction, made when a question first needs it, so a check that meets no
 * other change in its time slot asks nothing of the graph (unless a service freeze applies). Each
 * question searches from both ends and stops when they meet, so related CIs cost their
 * neighbourhoods, not the whole walk (which on a large CMDB covers much of it):
 * - whether another CI is upstream or downstream of a candidate CI, and which one;
 * - whether the candidate affects a service (one it names, or one its CIs' walk up reaches);
 * - whether another change shares a service with it: walks up from both change's CIs reach a common
 *   CI that a service depends on (then the service nearest to it is the one named), or a service
 *   the candidate names depends on one of the other change's CIs.
 */
export function conflictGraph(
  probe: ProbeFrom,
  candidate: Pick<ConflictCandidate, 'ciIds' | 'serviceIds'>,
  name: (id: string) => string,
): ConflictGraph {
  const roots = [...new Set(candidate.ciIds)];
  const named = new Set(candidate.serviceIds);
  const once = <T>(make: () => T) => {
    let value: T | undefined;
    return () => {
      value ??= make();
      return value;
    };
  };
  const up = once(() => probe(roots, 'dependencies'));
  const down = once(() => probe(roots, 'impact'));
  const underNamed = once(() => probe([...named], 'dependencies'));
  /** A candidate CI whose walk reaches `ciId` (another one, when `ciId` is a candidate CI). */
  const rootReaching = (direction: 'impact' | 'dependencies', all: () => GraphProbe, ciId: string) => {
    if (roots.length === 0) return null;
    const from = all().reaches(ciId);
    if (from !== ciId) return from;
    const rest = roots.filter((c) => c !== ciId);
    return rest.length > 0 ? probe(rest, direction).reaches(ciId) : null;
  };
  const servesService = (id: string) => named.has(id) || (roots.length > 0 && down().reaches(id) !== null);
  return {
    dependentOn: (ciId) => rootReaching('dependencies', up, ciId),
    dependencyOf: (ciId) => rootReaching('impact', down, ciId),
    servesService,
    sharedServices(item) {
      const shared = new Set(item.serviceIds.filter(servesService));
      if (item.ciIds.length > 0) {
        const s = roots.length > 0 ? down().sharedService(item.ciIds) : null;
        if (s !== null) shared.add(s);
        if (named.size > 0) {
          // A service the candidate names that one of the other change's CIs supports.
          for (const ci of item.ciIds) {
            const service = underNamed().reaches(ci);
            if (service !== null) shared.add(service);
          }
        }
      }
      return [...shared].sort();
    },
    name,
  };
}

const quote = (s: string) => `“${s}”`;

function againstOther(c: ConflictCandidate, o: ScheduledItem, g: ConflictGraph): Conflict | null {
  const base = { otherRecordId: o.recordId, otherNumber: o.number };
  const who = `${o.number} ${quote(o.title)}`;
  const mine = new Set(c.ciIds);
  const same = [...new Set(o.ciIds.filter((id) => mine.has(id)))];
  if (same.length > 0)
    return {
      kind: 'overlap_same_ci',
      reason: `${who} works on the same CI (${same.map((id) => g.name(id)).join(', ')}) ${span(o)}.`,
      ciIds: same,
      ...base,
    };
  for (const d of o.ciIds) {
    const dependent = g.dependentOn(d);
    if (dependent !== null)
      return {
        kind: 'overlap_dependent_ci',
        reason: `${who} works on ${g.name(d)}, which ${g.name(dependent)} depends on, ${span(o)}.`,
        ciIds: [dependent, d],
        ...base,
      };
    const dependency = g.dependencyOf(d);
    if (dependency !== null)
      return {
        kind: 'overlap_dependent_ci',
        reason: `${who} works on ${g.name(d)}, which depends on ${g.name(dependency)}, ${span(o)}.`,
        ciIds: [dependency, d],
        ...base,
      };
  }
  const shared = g.sharedServices(o);
  if (shared.length > 0) {
    const names = shared.slice(0, 3).map((s) => g.name(s));
    const more = shared.length > 3 ? ` and ${shared.length - 3} more` : '';
    return {
      kind: 'overlap_shared_service',
      reason: `${who} affects the same service (${names.join(', ')}${more}) ${span(o)}.`,
      ciIds: [...new Set([...c.ciIds, ...o.ciIds])],
      serviceIds: shared,
      ...base,
    };
  }
  return null;
}

/** Union of occurrences, merged where they touch or overlap, in start order. */
function union(occ: Occurrence[]): { start: number; end: number }[] {
  const sorted = occ
    .map((o) => ({ start: o.start.getTime(), end: o.end.getTime() }))
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const o of sorted) {
    const last = out.at(-1);
    if (last && o.start <= last.end) last.end = Math.max(last.end, o.end);
    else out.push({ ...o });
  }
  return out;
}

function freezes(c: ConflictCandidate, windows: readonly ScheduleWindow[], g: ConflictGraph): Conflict[] {
  const out: Conflict[] = [];
  for (const w of windows) {
    if (w.kind !== 'freeze') continue;
    const [hit] = occurrencesOf(w, c.start, c.end);
    if (!hit) continue;
    if (w.serviceId !== null && !g.servesService(w.serviceId)) continue;
    const where = w.serviceId === null ? 'global freeze' : `freeze of ${g.name(w.serviceId)}`;
    out.push({
      kind: 'freeze',
      reason: `The change falls in the ${where} ${quote(w.name)} (${span(hit)}).`,
      windowId: w.id,
      ciIds: [],
      ...(w.serviceId !== null ? { serviceIds: [w.serviceId] } : {}),
    });
  }
  return out;
}

function outsideMaintenance(
  c: ConflictCandidate,
  windows: readonly ScheduleWindow[],
  g: ConflictGraph,
): Conflict[] {
  const out: Conflict[] = [];
  const subjects = [...new Set([...c.ciIds, ...c.serviceIds])];
  for (const s of subjects) {
    const own = windows.filter((w) => w.kind === 'maintenance' && (w.ciId === s || w.serviceId === s));
    if (own.length === 0) continue;
    const covered = union(own.flatMap((w) => occurrencesOf(w, c.start, c.end))).some(
      (u) => u.start <= c.start.getTime() && u.end >= c.end.getTime(),
    );
    if (covered) continue;
    const isService = own.every((w) => w.serviceId === s) && !c.ciIds.includes(s);
    const names = own.slice(0, 3).map((w) => quote(w.name));
    out.push({
      kind: 'outside_maintenance',
      reason: `The change is not inside a maintenance window of ${g.name(s)} (${names.join(', ')}${own.length > 3 ? ', …' : ''}).`,
      windowId: own[0]!.id,
      ciIds: isService ? [] : [s],
      ...(isService ? { serviceIds: [s] } : {}),
    });
  }
  return out;
}

/**
 * Every conflict of the candidate: with each other change overlapping it (its own record left
 * out), then freezes, then maintenance windows it is outside of.
 */
export function detectConflicts(
  candidate: ConflictCandidate,
  others: readonly ScheduledItem[],
  windows: readonly ScheduleWindow[],
  graph: ConflictGraph,
): Conflict[] {
  const out: Conflict[] = [];
  for (const o of others) {
    if (candidate.recordId !== undefined && o.recordId === candidate.recordId) continue;
    if (!overlaps(candidate, o)) continue;
    const hit = againstOther(candidate, o, graph);
    if (hit) out.push(hit);
  }
  out.push(...freezes(candidate, windows, graph), ...outsideMaintenance(candidate, windows, graph));
  return out;
}
