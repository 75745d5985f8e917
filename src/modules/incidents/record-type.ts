/** Incidents, declared on the records core: contracts, resolution codes and their own create and patch checks. */
import {
  IncidentCreate,
  IncidentListQuery,
  IncidentPatch,
  IncidentTransition,
  IncidentView,
} from '../../contracts/incidents.ts';
import { INCIDENT_RESOLUTION_CODES } from '../../domain/lifecycle/defaults.ts';
import { defineRecordType, INCIDENT } from '../records/index.ts';
import { type CreateIncidentInput, createIncident, normaliseIncidentPatch } from './service.ts';

export const incidentType = defineRecordType({
  config: INCIDENT,
  resolutionCodes: INCIDENT_RESOLUTION_CODES,
  contracts: {
    view: IncidentView,
    listItem: IncidentView,
    listQuery: IncidentListQuery,
    create: IncidentCreate,
    patch: IncidentPatch,
    transition: IncidentTransition,
  },
  summaries: {
    list: 'List incidents with filters and keyset pagination',
    create: 'Raise an incident',
    get: 'Get an incident by id or number',
    patch:
      'Edit or assign an incident. Send If-Match with the ETag to avoid overwriting others (412 when stale).',
    transition: 'Move an incident through its lifecycle (start, hold, resolve, close, reopen, cancel)',
    options: 'Choices for incident forms: resolution codes and channels',
  },
  normalisePatch: normaliseIncidentPatch,
  operations: {
    create: (ctx, actor, body: CreateIncidentInput) => createIncident(ctx, actor, body),
  },
});
