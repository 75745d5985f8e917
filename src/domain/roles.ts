/**
 * Roles of an ITSM organisation and the permission rules that hang on them. Pure: the service
 * layer asks `can(actor, action)` and `canOnRecord(...)`; the API returns the answers with each
 * record so the UI shows only what a user may do.
 */

export const ROLES = [
  'admin',
  'service_manager',
  'service_owner',
  'process_owner',
  'agent',
  'change_manager',
  'cab_member',
  'approver',
  'requester',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  service_manager: 'Service manager',
  service_owner: 'Service owner',
  process_owner: 'Process owner',
  agent: 'Agent',
  change_manager: 'Change manager',
  cab_member: 'CAB member',
  approver: 'Approver',
  requester: 'Requester',
  auditor: 'Auditor (read-only)',
};

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who is acting: a signed-in user (scopes null) or an API token (scopes set). */
export type Actor = {
  userId: string;
  roles: readonly Role[];
  groupIds: readonly string[];
  scopes: readonly TokenScope[] | null;
  /**
   * The user's organisation as their sign-in read it; undefined where it was not read (an actor
   * built for a job or a test). Kept with the cached sign-in, which a change of it drops.
   */
  organisationId?: string | null;
};

/** The user behind an action; null when the system acts (first admin, demo data, the CLI). */
export const actingUserId = (actor: Actor | 'system'): string | null =>
  actor === 'system' ? null : actor.userId;

/** Everyone but approvers and requesters reads all records. */
const READ_ALL: Role[] = ROLES.filter((r) => r !== 'approver' && r !== 'requester');
const WORKERS: Role[] = ['admin', 'service_manager', 'process_owner', 'agent'];
/** Who maintains the CMDB, assets and licences day to day. */
const CMDB_KEEPERS: Role[] = ['admin', 'service_manager', 'agent'];
/** Who reads all records and may also write internal content: all of them but the auditor. */
const INTERNAL_WRITERS: Role[] = READ_ALL.filter((r) => r !== 'auditor');

type ActionRule = { roles: Role[] | 'any'; scope: TokenScope };

/**
 * Roles that read and never change anything. Someone who holds only these passes no rule of
 * write or admin scope, whatever the rule's roles say ("any" and being involved in a record
 * included), except the self-service actions below.
 */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor'];
/** What a read-only person may still do: keep their own credentials (tokens are read-only). */
const READ_ONLY_MAY = new Set<string>(['token.manage_own']);

export function isReadOnly(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.length > 0 && actor.roles.every((r) => READ_ONLY_ROLES.includes(r));
}

