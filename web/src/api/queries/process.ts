/**
 * Process administration (lifecycles, RACI, categories, options), automation rules and their
 * runs, major incidents and parent/child incidents.
 */
import { type QueryClient, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  processKeysWhere,
  RECORD_TYPE_DATA,
  type RecordTypeEntry,
} from '../../../../src/contracts/record-types.ts';
import {
  type Lifecycle,
  type LifecycleTransition,
  type NotifyParty,
  REQUIRABLE_FIELDS,
} from '../../../../src/domain/lifecycle/engine.ts';
import type { Raci, RaciActivity, RaciRef } from '../../../../src/domain/process/raci.ts';
import { api } from '../client.ts';
import type { Incident, LifecycleSetting, LifecycleState, StateCategory } from '../types.ts';
import { useWriteThen } from '../writes.ts';
import { incidentKeys } from './incidents.ts';

// ---- shapes ----

/** The processes whose settings the admin pages edit (from the one list of record types). */
export type ProcessKey = Extract<RecordTypeEntry, { administered: true }>['key'];
export const PROCESS_KEYS: readonly ProcessKey[] = processKeysWhere<ProcessKey>('administered');
export const PROCESS_LABELS = Object.fromEntries(
  RECORD_TYPE_DATA.map((t) => [t.key, t.processLabel]),
) as Record<ProcessKey, string>;
export const isProcessKey = (s: string | undefined): s is ProcessKey =>
  (PROCESS_KEYS as readonly string[]).includes(s ?? '');

export { REQUIRABLE_FIELDS };

export type LifecycleStateDef = LifecycleState;
/** Who is told when a transition is taken (RACI consulted and informed of its activity, and people of the record). */
export const NOTIFY_PARTIES = ['requester', 'assignee', 'watchers', 'consulted', 'informed'] as const;
export type { NotifyParty };
export type LifecycleTransitionDef = LifecycleTransition;
export type LifecycleDef = Lifecycle;
export type LifecycleDoc = LifecycleSetting;

export type { Raci, RaciActivity, RaciRef };
export const RACI_LETTERS = ['responsible', 'accountable', 'consulted', 'informed'] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];
export type RaciDoc = { raci: Raci; version: number };

export type Category = { name: string; subcategories: string[] };
export type CategoriesDoc = { categories: Category[]; version: number };
export type ProcessOptions = { reopenWindowDays: number };

// The rule vocabulary is the server's own (pure domain code, shared rather than copied).
export {
  ASSIGN_STRATEGIES,
  AUTOMATION_EVENTS,
  CONDITION_OPS,
  RULE_FIELDS,
  SETTABLE_FIELDS,
} from '../../../../src/domain/automation/rules.ts';

import type {
  AssignStrategy,
  AutomationEvent,
  ConditionOp,
  RuleField,
  SettableField,
} from '../../../../src/domain/automation/rules.ts';
import { useRefreshingWrite } from '../writes.ts';

export type { AssignStrategy, AutomationEvent, ConditionOp, RuleField, SettableField };

export type Scalar = string | number;
export type RuleCondition = { field: RuleField; op: ConditionOp; value?: Scalar | null | Scalar[] };
export type RuleAction =
  | { type: 'set_field'; field: SettableField; value: Scalar | null }
  | { type: 'assign'; groupId: string | null; assigneeId: string | null; strategy?: AssignStrategy }
  | { type: 'add_comment'; body: string; visibility: 'public' | 'internal' };
export type RuleInput = {
  name: string;
  event: AutomationEvent;
  conditions: RuleCondition[];
  actions: RuleAction[];
  enabled?: boolean;
  position?: number;
};
export type AutomationRule = Required<RuleInput> & {
  id: string;
  process: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};
export type AutomationRun = {
  id: number;
  ruleId: string;
  recordId: string;
  at: string;
  event: string;
  outcome: string;
  details: Record<string, unknown>;
};

