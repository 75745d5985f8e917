/** Incident management's public face: the incident use cases. */
export {
  type CreateIncidentInput,
  createIncident,
  transitionIncident,
  updateIncident,
} from './service.ts';
