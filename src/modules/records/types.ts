/**
 * How a process plugs into the records core: its type key, number prefix and settings key, read
 * from the one list of record types in `src/contracts/record-types.ts`. What each type adds on top
 * (contracts, routes, hooks) is declared with `defineRecordType` in `src/kernel/records/define.ts`.
 */
import { type ProcessKey, RECORD_TYPE_DATA, recordTypeData } from '../../contracts/record-types.ts';

export type RecordTypeConfig = {
  type: string;
  /** Human number prefix, e.g. INC → INC0001001. */
  prefix: string;
  process: ProcessKey;
  label: string;
  /** URL path segment under /api/v1, e.g. `incidents`. */
  path: string;
};

function configOf(key: ProcessKey): RecordTypeConfig {
  const d = recordTypeData(key);
  return { type: d.key, prefix: d.prefix, process: d.key, label: d.label, path: d.path };
}

export const INCIDENT: RecordTypeConfig = configOf('incident');
export const REQUEST: RecordTypeConfig = configOf('request');
export const REQUEST_TASK: RecordTypeConfig = configOf('request_task');
export const PROBLEM: RecordTypeConfig = configOf('problem');
export const CHANGE: RecordTypeConfig = configOf('change');
export const IMPROVEMENT: RecordTypeConfig = configOf('improvement');

/** The record types that exist (processes marked `built`). */
export const RECORD_TYPES: RecordTypeConfig[] = RECORD_TYPE_DATA.filter((t) => t.built).map((t) =>
  configOf(t.key),
);

/** Add a type declared outside the list (e.g. by a test); a type already listed is left as it is. */
export function registerRecordTypeConfig(cfg: RecordTypeConfig): void {
  if (!RECORD_TYPES.some((t) => t.type === cfg.type)) RECORD_TYPES.push(cfg);
}

export function recordTypeOf(type: string): RecordTypeConfig | undefined {
  return RECORD_TYPES.find((t) => t.type === type);
}

export { CHANNELS, LINK_KINDS, type LinkKind } from '../../contracts/records.ts';
