/**
 * What a bulk change does to one record of each type: the type's own use cases, so every rule
 * of a single edit holds (a task is worked by its group, incident categories and resolution
 * codes are checked), each in its own transaction with the version the person saw.
 */
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/roles.ts';
import { transitionChange, updateChange } from '../changes/index.ts';
import { transitionIncident, updateIncident } from '../incidents/index.ts';
import { transitionProblem } from '../problems/index.ts';
import type { TransitionInput, UpdateRecordInput } from '../records/index.ts';
import {
  CHANGE,
  definedRecordType,
  IMPROVEMENT,
  INCIDENT,
  PROBLEM,
  REQUEST,
  REQUEST_TASK,
  type RecordTypeConfig,
  transitionRecord,
  updateRecord,
} from '../records/index.ts';
import {
  transitionRequest,
  transitionRequestTask,
  updateRequest,
  updateRequestTask,
} from '../requests/index.ts';

type Changed = Promise<{ id: string; number: string; version: number }>;

export type RecordOperations = {
  cfg: RecordTypeConfig;
  /** Fields this type lets a bulk patch set. */
  patchable: readonly (keyof UpdateRecordInput)[];
  update: (ctx: AppContext, actor: Actor, id: string, patch: UpdateRecordInput, version: number) => Changed;
  transition: (ctx: AppContext, actor: Actor, id: string, input: TransitionInput, version: number) => Changed;
};

/** Who works a record and how urgent it is: what a bulk patch sets on every type with a priority. */
const WORK_AND_PRIORITY = ['assigneeId', 'groupId', 'impact', 'urgency'] as const;

export const OPERATIONS: Record<
  'incident' | 'problem' | 'change' | 'request' | 'request_task' | 'improvement',
  RecordOperations
> = {
  incident: {
    cfg: INCIDENT,
    patchable: WORK_AND_PRIORITY,
    update: updateIncident,
    transition: transitionIncident,
  },
  problem: {
    cfg: PROBLEM,
    patchable: WORK_AND_PRIORITY,
    update: (ctx, actor, id, patch, version) => updateRecord(ctx, actor, PROBLEM, id, patch, version),
    transition: transitionProblem,
  },
  change: {
    cfg: CHANGE,
    patchable: WORK_AND_PRIORITY,
    update: updateChange,
    transition: transitionChange,
  },
  request: {
    cfg: REQUEST,
    patchable: WORK_AND_PRIORITY,
    update: updateRequest,
    transition: transitionRequest,
  },
  request_task: {
    cfg: REQUEST_TASK,
    patchable: ['assigneeId', 'groupId'],
    update: updateRequestTask,
    transition: transitionRequestTask,
  },
  // Improvements move through their declared type's transition (approving retakes the baseline),
  // found in the record-type registry so worklists need not depend on continual improvement.
  improvement: {
    cfg: IMPROVEMENT,
    patchable: WORK_AND_PRIORITY,
    update: (ctx, actor, id, patch, version) => updateRecord(ctx, actor, IMPROVEMENT, id, patch, version),
    transition: (ctx, actor, id, input, version) => {
      const own = definedRecordType(IMPROVEMENT.type)?.operations.transition;
      return own
        ? (own(ctx, actor, id, input, version) as Changed)
        : transitionRecord(ctx, actor, IMPROVEMENT, id, input, version, []);
    },
  },
};
