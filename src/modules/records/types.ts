/** How a process plugs into the records core: its type key, number prefix and settings key. */
import type { ProcessKey } from '../settings/index.ts';

export type RecordTypeConfig = {
  type: string;
  /** Human number prefix, e.g. INC → INC0001001. */
  prefix: string;
  process: ProcessKey;
  label: string;
};

export const INCIDENT: RecordTypeConfig = {
  type: 'incident',
  prefix: 'INC',
  process: 'incident',
  label: 'Incident',
};

export const REQUEST: RecordTypeConfig = {
  type: 'request',
  prefix: 'REQ',
  process: 'request',
  label: 'Request',
};

export const REQUEST_TASK: RecordTypeConfig = {
  type: 'request_task',
  prefix: 'RTK',
  process: 'request_task',
  label: 'Request task',
};

export const RECORD_TYPES: RecordTypeConfig[] = [INCIDENT, REQUEST, REQUEST_TASK];

export function recordTypeOf(type: string): RecordTypeConfig | undefined {
  return RECORD_TYPES.find((t) => t.type === type);
}

export const LINK_KINDS = ['relates_to', 'duplicates', 'caused_by', 'parent_of'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'walk_in', 'api', 'monitoring'] as const;
