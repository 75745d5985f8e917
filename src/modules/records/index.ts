/**
 * The records core's public face: what every process builds on. Processes create, change and
 * move records through these functions, and react to records through record events (hooks run
 * inside the changing transaction). The `records` base table and its watchers and comments are
 * shared for joins (documented exception in the architecture test). Writes belong to the core;
 * automation's rule comments and major incidents' priority and parent updates still write
 * directly, to move behind core functions.
 */
export { findRecord, loadRecord, type RecordRow, recordsNamed } from './access.ts';
export {
  addAttachmentWithin,
  addCommentWithin,
  addWatcherWithin,
  linkedRecordIds,
  linkRecordsWithin,
} from './collab.ts';
export { recordCounts } from './counts.ts';
export {
  definedRecordType,
  definedRecordTypes,
  defineRecordType,
  type RecordType,
  type RecordTypeDefinition,
} from './define.ts';
export type { DetailValues, RecordDetail } from './detail.ts';
export {
  type CommentEvent,
  type CreateContribution,
  type CreatePreparer,
  type PendingCreate,
  type RecordEvent,
  type RecordEventContext,
  registerCommentHook,
  registerRecordHook,
} from './events.ts';
export { presentRecord, type RecordView } from './present.ts';
export { listRecords, type RecordListQuery, SORT_FIELDS } from './query.ts';
export {
  recordComments,
  recordHistory,
  recordLinks,
  records,
  recordWatchers,
} from './schema.ts';
export {
  assertVersion,
  type CreateRecordInput,
  checkAssignment,
  createRecord,
  getRecordView,
  historyWrites,
  type UpdateRecordInput,
  updateRecord,
  writeHistory,
  writeRecordChanges,
} from './service.ts';
export { createRecordInTransaction, takeSystemTransition } from './system.ts';
export { type RecordSearchHit, searchRecords } from './text-search.ts';
export { systemTransition, type TransitionInput, transitionRecord } from './transition.ts';
export {
  CHANGE,
  CHANNELS,
  IMPROVEMENT,
  INCIDENT,
  PROBLEM,
  RECORD_TYPES,
  REQUEST,
  REQUEST_TASK,
  type RecordTypeConfig,
  recordTypeOf,
} from './types.ts';
