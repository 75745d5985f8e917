/** HTTP routes for major incidents and parent/child incidents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { noContent } from '../../http/resource.ts';
import { problemResponses, RecordRefParam, route, Uuid } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import {
  addMajorIncidentComm,
  COMM_AUDIENCES,
  declareMajorIncident,
  getMajorIncident,
  listMajorIncidents,
  savePostIncidentReview,
  setParentIncident,
  standDownMajorIncident,
} from './major.ts';

const MajorView = z
  .object({
    recordId: z.string(),
    number: z.string(),
    major: z
      .object({
        status: z.string(),
        summary: z.string(),
        coordinatorId: z.string(),
        declaredBy: z.string().nullable(),
        declaredAt: z.string(),
        stoodDownAt: z.string().nullable(),
        review: z
          .object({
            summary: z.string(),
            rootCause: z.string(),
            lessonsLearned: z.string(),
            actions: z.array(
              z.object({
                description: z.string(),
                ownerId: z.string().nullable(),
                dueDate: z.string().nullable(),
              }),
            ),
          })
          .nullable(),
        reviewedAt: z.string().nullable(),
      })
      .nullable(),
    children: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), state: z.string() })),
    communications: z.array(
      z.object({
        id: z.string(),
        audience: z.string(),
        message: z.string(),
        authorId: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'MajorIncident' });

const Review = z.object({
  summary: z.string().trim().min(1, 'is required').max(LIMITS.descriptionMax),
  rootCause: z.string().trim().min(1, 'is required').max(LIMITS.descriptionMax),
  lessonsLearned: z.string().max(LIMITS.descriptionMax),
  actions: z
    .array(
      z.object({
        description: z.string().trim().min(1).max(1000),
        ownerId: Uuid.nullable(),
        dueDate: z.iso.date().nullable(),
      }),
    )
    .max(50),
});

export function majorIncidentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const view = { 200: MajorView, ...problemResponses };
    app.get(
      '/major-incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Major incidents, newest declaration first (staff)',
          querystring: z.object({ status: z.enum(['active', 'stood_down']).optional() }),
          response: {
            200: z.array(
              z.object({
                recordId: z.string(),
                number: z.string(),
                title: z.string(),
                state: z.string(),
                stateLabel: z.string(),
                stateCategory: z.string(),
                status: z.string(),
                summary: z.string(),
                coordinator: z.object({ id: z.string(), name: z.string() }),
                declaredAt: z.string(),
                reviewedAt: z.string().nullable(),
                childCount: z.number(),
              }),
            ),
            ...problemResponses,
          },
        },
      },
      async (req) => listMajorIncidents(ctx, requireActor(req), { status: req.query.status }),
    );
    app.get(
      '/incidents/:id/major',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Major incident details, children and communication log',
          params: RecordRefParam,
          response: view,
        },
      },
      async (req) => getMajorIncident(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/incidents/:id/major',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Declare a major incident with a coordinator (service manager, process owner, admin)',
          params: RecordRefParam,
          body: z.object({
            coordinatorId: Uuid,
            summary: z
              .string()
              .trim()
              .min(1, 'is required')
              .max(LIMITS.titleMax * 5),
          }),
          response: view,
        },
      },
      async (req) => declareMajorIncident(ctx, requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/incidents/:id/major/stand-down',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Stand down a major incident (it stays an incident)',
          params: RecordRefParam,
          body: z.object({ reason: z.string().trim().min(1, 'is required').max(2000) }),
          response: view,
        },
      },
      async (req) => standDownMajorIncident(ctx, requireActor(req), req.params.id, req.body.reason),
    );
    app.post(
      '/incidents/:id/major/communications',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Log a communication sent about the major incident',
          params: RecordRefParam,
          body: z.object({
            audience: z.enum(COMM_AUDIENCES),
            message: z.string().trim().min(1, 'is required').max(LIMITS.commentMax),
          }),
          response: view,
        },
      },
      async (req) => addMajorIncidentComm(ctx, requireActor(req), req.params.id, req.body),
    );
    app.put(
      '/incidents/:id/major/review',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Write the post-incident review (after resolution)',
          params: RecordRefParam,
          body: Review,
          response: view,
        },
      },
      async (req) => savePostIncidentReview(ctx, requireActor(req), req.params.id, req.body),
    );
    app.put(
      '/incidents/:id/parent',
      route(['incidents'], {
        summary:
          'Make this incident a child of another (id or number), or detach it with null; resolving the parent resolves its children',
        params: RecordRefParam,
        body: z.object({ parent: z.string().min(1).max(40).nullable() }),
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) =>
        noContent(reply, setParentIncident(ctx, requireActor(req), req.params.id, req.body.parent)),
    );
  };
}
