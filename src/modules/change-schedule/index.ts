/**
 * The change schedule's public face. Change management registers itself as a schedule source
 * (its scheduled changes appear on the calendar and in conflict checks) and asks for the
 * conflicts of a change being scheduled; the schedule never imports change management.
 */
export type {
  Conflict,
  ConflictCandidate,
  ConflictKind,
  ScheduledItem,
} from '../../domain/changes/conflicts.ts';
export { checkConflicts, type ScheduleContext } from './conflicts.ts';
export {
  registerScheduleSource,
  type ScheduleFilter,
  type ScheduleRange,
  type ScheduleSource,
  unregisterScheduleSource,
} from './sources.ts';
export { loadWindows } from './windows.ts';
