/** The shapes the REST API answers with (see /api/v1/openapi.json). */
import type { z } from 'zod';
import type { IncidentCreate } from '../../../src/contracts/incidents.ts';
import type {
  Activity,
  Attachment,
  LinkKind,
  RecordLink,
  RecordListQueryInput,
  RecordOptions,
  RecordTransition,
  RecordView,
  SortField,
  TransitionOption as TransitionOptionContract,
} from '../../../src/contracts/records.ts';

export type { Problem } from '../../../src/contracts/common.ts';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type { GroupView as Group, UserView as User } from '../../../src/contracts/directory.ts';
export { ROLES as ROLE_KEYS, type Role, TOKEN_SCOPES, type TokenScope } from '../../../src/domain/roles.ts';

import type {
  TokenView as ApiToken,
  GroupCreate,
  UserView as User,
  UserCreate,
} from '../../../src/contracts/directory.ts';
import type { Lifecycle, LifecycleState } from '../../../src/domain/lifecycle/engine.ts';
import type { Role } from '../../../src/domain/roles.ts';
/** A new person's fields, or a patch of some of them. */
export type UserInput = Partial<UserCreate>;

export type Session = { user: User; csrfToken: string | null; via?: 'session' | 'token' };

/** A new group's fields, or a patch of some of them. */
export type GroupInput = Partial<GroupCreate>;

export type RoleInfo = { key: Role; label: string };

// Record shapes are inferred from the server's contracts (type-only imports: nothing of the server ships).
export type { GroupRef, PersonRef } from '../../../src/contracts/common.ts';

export type StateCategory = RecordView['stateCategory'];
export const STATE_CATEGORIES: StateCategory[] = ['open', 'paused', 'resolved', 'closed'];

export type RecordAction = RecordView['allowedActions'][number];

export type RequirableField = TransitionOption['requires'][number];

export type TransitionOption = z.infer<typeof TransitionOptionContract>;

/** Every record type's view; incidents answer it as it is. */
export type Incident = RecordView;

/** Raising or editing an incident: every field optional, so one form state serves both. */
export type IncidentInput = Partial<Omit<IncidentCreate, 'channel'>> & { channel?: string };

export type TransitionInput = RecordTransition;

export const SORT_FIELDS = [
  'created',
  'updated',
  'priority',
  'number',
  'sla_due',
] as const satisfies readonly SortField[];
export type { SortField };

/** A record list query as the URL carries it (lists held as arrays, as the filter forms keep them). */
export type IncidentListQuery = Pick<
  RecordListQueryInput,
  'assigneeId' | 'requesterId' | 'q' | 'sort' | 'order'
> & {
  state?: string[];
  stateCategory?: StateCategory[];
  priority?: string[];
  groupId?: string;
  limit?: number;
};

export type IncidentOptions = RecordOptions;

export type ActivityItem = Activity;
export type ActivityActor = Activity['actor'];

export type { Attachment, LinkKind, RecordLink };
export const LINK_KINDS = [
  'relates_to',
  'duplicates',
  'caused_by',
  'parent_of',
] as const satisfies readonly LinkKind[];

export type { TokenView as ApiToken } from '../../../src/contracts/directory.ts';

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

export type { LifecycleState };
export type LifecycleSetting = { lifecycle: Lifecycle; version: number };
