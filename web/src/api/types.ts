/** The shapes the REST API answers with (see /api/v1/openapi.json). */

export type Problem = {
  type: string;
  code: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export const ROLE_KEYS = [
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
export type Role = (typeof ROLE_KEYS)[number];

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type User = {
  id: string;
  email: string;
  name: string;
  title: string | null;
  phone: string | null;
  timeZone: string;
  managerId: string | null;
  active: boolean;
  roles: Role[];
  groupIds: string[];
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type UserInput = {
  email?: string;
  name?: string;
  password?: string;
  title?: string | null;
  phone?: string | null;
  timeZone?: string;
  active?: boolean;
  roles?: Role[];
  groupIds?: string[];
};

export type Session = { user: User; csrfToken: string | null; via?: 'session' | 'token' };

export type Group = {
  id: string;
  name: string;
  description: string;
  email: string | null;
  managerId: string | null;
  active: boolean;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type GroupInput = {
  name?: string;
  description?: string;
  email?: string | null;
  active?: boolean;
  memberIds?: string[];
};

export type RoleInfo = { key: Role; label: string };

export type PersonRef = { id: string; name: string; email: string };
export type GroupRef = { id: string; name: string };

export type StateCategory = 'open' | 'paused' | 'resolved' | 'closed';
export const STATE_CATEGORIES: StateCategory[] = ['open', 'paused', 'resolved', 'closed'];

export type RecordAction =
  | 'comment_public'
  | 'comment_internal'
  | 'read_internal'
  | 'attach'
  | 'update'
  | 'assign'
  | 'watch';

export type RequirableField = 'resolutionCode' | 'resolutionNotes' | 'comment' | 'assigneeId';

export type TransitionOption = { key: string; label: string; to: string; requires: RequirableField[] };

export type Incident = {
  id: string;
  type: string;
  number: string;
  title: string;
  description: string;
  state: string;
  stateLabel: string;
  stateCategory: StateCategory;
  impact: number;
  urgency: number;
  priority: number;
  category: string | null;
  subcategory: string | null;
  channel: string;
  requester: PersonRef | null;
  assignee: PersonRef | null;
  group: GroupRef | null;
  serviceId: string | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  watcherIds: string[];
  allowedActions: RecordAction[];
  transitions: TransitionOption[];
};

export type IncidentInput = {
  title?: string;
  description?: string;
  impact?: number;
  urgency?: number;
  category?: string | null;
  subcategory?: string | null;
  channel?: string;
  requesterId?: string;
  assigneeId?: string | null;
  groupId?: string | null;
  serviceId?: string | null;
};

export type TransitionInput = {
  to: string;
  resolutionCode?: string;
  resolutionNotes?: string;
  comment?: string;
  commentVisibility?: 'public' | 'internal';
};

export const SORT_FIELDS = ['created', 'updated', 'priority', 'number', 'sla_due'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export type IncidentListQuery = {
  state?: string[];
  stateCategory?: StateCategory[];
  priority?: string[];
  groupId?: string;
  assigneeId?: string;
  requesterId?: string;
  q?: string;
  sort?: SortField;
  order?: 'asc' | 'desc';
  limit?: number;
};

export type IncidentOptions = { resolutionCodes: string[]; channels: string[] };

export type ActivityActor = { id: string; name: string } | null;
export type ActivityItem =
  | {
      kind: 'comment';
      id: string;
      at: string;
      actor: ActivityActor;
      body: string;
      visibility: 'public' | 'internal' | string;
    }
  | {
      kind: 'change';
      id: string;
      at: string;
      actor: ActivityActor;
      field: string;
      oldValue: string | null;
      newValue: string | null;
    }
  | {
      kind: 'attachment';
      id: string;
      at: string;
      actor: ActivityActor;
      filename: string;
      size: number;
      contentType: string;
    };

export type Attachment = {
  id: string;
  recordId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
};

export const LINK_KINDS = ['relates_to', 'duplicates', 'caused_by', 'parent_of'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export type RecordLink = {
  id: string;
  kind: LinkKind | string;
  direction: 'outgoing' | 'incoming';
  record: { id: string; number: string; title: string; type: string; state: string };
  createdAt: string;
};

export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreatedToken = { token: string; info: ApiToken };

export type AuditEntry = {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export type PriorityMatrixSetting = { matrix: number[][]; version: number };

export type LifecycleState = { key: string; label: string; category: StateCategory };
export type LifecycleSetting = {
  lifecycle: {
    initial: string;
    states: LifecycleState[];
    transitions: {
      key: string;
      label: string;
      from: string[];
      to: string;
      roles: Role[];
      requester: boolean;
      requires: RequirableField[];
    }[];
  };
  version: number;
};