export const COMM_AUDIENCES = ['internal', 'stakeholders', 'public'] as const;
export type CommAudience = (typeof COMM_AUDIENCES)[number];
export type ReviewAction = { description: string; ownerId: string | null; dueDate: string | null };
export type PostIncidentReview = {
  summary: string;
  rootCause: string;
  lessonsLearned: string;
  actions: ReviewAction[];
};
export type MajorIncidentView = {
  recordId: string;
  number: string;
  major: {
    status: 'active' | 'stood_down' | string;
    summary: string;
    coordinatorId: string;
    declaredBy: string | null;
    declaredAt: string;
    stoodDownAt: string | null;
    review: PostIncidentReview | null;
    reviewedAt: string | null;
  } | null;
  children: { id: string; number: string; title: string; state: string }[];
  communications: {
    id: string;
    audience: CommAudience | string;
    message: string;
    authorId: string | null;
    at: string;
  }[];
};
export type MajorIncidentSummary = {
  recordId: string;
  number: string;
  title: string;
  state: string;
  stateLabel: string;
  stateCategory: StateCategory;
  status: string;
  summary: string;
  coordinator: { id: string; name: string };
  declaredAt: string;
  reviewedAt: string | null;
  childCount: number;
};

/** The record view carries its parent; the shared Incident type predates parent/child incidents. */
export type IncidentWithParent = Incident & { parentId?: string | null };

// ---- process settings ----

const settingsKey = (process: ProcessKey | 'request_task', what: string) =>
  ['settings', process, what] as const;

/** A process's settings document `what`: `GET /settings/<process>/<what>`. */
function useSettingsDoc<D>(process: ProcessKey | 'request_task', what: string) {
  return useQuery({
    queryKey: settingsKey(process, what),
    queryFn: () => api.get<D>(`/settings/${process}/${what}`),
  });
}

/** Save it (`PUT`, If-Match `version` where the document has one); the answer is cached as read. */
function useSaveSettingsDoc<I, D>(
  process: ProcessKey,
  what: string,
  body: (input: I) => unknown,
  version?: number,
  after?: () => void,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.put<D>(`/settings/${process}/${what}`, body(input), version),
    onSuccess: (doc) => {
      qc.setQueryData(settingsKey(process, what), doc);
      after?.();
    },
  });
}

/** A record type's lifecycle: an administered process's, or the request tasks' own. */
export function useProcessLifecycle(process: ProcessKey | 'request_task') {
  return useSettingsDoc<LifecycleDoc>(process, 'lifecycle');
}

export function useSaveLifecycle(process: ProcessKey, version: number) {
  const qc = useQueryClient();
  return useSaveSettingsDoc<LifecycleDef, LifecycleDoc>(
    process,
    'lifecycle',
    (lifecycle) => ({ lifecycle }),
    version,
    // Records present their state labels and transitions from the lifecycle.
    () => void qc.invalidateQueries({ queryKey: ['incidents'] }),
  );
}

export function useRaci(process: ProcessKey) {
  return useSettingsDoc<RaciDoc>(process, 'raci');
}

export function useSaveRaci(process: ProcessKey, version: number) {
  return useSaveSettingsDoc<Raci, RaciDoc>(process, 'raci', (raci) => ({ raci }), version);
}

export function useCategories(process: ProcessKey) {
  return useSettingsDoc<CategoriesDoc>(process, 'categories');
}

export function useSaveCategories(process: ProcessKey, version: number) {
  return useSaveSettingsDoc<Category[], CategoriesDoc>(
    process,
    'categories',
    (categories) => ({ categories }),
    version,
  );
}

export function useProcessOptions(process: ProcessKey) {
  return useSettingsDoc<ProcessOptions>(process, 'options');
}

export function useSaveProcessOptions(process: ProcessKey) {
  return useSaveSettingsDoc<ProcessOptions, ProcessOptions>(process, 'options', (options) => options);
}

// ---- automation ----

const rulesKey = (process: ProcessKey) => ['automation', process, 'rules'] as const;

export function useAutomationRules(process: ProcessKey) {
  return useQuery({
    queryKey: rulesKey(process),
    queryFn: () => api.get<AutomationRule[]>(`/settings/${process}/automation-rules`),
  });
}

export function useCreateRule(process: ProcessKey) {
  return useRefreshingWrite(
    (input: RuleInput) => api.post<AutomationRule>(`/settings/${process}/automation-rules`, input),
    rulesKey(process),
  );
}

export function useUpdateRule(process: ProcessKey) {
  return useRefreshingWrite(
    ({ id, input, version }: { id: string; input: RuleInput; version: number }) =>
      api.put<AutomationRule>(`/automation-rules/${id}`, input, version),
    rulesKey(process),
  );
}