/** The single table of role-level permissions. */
export const ACTIONS = {
  'record.read_all': { roles: READ_ALL, scope: 'read' },
  'record.create': { roles: 'any', scope: 'write' },
  'record.create_for_others': { roles: WORKERS, scope: 'write' },
  'record.update': { roles: WORKERS, scope: 'write' },
  'record.assign': { roles: WORKERS, scope: 'write' },
  'comment.read_internal': { roles: READ_ALL, scope: 'read' },
  'comment.write_internal': { roles: INTERNAL_WRITERS, scope: 'write' },
  'user.read': { roles: [...READ_ALL, 'approver'], scope: 'read' },
  'user.manage': { roles: ['admin'], scope: 'admin' },
  'group.read': { roles: [...READ_ALL, 'approver'], scope: 'read' },
  'group.manage': { roles: ['admin', 'service_manager'], scope: 'admin' },
  'audit.read': { roles: ['admin', 'auditor'], scope: 'read' },
  'settings.read': { roles: READ_ALL, scope: 'read' },
  'settings.manage': { roles: ['admin', 'process_owner'], scope: 'admin' },
  'token.manage_own': { roles: 'any', scope: 'admin' },
  /** One's own name, title, phone and time zone. */
  'profile.edit_own': { roles: 'any', scope: 'write' },
  'incident.declare_major': { roles: ['admin', 'service_manager', 'process_owner'], scope: 'write' },
  'organisation.read': { roles: READ_ALL, scope: 'read' },
  'organisation.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** The portal catalog (live business services and their request items): every signed-in person. */
  'catalog.read': { roles: 'any', scope: 'read' },
  'catalog.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  'request.order': { roles: 'any', scope: 'write' },
  /** Eligibility to approve is decided per request by its policy; this is only the credential. */
  'approval.decide': { roles: 'any', scope: 'write' },
  'request_task.work': { roles: WORKERS, scope: 'write' },
  /** Work any fulfilment task, not only those of one's own groups. */
  'request_task.work_any': { roles: ['admin', 'service_manager'], scope: 'write' },
  'service.read': { roles: READ_ALL, scope: 'read' },
  'service.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** Edit a service one owns (checked against the service's owner by the catalog module). */
  'service.edit_own': { roles: ['service_owner'], scope: 'write' },
  /** SLRs, SLAs, OLAs, underpinning contracts and business calendars. */
  'service_level.read': { roles: READ_ALL, scope: 'read' },
  'service_level.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** OLA and underpinning-contract clocks on records; requesters see only their SLA clocks. */
  'sla.read_internal': { roles: READ_ALL, scope: 'read' },
  'supplier.engage': { roles: WORKERS, scope: 'write' },
  'cmdb.read': { roles: READ_ALL, scope: 'read' },
  'cmdb.manage': { roles: CMDB_KEEPERS, scope: 'write' },
  'cmdb.class.manage': { roles: ['admin'], scope: 'admin' },
  'cmdb.import': { roles: CMDB_KEEPERS, scope: 'write' },
  'asset.read': { roles: READ_ALL, scope: 'read' },
  'asset.manage': { roles: CMDB_KEEPERS, scope: 'write' },
  'contract.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** The change calendar, maintenance and freeze windows, conflict checks. */
  'change_schedule.read': { roles: READ_ALL, scope: 'read' },
  'change_schedule.manage': { roles: ['admin', 'service_manager', 'change_manager'], scope: 'write' },
  /** Announcements to requesters and staff. */
  'announcement.manage': { roles: ['admin', 'service_manager', 'process_owner'], scope: 'write' },
  /** Status page updates and overrides: the service desk. */
  'status_page.update': { roles: WORKERS, scope: 'write' },
  /** Which services the status page shows, turning it on and off, the subscriber list. */
  'status_page.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** Internal knowledge articles, drafts and retired articles. */
  'knowledge.read_internal': { roles: READ_ALL, scope: 'read' },
  /** Write articles and submit them for review (publishing is for the category's reviewers). */
  'knowledge.write': { roles: INTERNAL_WRITERS, scope: 'write' },
  /** Knowledge categories and their reviewers. */
  'knowledge.manage': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** Read published articles meant for one, give feedback, say an article solved one's problem. */
  'knowledge.read': { roles: 'any', scope: 'read' },
  'knowledge.feedback': { roles: 'any', scope: 'write' },
  /** KPIs, dashboards, drill-downs, reports and their exports: internal data, never requesters. */
  'report.read': { roles: READ_ALL, scope: 'read' },
  /** Arrange one's own dashboards and share them. */
  'dashboard.manage': { roles: INTERNAL_WRITERS, scope: 'write' },
  /** Time entries on records and the time report: internal data, never requesters. */
  'time.read': { roles: READ_ALL, scope: 'read' },
  /** Log one's own work time on records (manual entries and the timer). */
  'time.log': { roles: INTERNAL_WRITERS, scope: 'write' },
  /** Correct or delete other people's time entries. */
  'time.manage_any': { roles: ['admin', 'service_manager'], scope: 'write' },
  /** Mail reports on a schedule to people and groups. */
  'report.schedule': { roles: ['admin', 'service_manager', 'process_owner'], scope: 'write' },
  /** Raise improvements (from a KPI off target, a problem, a review, or on one's own). */
  'improvement.raise': { roles: WORKERS, scope: 'write' },
  /** How improvement suggestions are made (thresholds, which KPIs). */
  'improvement.configure': { roles: ['admin', 'service_manager', 'process_owner'], scope: 'write' },
  /**
   * The change manager's part: assess, send to the board, veto, override conflicts, close after
   * review, keep the templates, the risk questionnaire and the boards.
   */
  'change.manage': { roles: ['admin', 'change_manager'], scope: 'write' },
} as const satisfies Record<string, ActionRule>;
export type Action = keyof typeof ACTIONS;

const SCOPE_RANK: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 };

export function hasRole(actor: Actor, roles: readonly Role[] | 'any'): boolean {
  return roles === 'any' || actor.roles.some((r) => roles.includes(r));
}

/** Whether the token's scopes (if any) reach the needed level. Sessions are not scope-limited. */
export function scopeAllows(actor: Actor, needed: TokenScope): boolean {
  if (actor.scopes === null) return true;
  return actor.scopes.some((s) => SCOPE_RANK[s] >= SCOPE_RANK[needed]);
}

export function can(actor: Actor, action: Action): boolean {
  const rule: ActionRule = ACTIONS[action];
  if (rule.scope !== 'read' && isReadOnly(actor) && !READ_ONLY_MAY.has(action)) return false;
  return hasRole(actor, rule.roles) && scopeAllows(actor, rule.scope);
}

/** Whether `actor` may do `action`; the system (first admin, demo data, the CLI) may do anything. */
export function systemOrCan(actor: Actor | 'system', action: Action): boolean {
  return actor === 'system' || can(actor, action);
}

/** Whether the actor may change anything at all (a token of write scope, a role that writes). */
export function mayWrite(actor: Actor): boolean {
  return scopeAllows(actor, 'write') && !isReadOnly(actor);
}

/** The parts of a record the record-level rules look at. */
export type RecordAccessFacts = { requesterId: string; watcherIds: readonly string[] };

export type RecordAction =
  | 'read'
  | 'comment_public'
  | 'comment_internal'
  | 'read_internal'
  | 'attach'
  | 'update'
  | 'assign'
  | 'watch';

export function canOnRecord(actor: Actor, action: RecordAction, rec: RecordAccessFacts): boolean {
  const involved = rec.requesterId === actor.userId || rec.watcherIds.includes(actor.userId);
  const readable = can(actor, 'record.read_all') || involved;
  switch (action) {
    case 'read':
      return readable;
    case 'read_internal':
      return can(actor, 'comment.read_internal');
    case 'comment_public':
    case 'attach':
      return (
        mayWrite(actor) && (can(actor, 'record.update') || can(actor, 'comment.write_internal') || involved)
      );
    case 'comment_internal':
      return can(actor, 'comment.write_internal');
    case 'update':
      return can(actor, 'record.update');
    case 'assign':
      return can(actor, 'record.assign');
    case 'watch':
      return readable && mayWrite(actor);
  }
}
