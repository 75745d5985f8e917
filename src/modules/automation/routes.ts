/** HTTP routes for automation rules and their run log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { Versioned } from '../../contracts/common.ts';
import {
  ASSIGN_STRATEGIES,
  AUTOMATION_EVENTS,
  CONDITION_OPS,
  RULE_FIELDS,
  SETTABLE_FIELDS,
} from '../../domain/automation/rules.ts';
import { requireActor } from '../../http/auth.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { IdParam, problemResponses, route, Uuid } from '../../http/schemas.ts';
import { PROCESSES } from '../settings/index.ts';
import { createRule, deleteRule, listRules, listRuns, updateRule } from './service.ts';

const Scalar = z.union([z.string().max(200), z.number()]);
const Condition = z.object({
  field: z.enum(RULE_FIELDS),
  op: z.enum(CONDITION_OPS),
  value: z.union([Scalar, z.null(), z.array(Scalar).max(50)]).optional(),
});
const Action = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set_field'),
    field: z.enum(SETTABLE_FIELDS),
    value: z.union([Scalar, z.null()]),
  }),
  z.object({
    type: z.literal('assign'),
    groupId: Uuid.nullable(),
    assigneeId: Uuid.nullable(),
    strategy: z.enum(ASSIGN_STRATEGIES).optional(),
  }),
  z.object({
    type: z.literal('add_comment'),
    body: z.string().trim().min(1).max(5000),
    visibility: z.enum(['public', 'internal']),
  }),
]);
const RuleInput = z.object({
  name: z.string().trim().min(1).max(120),
  event: z.enum(AUTOMATION_EVENTS),
  conditions: z.array(Condition).max(20),
  actions: z.array(Action).max(10),
  enabled: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
const Rule = RuleInput.extend({
  id: z.string(),
  process: z.string(),
  enabled: z.boolean(),
  position: z.number(),
  ...Versioned.shape,
}).meta({
  id: 'AutomationRule',
});

export function automationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const Process = z.object({ process: z.enum(PROCESSES) });
    app.get(
      '/settings/:process/automation-rules',
      route(['automation'], {
        summary: 'Automation rules of a process, in evaluation order',
        params: Process,
        ok: z.array(Rule),
      }),
      async (req) => listRules(ctx, requireActor(req), req.params.process),
    );
    app.post(
      '/settings/:process/automation-rules',
      route(['automation'], {
        summary: 'Add a rule: when <event> and <conditions> then <actions>',
        params: Process,
        body: RuleInput,
        ok: Rule,
        status: 201,
      }),
      async (req, reply) =>
        reply.code(201).send(await createRule(ctx, requireActor(req), req.params.process, req.body)),
    );
    resourceRoutes(app, ctx, {
      path: '/automation-rules',
      tags: ['automation'],
      view: Rule,
      update: { summary: 'Replace a rule (If-Match)', body: RuleInput, method: 'PUT', run: updateRule },
      remove: { summary: 'Delete a rule', run: deleteRule },
    });
    app.get(
      '/automation-rules/:id/runs',
      {
        schema: {
          tags: ['automation'],
          summary: 'Every run of a rule: when, on which record, with what outcome',
          params: IdParam,
          response: {
            200: z.array(
              z.object({
                id: z.number(),
                ruleId: z.string(),
                recordId: z.string(),
                at: z.string(),
                event: z.string(),
                outcome: z.string(),
                details: z.record(z.string(), z.unknown()),
              }),
            ),
            ...problemResponses,
          },
        },
      },
      async (req) => listRuns(ctx, requireActor(req), req.params.id),
    );
  };
}
