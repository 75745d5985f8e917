/** Incident management's public face: the incident use cases. */
export {
  type CreateIncidentInput,
  createIncident,
  getIncident,
  listIncidents,
  transitionIncident,
  updateIncident,
} from './service.ts';
