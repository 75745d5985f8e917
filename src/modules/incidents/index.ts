/** Incident management's public face: the incident use cases and the open major incidents. */
export { activeMajorIncidents, MAJOR_INCIDENTS_CHANGED } from './major.ts';
export {
  type CreateIncidentInput,
  createIncident,
  transitionIncident,
  updateIncident,
} from './service.ts';
