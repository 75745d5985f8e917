/** Problems, declared on the records core: their contracts, resolution codes, create, detail view and lifecycle rules. */

import {
  ProblemCreate,
  ProblemListQuery,
  ProblemPatch,
  ProblemTransition,
  ProblemView,
} from '../../contracts/problems.ts';
import { RecordView } from '../../contracts/records.ts';
import { PROBLEM_RESOLUTION_CODES } from '../../domain/lifecycle/defaults-problem-change.ts';
import { defineRecordType, PROBLEM, updateRecord } from '../records/index.ts';
import { type ProblemTransitionInput, transitionProblem } from './lifecycle.ts';
import { type CreateProblemInput, createProblem, getProblemView } from './service.ts';

export const problemType = defineRecordType({
  config: PROBLEM,
  resolutionCodes: PROBLEM_RESOLUTION_CODES,
  contracts: {
    view: ProblemView,
    changedView: ProblemView,
    listItem: RecordView,
    listQuery: ProblemListQuery,
    create: ProblemCreate,
    patch: ProblemPatch,
    transition: ProblemTransition,
  },
  summaries: {
    list: 'List problems with filters and keyset pagination (agents)',
    create: 'Raise a problem, from incidents (linked both ways) or proactively (agents)',
    get: 'A problem with its root-cause analysis, known error and linked incidents',
    transition:
      'Move a problem (analyse, root cause, known error, resolve, close, reopen, cancel). Closing needs a completed linked change or a closureReason; resolving may resolve the open incidents (resolveIncidents).',
    options: 'Choices for problem forms: resolution codes and channels',
  },
  operations: {
    create: (ctx, actor, body: CreateProblemInput) => createProblem(ctx, actor, body),
    get: getProblemView,
    update: async (ctx, actor, id, patch, expected) => {
      const rec = await updateRecord(ctx, actor, PROBLEM, id, patch, expected);
      return getProblemView(ctx, actor, rec.id);
    },
    transition: (ctx, actor, id, input, expected) =>
      transitionProblem(ctx, actor, id, input as ProblemTransitionInput, expected),
  },
});
