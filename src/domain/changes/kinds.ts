/**
 * The kinds of schedule window and of change conflict, apart from the arithmetic that finds them
 * (windows.ts and conflicts.ts run on the server only): the contracts, and through them the web
 * app, need the lists without it.
 */
export const WINDOW_KINDS = ['maintenance', 'freeze'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const CONFLICT_KINDS = [
  'overlap_same_ci',
  'overlap_dependent_ci',
  'overlap_shared_service',
  'freeze',
  'outside_maintenance',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
