/**
 * Record events: other modules (SLA clocks, automation rules, notifications) react to records
 * being created, edited or moved through their lifecycle. Hooks run inside the transaction that
 * changes the record, so their effects commit or roll back with it; a hook that throws an
 * AppError refuses the change.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Statement } from '../../db/statements.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import type { RecordRow } from './access.ts';
import type { RecordTypeConfig } from './types.ts';

export type RecordChange = { field: string; oldValue: unknown; newValue: unknown };

export type RecordEvent =
  | { kind: 'created'; record: RecordRow }
  | { kind: 'updated'; record: RecordRow; before: RecordRow; changes: RecordChange[] }
  | {
      kind: 'transitioned';
      record: RecordRow;
      before: RecordRow;
      from: string;
      to: string;
      transition: string;
    };

export type RecordEventContext = {
  ctx: AppContext;
  tx: Db;
  cfg: RecordTypeConfig;
  lifecycle: Lifecycle;
  actorId: string | null;
  at: Date;
  /** Set by automation: how many rule-triggered changes deep this event is, and which rules fired. */
  chain?: { depth: number; fired: ReadonlySet<string> };
  /**
   * Set by a hook that wrote the record's row itself (an automation rule changed it): the row the
   * event carries is then out of date, and whoever answers with the record reads it again. A hook
   * that changes only the event's own row object (the SLA's due instant) leaves it unset.
   */
  rewritten?: boolean;
  /** On a create: the requester's organisation, as the creating statement read it. */
  requester?: { organisationId: string | null };
};

export type RecordHook = (event: RecordEvent, ec: RecordEventContext) => Promise<void>;

/** Whether a hook has anything to do for this process right now (e.g. any enabled rules); cheap and cached. */
export type HookActivity = (
  ctx: AppContext,
  cfg: RecordTypeConfig,
  kind: RecordEvent['kind'],
  /** The record concerned: its fields as given when it is being created, its row afterwards. */
  subject: {
    serviceId?: string | null | undefined;
    requesterId?: string | null | undefined;
    assigneeId?: string | null | undefined;
    groupId?: string | null | undefined;
    createdBy?: string | null | undefined;
  },
) => Promise<boolean>;

/** A record about to be created, as its insert will write it (its number is not drawn yet). */
export type PendingCreate = Omit<RecordEventContext, 'tx' | 'chain' | 'rewritten'> & { record: RecordRow };

/** What a hook writes with a record's insert, in the same statement. */
export type CreateContribution = {
  /** The record's due instant, for the SLA module's clocks. */
  slaDueAt?: Date | null;
  /** Rows of the hook's own, written beside the record (they may name it: keys are checked at the end). */
  writes: Statement[];
};

/**
 * A hook that can decide about a record being created before it is inserted: what it would
 * have written in the creating transaction goes into the insert's statement instead, so the
 * record is written once, in one round trip, with no transaction. It answers null when this
 * create needs the transaction after all (then its `created` hook runs as usual).
 */
export type CreatePreparer = (pending: PendingCreate) => Promise<CreateContribution | null>;

type Registered = {
  hook: RecordHook;
  kinds: ReadonlySet<RecordEvent['kind']>;
  isActive: HookActivity | undefined;
  prepareCreate: CreatePreparer | undefined;
};
const hooks = new Map<string, Registered>();
const ALL_KINDS: RecordEvent['kind'][] = ['created', 'updated', 'transitioned'];

/**
 * Register a hook under a unique name (registering the same name again replaces it). Name the
 * event kinds it needs and, optionally, when it is active: creating a record is a single
 * statement without a transaction when no active hook wants 'created'.
 */
export function registerRecordHook(
  name: string,
  hook: RecordHook,
  kinds: RecordEvent['kind'][] = ALL_KINDS,
  isActive?: HookActivity,
  prepareCreate?: CreatePreparer,
): void {
  hooks.set(name, { hook, kinds: new Set(kinds), isActive, prepareCreate });
}

export function unregisterRecordHook(name: string): void {
  hooks.delete(name);
}

/**
 * How a record can be created, from the hooks active for it: `plain` (no hook: a single
 * statement), `prepared` (every active hook can prepare its work before the insert: their
 * preparers) or `transaction` (the insert and the `created` hooks in one transaction).
 */
export async function creationPath(
  ctx: AppContext,
  cfg: RecordTypeConfig,
  subject: Parameters<HookActivity>[3],
): Promise<{ kind: 'plain' } | { kind: 'prepared'; preparers: CreatePreparer[] } | { kind: 'transaction' }> {
  const preparers: CreatePreparer[] = [];
  for (const h of hooks.values()) {
    if (!h.kinds.has('created') || (h.isActive && !(await h.isActive(ctx, cfg, 'created', subject))))
      continue;
    if (!h.prepareCreate) return { kind: 'transaction' };
    preparers.push(h.prepareCreate);
  }
  return preparers.length ? { kind: 'prepared', preparers } : { kind: 'plain' };
}

export async function emitRecordEvent(event: RecordEvent, ec: RecordEventContext): Promise<void> {
  for (const h of hooks.values()) {
    if (!h.kinds.has(event.kind)) continue;
    // Another hook may be what opened the transaction: an idle hook still has nothing to do.
    // Its activity check reads through the transaction: on the embedded database a query on
    // ctx.db would wait for this transaction forever.
    if (h.isActive && !(await h.isActive({ ...ec.ctx, db: ec.tx }, ec.cfg, event.kind, event.record)))
      continue;
    await h.hook(event, ec);
  }
}

/** A comment added to a record, told to the modules that react to comments (notifications). */
export type CommentEvent = {
  ctx: AppContext;
  tx: Db;
  record: RecordRow;
  comment: { id: string; body: string; visibility: 'public' | 'internal'; authorId: string | null };
  actorId: string | null;
  at: Date;
};
export type CommentHook = (event: CommentEvent) => Promise<void>;
const commentHooks = new Map<string, CommentHook>();

/** React to comments, inside the transaction that adds them; registering a name again replaces it. */
export function registerCommentHook(name: string, hook: CommentHook): void {
  commentHooks.set(name, hook);
}

export async function emitCommentAdded(event: CommentEvent): Promise<void> {
  for (const hook of commentHooks.values()) await hook(event);
}
