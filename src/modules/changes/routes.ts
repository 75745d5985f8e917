import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  CabAgenda,
  CabBoardInput,
  CabBoardPatch,
  CabBoardView,
  CabVoteInput,
  ChangeTemplateInput,
  ChangeTemplatePatch,
  ChangeTemplateView,
  ChangeView,
  ConflictReport,
  OverrideInput,
  RaisedProblem,
  RaiseProblem,
  ReviewInput,
  RiskAnswers,
  RiskQuestionnaire,
  RiskQuestionnaireView,
  TemplateListQuery,
  VetoInput,
} from '../../contracts/changes.ts';
import type { Actor } from '../../domain/roles.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag } from '../../http/etag.ts';
import { entityAction, itemRoutes, noContent, resourceRoutes } from '../../http/resource.ts';
import { IdParam, RecordRefParam, route } from '../../http/schemas.ts';
import {
  boardAgenda,
  castVote,
  createBoard,
  deleteBoard,
  getBoard,
  listBoards,
  updateBoard,
  vetoChange,
} from './cab.ts';
import { conflictReport, overrideConflicts } from './conflicts.ts';
import { raiseProblemFromChange, recordReview } from './review.ts';
import { assessRisk, getQuestionnaire, saveQuestionnaire } from './risk.ts';
import { getChangeView } from './service.ts';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './templates.ts';

const changes = ['changes'];
const cab = ['change advisory boards'];
const templates = ['change templates'];

export function changeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    /** A step on the change (its service answers the change's id): the change view with its ETag. */
    const changeStep = <B extends z.ZodType>(
      spec: {
        method: 'POST' | 'PUT';
        url: string;
        tags: string[];
        summary: string;
        body: B;
        ifMatch: boolean;
      },
      step: (actor: Actor, id: string, input: z.infer<B>, expected: number | undefined) => Promise<string>,
    ) =>
      entityAction(app, ctx, {
        ...spec,
        params: RecordRefParam,
        ok: ChangeView,
        run: async (ctx, actor, id, input, expected) =>
          getChangeView(ctx, actor, await step(actor, id, input, expected)),
      });
    changeStep(
      {
        method: 'PUT',
        url: '/changes/:id/risk',
        tags: changes,
        summary: 'Assess the risk: answer every question of the risk questionnaire (If-Match)',
        body: RiskAnswers,
        ifMatch: true,
      },
      (actor, id, input, expected) => assessRisk(ctx, actor, id, input.answers, expected),
    );
    changeStep(
      {
        method: 'POST',
        url: '/changes/:id/cab/votes',
        tags: cab,
        summary:
          'Vote on the change as a member of the reviewing board (approve or reject, once), or comment',
        body: CabVoteInput,
        ifMatch: false,
      },
      (actor, id, input) => castVote(ctx, actor, id, input),
    );
    changeStep(
      {
        method: 'POST',
        url: '/changes/:id/cab/veto',
        tags: cab,
        summary: 'Veto the change under review (change manager): it is rejected with the reason',
        body: VetoInput,
        ifMatch: false,
      },
      (actor, id, input) => vetoChange(ctx, actor, id, input.reason),
    );
    changeStep(
      {
        method: 'PUT',
        url: '/changes/:id/review',
        tags: changes,
        summary:
          'Record the post-implementation review: lessons and incidents caused by the change (If-Match)',
        body: ReviewInput,
        ifMatch: true,
      },
      (actor, id, input, expected) => recordReview(ctx, actor, id, input, expected),
    );
    itemRoutes(app, ctx, {
      path: '/changes/:id/problem',
      tags: changes,
      params: RecordRefParam,
      add: {
        summary: 'Raise a problem from a failed or backed-out change, linked to it',
        body: RaiseProblem,
        ok: RaisedProblem,
        status: 201,
        run: raiseProblemFromChange,
      },
    });
    app.get(
      '/changes/:id/conflicts',
      route(changes, {
        summary:
          'Scheduling conflicts of the change as planned (same or dependent CIs, shared services, freezes, maintenance windows) and whether an override covers them',
        params: RecordRefParam,
        ok: ConflictReport,
      }),
      async (req) => conflictReport(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/changes/:id/conflicts/override',
      route(changes, {
        summary: "Accept the change's current conflicts with a reason (change manager)",
        params: RecordRefParam,
        body: OverrideInput,
        ok: ConflictReport,
      }),
      async (req) => overrideConflicts(ctx, requireActor(req), req.params.id, req.body.reason),
    );
    app.get(
      '/change-settings/risk-questionnaire',
      route(changes, {
        summary: 'The risk questionnaire: questions, weighted answers and the thresholds of the levels',
        ok: RiskQuestionnaireView,
      }),
      async (req, reply) => sendWithEtag(reply, await getQuestionnaire(ctx, requireActor(req))),
    );
    app.put(
      '/change-settings/risk-questionnaire',
      route(changes, {
        summary: 'Replace the risk questionnaire (change manager, If-Match)',
        body: RiskQuestionnaire,
        ok: RiskQuestionnaireView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await saveQuestionnaire(ctx, requireActor(req), req.body, ifMatchVersion(req), req.ip),
        ),
    );
    resourceRoutes(app, ctx, {
      path: '/cab-boards',
      tags: cab,
      view: CabBoardView,
      all: { summary: 'The change advisory boards', run: listBoards },
      create: { summary: 'Set up a board (change manager)', body: CabBoardInput, run: createBoard },
      get: { summary: 'A board', run: getBoard },
      update: {
        summary: 'Change a board: members, rule, quorum, retire (change manager, If-Match)',
        body: CabBoardPatch,
        run: updateBoard,
      },
    });
    app.delete(
      '/cab-boards/:id',
      route(cab, {
        summary:
          'Delete a board that never reviewed a change (change manager, If-Match); one with a history is retired instead',
        params: IdParam,
        ok: z.null().describe('Deleted'),
        status: 204,
      }),
      async (req, reply) =>
        noContent(reply, deleteBoard(ctx, requireActor(req), req.params.id, ifMatchVersion(req))),
    );
    app.get(
      '/cab-boards/:id/agenda',
      route(cab, {
        summary: "The board's meeting agenda: the changes awaiting its decision, earliest first",
        params: IdParam,
        ok: CabAgenda,
      }),
      async (req) => boardAgenda(ctx, requireActor(req), req.params.id),
    );
    resourceRoutes(app, ctx, {
      path: '/change-templates',
      tags: templates,
      view: ChangeTemplateView,
      all: {
        summary: 'Standard change templates (pre-approved)',
        querystring: TemplateListQuery,
        run: (ctx, actor, query) => listTemplates(ctx, actor, query.active),
      },
      create: {
        summary: 'Add a standard change template (change manager)',
        body: ChangeTemplateInput,
        run: createTemplate,
      },
      get: { summary: 'A standard change template', run: getTemplate },
      update: {
        summary: 'Edit or retire (active: false) a standard change template (change manager, If-Match)',
        body: ChangeTemplatePatch,
        run: updateTemplate,
      },
    });
  };
}
