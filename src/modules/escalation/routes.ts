/** HTTP routes: each process's escalation policy and a record's escalations. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  ESCALATION_CLOCK_KINDS,
  ESCALATION_METRICS,
  ESCALATION_TRIGGERS,
  NOTIFY_PARTIES,
} from '../../domain/escalation/policy.ts';
import { requireActor } from '../../http/auth.ts';
import { RecordRefParam, route, Uuid } from '../../http/schemas.ts';
import { settingDocumentRoutes } from '../settings/index.ts';
import { getEscalationPolicy, setEscalationPolicy } from './policy.ts';
import { listRecordEscalations } from './records.ts';

// Ranges and cross-field rules (thresholds, circles, unknown groups) are checked by the service,
// which answers 422 with a message per field; the schema only fixes the shape.
const EscalationPolicy = z
  .object({
    supportLevels: z
      .array(
        z.object({
          groupId: Uuid.describe('A group, e.g. the service desk (first line)'),
          nextGroupId: Uuid.describe('The group one support level up'),
        }),
      )
      .max(100),
    rules: z
      .array(
        z.object({
          trigger: z.enum(ESCALATION_TRIGGERS),
          threshold: z
            .number()
            .int()
            .nullable()
            .describe(
              'Warnings: the percent of the target (1–99); null matches every warning. Breaches: null',
            ),
          clockKind: z.enum(ESCALATION_CLOCK_KINDS),
          metric: z.enum(ESCALATION_METRICS),
          reassign: z.boolean().describe('Functional escalation: move the record to the next support level'),
          notify: z
            .array(z.enum(NOTIFY_PARTIES))
            .max(NOTIFY_PARTIES.length)
            .describe('Hierarchical escalation'),
          raciActivity: z
            .string()
            .min(1)
            .max(40)
            .default('resolve')
            .describe('The RACI activity whose consulted and informed parties are told'),
        }),
      )
      .max(50),
  })
  .meta({ id: 'EscalationPolicy' });

const GroupRef = z.object({ id: z.string(), name: z.string() }).nullable();
const Escalation = z
  .object({
    id: z.string(),
    at: z.string(),
    trigger: z.string(),
    threshold: z.number(),
    clockKind: z.string(),
    metric: z.string(),
    matched: z.boolean().describe('False when no rule of the policy applied to the alert'),
    reassign: z
      .string()
      .describe('done, not_asked, no_group, no_next_level, not_with_group, finished, refused'),
    reason: z.string().nullable(),
    fromGroup: GroupRef,
    toGroup: GroupRef,
    notified: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'Escalation' });

export function escalationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    settingDocumentRoutes(app, ctx, {
      path: 'escalation',
      key: 'policy',
      schema: EscalationPolicy,
      summaries: {
        get: 'The escalation policy: support levels and what SLA warnings and breaches trigger',
        put: 'Replace the escalation policy (admin, process owner)',
      },
      get: getEscalationPolicy,
      set: setEscalationPolicy,
    });
    app.get(
      '/records/:id/escalations',
      route(['records'], {
        summary: 'Escalations applied to a record on SLA warnings and breaches (staff)',
        params: RecordRefParam,
        ok: z.array(Escalation),
      }),
      async (req) => listRecordEscalations(ctx, requireActor(req), req.params.id),
    );
  };
}
