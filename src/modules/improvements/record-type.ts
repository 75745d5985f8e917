/** Improvement proposals, declared on the records core: contracts, create, detail table and view. */
import {
  ImprovementCreate,
  ImprovementListItem,
  ImprovementListQuery,
  ImprovementPatch,
  ImprovementTransition,
  ImprovementView,
} from '../../contracts/improvements.ts';
import { IMPROVEMENT_RESOLUTION_CODES } from '../../domain/lifecycle/defaults-improvement.ts';
import { defineRecordType, IMPROVEMENT } from '../records/index.ts';
import { improvementDetail } from './details.ts';
import { createImprovement, getImprovementView, transitionImprovement } from './service.ts';

export const improvementType = defineRecordType({
  config: IMPROVEMENT,
  resolutionCodes: IMPROVEMENT_RESOLUTION_CODES,
  contracts: {
    view: ImprovementView,
    changedView: ImprovementListItem,
    listItem: ImprovementListItem,
    listQuery: ImprovementListQuery,
    create: ImprovementCreate,
    patch: ImprovementPatch,
    transition: ImprovementTransition,
  },
  summaries: {
    list: 'The continual improvement register: proposals with filters and keyset pagination (staff)',
    create:
      'Raise an improvement proposal from its source (a KPI off target, a service review, a problem, a PIR, a person); the linked KPIs’ baseline is taken now',
    get: 'A proposal with its source, expected benefit, services, KPIs and measured outcome (before and after)',
    patch: 'Edit a proposal (If-Match); new KPIs or a new outcome window take the baseline again',
    transition: 'Move a proposal: approve (takes the baseline again), reject, start, mark done',
  },
  detail: improvementDetail,
  operations: {
    create: (ctx, actor, body: ImprovementCreate) => createImprovement(ctx, actor, body),
    get: getImprovementView,
    transition: transitionImprovement,
  },
});
