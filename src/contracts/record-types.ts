/**
 * The one list of processes and their record types: keys, number prefixes, labels and URL paths.
 * Plain data with no imports, so the server (record-type registry, process settings) and the web
 * app (admin process pages, SLA target pickers) derive their lists from it.
 *
 * `built: false` marks a process whose settings can already be administered (lifecycle, RACI,
 * categories) but whose record type has no routes or records yet.
 */
export type RecordTypeData = {
  /** Process and record type key, stored in `records.type`. */
  key: string;
  /** Human number prefix, e.g. INC → INC0001001 (a `record_number_<prefix>` sequence). */
  prefix: string;
  /** One record: "Incident". */
  label: string;
  /** The list, as headings say it: "Service requests". */
  plural: string;
  /** The process, as admin pages say it. */
  processLabel: string;
  /** URL path segment under /api/v1 (and the OpenAPI tag). */
  path: string;
  /** Whether records of this type exist yet. */
  built: boolean;
  /** Whether admins edit this process's settings on its own page. */
  administered: boolean;
  /** Whether service level targets may apply to records of this type. */
  slaTarget: boolean;
};

export const RECORD_TYPE_DATA = [
  {
    key: 'incident',
    prefix: 'INC',
    label: 'Incident',
    plural: 'Incidents',
    processLabel: 'Incident',
    path: 'incidents',
    built: true,
    administered: true,
    slaTarget: true,
  },
  {
    key: 'problem',
    prefix: 'PRB',
    label: 'Problem',
    plural: 'Problems',
    processLabel: 'Problem',
    path: 'problems',
    built: true,
    administered: true,
    slaTarget: true,
  },
  {
    key: 'change',
    prefix: 'CHG',
    label: 'Change',
    plural: 'Changes',
    processLabel: 'Change',
    path: 'changes',
    built: true,
    administered: true,
    slaTarget: true,
  },
  {
    key: 'request',
    prefix: 'REQ',
    label: 'Request',
    plural: 'Service requests',
    processLabel: 'Service request',
    path: 'requests',
    built: true,
    administered: true,
    slaTarget: true,
  },
  {
    key: 'request_task',
    prefix: 'RTK',
    label: 'Request task',
    plural: 'Request tasks',
    processLabel: 'Request task',
    path: 'request-tasks',
    built: true,
    administered: false,
    slaTarget: false,
  },
  {
    key: 'improvement',
    prefix: 'CSI',
    label: 'Improvement',
    plural: 'Improvements',
    processLabel: 'Continual improvement',
    path: 'improvements',
    built: true,
    administered: true,
    slaTarget: false,
  },
] as const satisfies readonly RecordTypeData[];

export type ProcessKey = (typeof RECORD_TYPE_DATA)[number]['key'];

/** Every process key, in declaration order (the settings API's enum). */
export const PROCESS_KEY_LIST = RECORD_TYPE_DATA.map((t) => t.key) as [ProcessKey, ...ProcessKey[]];

type Flag = 'administered' | 'slaTarget';
/** Keys of the processes with a flag set, record types that exist first. */
export function processKeysWhere<K extends ProcessKey>(flag: Flag): K[] {
  const picked = RECORD_TYPE_DATA.filter((t) => t[flag]);
  return [...picked.filter((t) => t.built), ...picked.filter((t) => !t.built)].map((t) => t.key as K);
}

export type RecordTypeEntry = (typeof RECORD_TYPE_DATA)[number];

export function recordTypeData(key: ProcessKey): RecordTypeEntry {
  return RECORD_TYPE_DATA.find((t) => t.key === key)!;
}

type BuiltEntry = Extract<RecordTypeEntry, { built: true }>;
/** The record types that exist (built), e.g. for the web app's record-type registry. */
export const RECORD_TYPES: readonly BuiltEntry[] = RECORD_TYPE_DATA.filter((t): t is BuiltEntry => t.built);
