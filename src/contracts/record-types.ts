/**
 * The record types, as plain data shared by the server, the web app and tests: the key stored on
 * every record, the number prefix, the labels and the API path.
 */
export const RECORD_TYPES = [
  { key: 'incident', prefix: 'INC', label: 'Incident', plural: 'Incidents', path: 'incidents' },
  { key: 'request', prefix: 'REQ', label: 'Request', plural: 'Requests', path: 'requests' },
  {
    key: 'request_task',
    prefix: 'RTK',
    label: 'Request task',
    plural: 'Request tasks',
    path: 'request-tasks',
  },
] as const;
