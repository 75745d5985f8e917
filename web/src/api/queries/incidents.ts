/** Incidents: the queue, one incident, create, edit, lifecycle transitions and form choices. */
import { api } from '../client.ts';
import { recordQueries } from '../recordQueries.ts';
import type {
  Incident,
  IncidentInput,
  IncidentListQuery,
  IncidentOptions,
  TransitionInput,
} from '../types.ts';

const incidents = recordQueries<Incident>({ root: 'incidents', path: '/incidents' });

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (q: IncidentListQuery) => incidents.keys.list(q),
  one: incidents.keys.one,
  options: incidents.keys.options,
};

export const useIncidentList = (query: IncidentListQuery, enabled = true) =>
  incidents.useList<Incident>(query, enabled);

export const useIncident = incidents.useOne;

export const useIncidentOptions = () => incidents.useOptions<IncidentOptions>();

export const useCreateIncident = () => incidents.useCreate<IncidentInput>();

/** Edit an incident; `version` is the one the edits were based on, sent as If-Match. */
export const useUpdateIncident = (recordId: string) => incidents.useUpdate<IncidentInput>(recordId);

export const useTransition = (rec: Incident | undefined) =>
  incidents.useWrite((input: TransitionInput) => {
    if (!rec) throw new Error('No incident loaded');
    return api.post<Incident>(`/incidents/${rec.id}/transitions`, input, rec.version);
  });
