/**
 * Every module's record-type declarations, so the app serves their generic routes. Types declared
 * elsewhere (a test's) join them through the registry before the app is built.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { incidentType } from './incidents/record-type.ts';
import { problemType } from './problems/record-type.ts';
import { definedRecordTypes } from './records/define.ts';
import { recordTypeRoutes } from './records/type-routes.ts';
import { requestTaskType, requestType } from './requests/record-type.ts';

/** The modules' record types, declared as these modules load. */
export const MODULE_RECORD_TYPES = [incidentType, requestType, requestTaskType, problemType];

/** List, create, get, patch, transitions and options of every declared record type. */
export function recordTypesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const type of definedRecordTypes()) await app.register(recordTypeRoutes(ctx, type));
  };
}
