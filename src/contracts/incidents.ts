/** Wire shapes of incidents: what raising, editing, moving and listing them takes. */
import { z } from 'zod';
import { INCIDENT_RESOLUTION_CODES } from '../domain/lifecycle/defaults.ts';
import { Uuid } from './common.ts';
import { RecordFields, RecordListQuery, RecordView, transitionContract } from './records.ts';

export const IncidentCreate = RecordFields.extend({
  ciIds: z
    .array(Uuid)
    .max(50)
    .optional()
    .describe(
      'Configuration items the incident concerns (agents); see /records/{id}/cis. Without serviceId, the one service they support becomes the service.',
    ),
});
export type IncidentCreate = z.input<typeof IncidentCreate>;

export const IncidentPatch = IncidentCreate.omit({ requesterId: true, ciIds: true }).partial();
export type IncidentPatch = z.input<typeof IncidentPatch>;

export const IncidentTransition = transitionContract(INCIDENT_RESOLUTION_CODES);
export type IncidentTransition = z.input<typeof IncidentTransition>;

export const IncidentListQuery = RecordListQuery;

export const IncidentView = RecordView;
export type IncidentView = z.infer<typeof IncidentView>;
