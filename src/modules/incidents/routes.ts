/** HTTP routes for incidents: the generic record-type routes of the incident declaration. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { recordTypeRoutes } from '../records/type-routes.ts';
import { incidentType } from './record-type.ts';

export function incidentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return recordTypeRoutes(ctx, incidentType);
}
