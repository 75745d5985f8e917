/** Changes, declared on the records core: their contracts, outcomes, create, detail view and lifecycle rules. */
import {
  ChangeCreate,
  ChangeListItem,
  ChangeListQuery,
  ChangePatch,
  ChangeTransition,
  ChangeView,
} from '../../contracts/changes.ts';
import { CHANGE_RESOLUTION_CODES } from '../../domain/lifecycle/defaults-problem-change.ts';
import { CHANGE, defineRecordType } from '../records/index.ts';
import { changeDetail } from './details.ts';
import { transitionChange } from './lifecycle.ts';
import { createChange, getChangeView, updateChange } from './service.ts';

export const changeType = defineRecordType({
  config: CHANGE,
  resolutionCodes: CHANGE_RESOLUTION_CODES,
  contracts: {
    view: ChangeView,
    listItem: ChangeListItem,
    listQuery: ChangeListQuery,
    create: ChangeCreate,
    patch: ChangePatch,
    transition: ChangeTransition,
  },
  summaries: {
    list: 'List changes with filters and keyset pagination (staff)',
    create:
      'Raise a change: standard (from a pre-approved template), normal or emergency, with its plans, CIs and the problems it fixes',
    get: 'A change with its plans, risk, schedule, board review, review and linked records',
    patch: 'Edit a change and its plans (If-Match); new planned dates drop a conflict override',
    transition:
      "Move a change along its type's path (submit, send to the board, schedule, implement, complete with the outcome, close after review, cancel)",
    options: 'Choices for change forms: outcomes (resolution codes) and channels',
  },
  detail: changeDetail,
  operations: {
    create: (ctx, actor, body: ChangeCreate) => createChange(ctx, actor, body),
    get: getChangeView,
    update: (ctx, actor, id, patch, expected) => updateChange(ctx, actor, id, patch as ChangePatch, expected),
    transition: transitionChange,
  },
});
