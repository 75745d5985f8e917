/** HTTP routes for incidents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { INCIDENT_RESOLUTION_CODES } from '../../domain/lifecycle/defaults.ts';
import { etagOf, ifMatchVersion, requireActor } from '../../http/auth.ts';
import { csv, Limit, page, problemResponses, RecordRefParam, RecordView, Uuid } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import { SORT_FIELDS } from '../records/query.ts';
import { CHANNELS } from '../records/types.ts';
import { createIncident, getIncident, listIncidents, transitionIncident, updateIncident } from './service.ts';

const Level = z.number().int().min(1).max(3);
const IncidentCreate = z.object({
  title: z.string().trim().min(1, 'is required').max(LIMITS.titleMax),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  impact: Level.optional().describe('1 high … 3 low; set by agents'),
  urgency: Level.optional().describe('1 high … 3 low'),
  category: z.string().max(LIMITS.categoryMax).nullish(),
  subcategory: z.string().max(LIMITS.categoryMax).nullish(),
  channel: z.enum(CHANNELS).optional(),
  requesterId: Uuid.optional().describe('Defaults to the caller; agents may raise on behalf of others'),
  assigneeId: Uuid.nullish(),
  groupId: Uuid.nullish(),
  serviceId: Uuid.nullish(),
  ciIds: z
    .array(Uuid)
    .max(50)
    .optional()
    .describe('Configuration items the incident concerns (agents); see /records/{id}/cis'),
});
const IncidentPatch = IncidentCreate.omit({ requesterId: true, ciIds: true }).partial();

const ListQuery = z.object({
  state: csv(z.string().max(40)).optional().describe('Comma-separated state keys'),
  stateCategory: csv(z.enum(['open', 'paused', 'resolved', 'closed']))
    .optional()
    .describe('Comma-separated: open, paused, resolved, closed'),
  priority: csv(z.coerce.number().int().min(1).max(5)).optional(),
  groupId: csv(Uuid).optional(),
  assigneeId: z.union([Uuid, z.enum(['me', 'none'])]).optional(),
  requesterId: z.union([Uuid, z.literal('me')]).optional(),
  slaDueBefore: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional()
    .describe('Only records with a running SLA clock due before this instant (now = breached)'),
  slaState: z
    .enum(['at_risk', 'breached'])
    .optional()
    .describe('at_risk: a running SLA clock reached a warning threshold; breached: overdue'),
  q: z.string().max(200).optional().describe('Number, or words in title and description'),
  sort: z.enum(SORT_FIELDS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

export function incidentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: 'List incidents with filters and keyset pagination',
          querystring: ListQuery,
          response: { 200: page(RecordView), ...problemResponses },
        },
      },
      async (req) => listIncidents(ctx, requireActor(req), req.query),
    );
    app.post(
      '/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Raise an incident',
          body: IncidentCreate,
          response: { 201: RecordView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await createIncident(ctx, requireActor(req), req.body);
        return reply
          .code(201)
          .header('etag', etagOf(rec.version))
          .header('location', `/api/v1/incidents/${rec.id}`)
          .send(rec);
      },
    );
    app.get(
      '/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Get an incident by id or number',
          params: RecordRefParam,
          response: { 200: RecordView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await getIncident(ctx, requireActor(req), req.params.id);
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.patch(
      '/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary:
            'Edit or assign an incident. Send If-Match with the ETag to avoid overwriting others (412 when stale).',
          params: RecordRefParam,
          body: IncidentPatch,
          response: { 200: RecordView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await updateIncident(
          ctx,
          requireActor(req),
          req.params.id,
          req.body,
          ifMatchVersion(req),
        );
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.post(
      '/incidents/:id/transitions',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Move an incident through its lifecycle (start, hold, resolve, close, reopen, cancel)',
          params: RecordRefParam,
          body: z.object({
            to: z.string().min(1).max(40).describe('Target state key or transition key'),
            resolutionCode: z.enum(INCIDENT_RESOLUTION_CODES).optional(),
            resolutionNotes: z.string().max(LIMITS.resolutionNotesMax).optional(),
            comment: z.string().max(LIMITS.commentMax).optional(),
            commentVisibility: z.enum(['public', 'internal']).optional(),
          }),
          response: { 200: RecordView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await transitionIncident(
          ctx,
          requireActor(req),
          req.params.id,
          req.body,
          ifMatchVersion(req),
        );
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.get(
      '/incidents/meta/options',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Choices for incident forms: resolution codes and channels',
          response: {
            200: z.object({ resolutionCodes: z.array(z.string()), channels: z.array(z.string()) }),
          },
        },
      },
      async (req) => {
        requireActor(req);
        return { resolutionCodes: [...INCIDENT_RESOLUTION_CODES], channels: [...CHANNELS] };
      },
    );
  };
}