export function useDeleteRule(process: ProcessKey) {
  return useRefreshingWrite((id: string) => api.delete<void>(`/automation-rules/${id}`), rulesKey(process));
}

export function useRuleRuns(ruleId: string | undefined) {
  return useQuery({
    queryKey: ['automation', 'runs', ruleId],
    queryFn: () => api.get<AutomationRun[]>(`/automation-rules/${ruleId}/runs`),
    enabled: !!ruleId,
  });
}

/** Numbers for record ids (incidents only; other processes show the id). */
export function useIncidentNumbers(ids: readonly string[], enabled: boolean): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: incidentKeys.one(id),
      queryFn: () => api.get<Incident>(`/incidents/${id}`),
      enabled,
      staleTime: 60_000,
      retry: false,
    })),
  });
  const out = new Map<string, string>();
  for (const r of results) if (r.data) out.set(r.data.id, r.data.number);
  return out;
}

// ---- major and parent/child incidents ----

const majorKey = (ref: string) => ['major', ref.toUpperCase()] as const;

export function useMajorIncidents(status: 'active' | 'stood_down' | undefined) {
  return useQuery({
    queryKey: ['major', 'list', status ?? 'all'],
    queryFn: () => api.get<MajorIncidentSummary[]>('/major-incidents', { status }),
  });
}

export function useMajorIncident(rec: Incident | undefined) {
  return useQuery({
    queryKey: majorKey(rec?.id ?? ''),
    queryFn: () => api.get<MajorIncidentView>(`/incidents/${rec?.id}/major`),
    enabled: !!rec,
  });
}

/** After a major-incident change: its view, the incident (priority, version), its stream and lists. */
function refreshMajor(qc: QueryClient, rec: Incident, view?: MajorIncidentView) {
  if (view) qc.setQueryData(majorKey(rec.id), view);
  else void qc.invalidateQueries({ queryKey: majorKey(rec.id) });
  void qc.invalidateQueries({ queryKey: ['major', 'list'] });
  void qc.invalidateQueries({ queryKey: incidentKeys.one(rec.number) });
  void qc.invalidateQueries({ queryKey: incidentKeys.one(rec.id) });
  void qc.invalidateQueries({ queryKey: ['records', rec.id] });
  void qc.invalidateQueries({ queryKey: ['incidents', 'list'] });
}

/** A write answering the major-incident view, which is then cached and the rest refreshed. */
function useMajorWrite<V>(rec: Incident, write: (vars: V) => Promise<MajorIncidentView>) {
  return useWriteThen(write, (qc, view) => refreshMajor(qc, rec, view));
}

export function useDeclareMajor(rec: Incident) {
  return useMajorWrite(rec, (input: { coordinatorId: string; summary: string }) =>
    api.post<MajorIncidentView>(`/incidents/${rec.id}/major`, input),
  );
}

export function useStandDownMajor(rec: Incident) {
  return useMajorWrite(rec, (reason: string) =>
    api.post<MajorIncidentView>(`/incidents/${rec.id}/major/stand-down`, { reason }),
  );
}

export function useAddMajorComm(rec: Incident) {
  return useMajorWrite(rec, (input: { audience: CommAudience; message: string }) =>
    api.post<MajorIncidentView>(`/incidents/${rec.id}/major/communications`, input),
  );
}

export function useSaveReview(rec: Incident) {
  return useMajorWrite(rec, (review: PostIncidentReview) =>
    api.put<MajorIncidentView>(`/incidents/${rec.id}/major/review`, review),
  );
}

/**
 * Set or clear the parent of `childRef`. `parent` is this page's incident when linking children
 * to it, or another incident's number when this incident becomes a child.
 */
export function useSetParent(rec: Incident) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ childRef, parent }: { childRef: string; parent: string | null }) =>
      api.put<void>(`/incidents/${encodeURIComponent(childRef)}/parent`, { parent }),
    onSuccess: (_v, { childRef }) => {
      refreshMajor(qc, rec);
      void qc.invalidateQueries({ queryKey: incidentKeys.one(childRef) });
      void qc.invalidateQueries({ queryKey: ['major'] });
    },
  });
}
