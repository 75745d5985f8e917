/**
 * Service requests and their fulfilment tasks, declared on the records core. A request is created
 * by ordering a catalog item and answers with its detail view; a task is created by fulfilment
 * (no create route) and is worked only by the members of its group.
 */
import { RecordView } from '../../contracts/records.ts';
import {
  RequestCreate,
  RequestListQuery,
  RequestPatch,
  RequestTaskView,
  RequestTransition,
  RequestView,
  TaskPatch,
} from '../../contracts/requests.ts';
import { defineRecordType, REQUEST, REQUEST_TASK } from '../records/index.ts';
import type { OrderInput } from './ordering.ts';
import {
  createRequest,
  getRequestTask,
  getRequestView,
  transitionRequest,
  transitionRequestTask,
  updateRequest,
  updateRequestTask,
} from './service.ts';

export const requestType = defineRecordType({
  config: REQUEST,
  tag: 'requests',
  resolutionCodes: [],
  contracts: {
    view: RequestView,
    listItem: RecordView,
    listQuery: RequestListQuery,
    create: RequestCreate,
    patch: RequestPatch,
    transition: RequestTransition,
  },
  summaries: {
    list: 'List service requests',
    create: 'Order a catalog item: answers are checked against its form (422 per answers.<field>)',
    get: 'A request with its answers, approval levels and votes, and fulfilment tasks',
    patch: 'Assign or prioritise a request (agents). Send If-Match with the ETag (412 when stale).',
    transition:
      'Cancel (with a comment) or close a request; approval and fulfilment moves happen on their own',
    options: 'Choices for request forms: channels',
  },
  operations: {
    create: (ctx, actor, body: OrderInput) => createRequest(ctx, actor, body),
    get: getRequestView,
    update: updateRequest,
    transition: transitionRequest,
  },
});

export const requestTaskType = defineRecordType({
  config: REQUEST_TASK,
  tag: 'requests',
  resolutionCodes: [],
  contracts: {
    view: RequestTaskView,
    changedView: RecordView,
    listItem: RecordView,
    listQuery: RequestListQuery,
    patch: TaskPatch,
    transition: RequestTransition,
  },
  summaries: {
    list: 'List fulfilment tasks (the agents’ queue)',
    get: 'A fulfilment task and its request',
    patch: 'Assign a fulfilment task (members of its group)',
    transition:
      'Start, complete or cancel a fulfilment task (members of its group); the request follows on its own',
    options: 'Choices for task forms: channels',
  },
  operations: {
    get: getRequestTask,
    update: updateRequestTask,
    transition: transitionRequestTask,
  },
});
