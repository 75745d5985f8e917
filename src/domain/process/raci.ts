/**
 * RACI matrices (ITIL process roles and responsibilities): for each activity of a process, who is
 * Responsible, Accountable, Consulted and Informed, named by role or by group, plus the process
 * owner and process manager. Pure: validation, who may decide, and whom to tell.
 */
import { ROLES, type Role } from '../roles.ts';

export type RaciRef = { kind: 'role'; role: Role } | { kind: 'group'; groupId: string };

export type RaciActivity = {
  key: string;
  label: string;
  responsible: RaciRef[];
  accountable: RaciRef[];
  consulted: RaciRef[];
  informed: RaciRef[];
};

export type Raci = {
  processOwnerId: string | null;
  processManagerId: string | null;
  activities: RaciActivity[];
};

/** Activities where the matrix decides who may act, not only who is told. */
export const ENFORCED_ACTIVITIES = ['approve', 'close'] as const;

const role = (r: Role): RaciRef => ({ kind: 'role', role: r });

export function defaultRaci(process: string): Raci {
  const desk = [role('agent')];
  const manager = [role('service_manager')];
  const owner = [role('process_owner')];
  const activities: RaciActivity[] = [
    { key: 'log', label: 'Log', responsible: desk, accountable: manager, consulted: [], informed: [] },
    {
      key: 'classify',
      label: 'Classify and prioritise',
      responsible: desk,
      accountable: manager,
      consulted: [],
      informed: [],
    },
    { key: 'assign', label: 'Assign', responsible: desk, accountable: manager, consulted: [], informed: [] },
    {
      key: 'resolve',
      label: 'Resolve',
      responsible: desk,
      accountable: manager,
      consulted: [role('service_owner')],
      informed: [],
    },
    {
      key: 'close',
      label: 'Close',
      responsible: [...desk, ...manager],
      accountable: manager,
      consulted: [],
      informed: [role('service_owner')],
    },
    {
      key: 'review',
      label: 'Review and improve',
      responsible: manager,
      accountable: owner,
      consulted: [role('service_owner')],
      informed: [role('auditor')],
    },
  ];
  if (process === 'change' || process === 'request') {
    activities.splice(3, 0, {
      key: 'approve',
      label: 'Approve',
      responsible:
        process === 'change'
          ? [role('cab_member'), role('change_manager')]
          : [role('approver'), role('service_manager')],
      accountable: process === 'change' ? [role('change_manager')] : manager,
      consulted: [role('service_owner')],
      informed: [],
    });
  }
  return { processOwnerId: null, processManagerId: null, activities };
}

export function validateRaci(raci: Raci): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of raci.activities) {
    if (seen.has(a.key)) problems.push(`Activity "${a.key}" is listed twice.`);
    seen.add(a.key);
    // ITIL's rule: exactly one party is accountable for an activity.
    if (a.accountable.length !== 1)
      problems.push(
        `Activity "${a.label}" needs exactly one accountable party (it has ${a.accountable.length}).`,
      );
    if (a.responsible.length === 0)
      problems.push(`Activity "${a.label}" needs at least one responsible party.`);
    for (const ref of [...a.responsible, ...a.accountable, ...a.consulted, ...a.informed]) {
      if (ref.kind === 'role' && !(ROLES as readonly string[]).includes(ref.role))
        problems.push(`Activity "${a.label}" names unknown role "${ref.role}".`);
    }
  }
  return problems;
}

export type RaciActor = { roles: readonly Role[]; groupIds: readonly string[] };

const matches = (ref: RaciRef, actor: RaciActor) =>
  ref.kind === 'role' ? actor.roles.includes(ref.role) : actor.groupIds.includes(ref.groupId);

/**
 * Whether the actor may perform an enforced activity: they must be Responsible or Accountable.
 * Activities the matrix does not enforce, or does not list, are left to the lifecycle's roles.
 */
export function raciAllows(raci: Raci, activity: string, actor: RaciActor): boolean {
  if (!(ENFORCED_ACTIVITIES as readonly string[]).includes(activity)) return true;
  const a = raci.activities.find((x) => x.key === activity);
  if (!a) return true;
  return [...a.responsible, ...a.accountable].some((ref) => matches(ref, actor));
}

/** The parties to notify about an activity: Consulted and Informed. */
export function raciAudience(raci: Raci, activity: string): RaciRef[] {
  const a = raci.activities.find((x) => x.key === activity);
  return a ? [...a.consulted, ...a.informed] : [];
}

export function describeRefs(refs: RaciRef[], groupNames: Map<string, string>): string {
  return refs
    .map((r) => (r.kind === 'role' ? r.role.replace('_', ' ') : (groupNames.get(r.groupId) ?? 'a group')))
    .join(', ');
}
