/** Reporting's HTTP routes: the KPI library, KPI values and drill-downs, their exports, dashboards. */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { IdParam } from '../../contracts/common.ts';
import {
  ComplianceQuery,
  ComplianceReport,
  DashboardInput,
  DashboardList,
  DashboardPatch,
  DashboardView,
  DeliveryView,
  DrillPage,
  DrillQuery,
  EXPORT_FORMATS,
  KpiBatchQuery,
  KpiDefinitionView,
  KpiQuery,
  KpiResult,
  ScheduleInput,
  ScheduleView,
  ServiceReview,
  ServiceReviewQuery,
} from '../../contracts/reports.ts';
import type { Actor } from '../../domain/roles.ts';
import { requireActor } from '../../http/auth.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { problemResponses, route } from '../../http/schemas.ts';
import { isoDate } from '../../shared/time.ts';
import {
  createDashboard,
  deleteDashboard,
  getDashboard,
  listDashboards,
  ROLE_DASHBOARDS,
  updateDashboard,
} from './dashboards.ts';
import { complianceTables, serviceReview, serviceReviewTables, slaComplianceReport } from './documents.ts';
import { CONTENT_TYPES, sendReportFile, sendTables, type Table } from './exports.ts';
import { renderServiceReviewPdf } from './pdf.ts';
import {
  createSchedule,
  deleteSchedule,
  listDeliveries,
  listSchedules,
  runScheduleNow,
  updateSchedule,
} from './schedules.ts';
import {
  assertMayReport,
  kpiRecords,
  kpiRecordsTable,
  kpiTable,
  kpiValue,
  kpiValues,
  listKpis,
} from './service.ts';

const tags = ['reports'];
const KeyParam = z.object({ key: z.string().min(1).max(60) });
const Format = z.object({ format: z.enum(EXPORT_FORMATS).default('csv') });

const sendTable = (reply: FastifyReply, table: Table, format: 'csv' | 'xlsx') =>
  sendTables(reply, [table], format, table.title);

export function reportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/kpis',
      route(tags, {
        summary: 'The KPI library: every KPI with its definition, unit, target and whether its data exists',
        ok: z.object({ items: z.array(KpiDefinitionView) }),
      }),
      async (req) => ({ items: await listKpis(ctx, requireActor(req)) }),
    );
    app.get(
      '/reports/kpi-values',
      route(tags, {
        summary:
          'Several KPIs over one period and cut at once (a dashboard), each with previous period and trend',
        querystring: KpiBatchQuery.extend({ split: KpiQuery.shape.split }),
        ok: z.object({ items: z.array(KpiResult) }),
      }),
      async (req) => {
        const { keys, ...q } = req.query;
        return { items: await kpiValues(ctx, requireActor(req), keys, q) };
      },
    );
    app.get(
      '/reports/kpis/:key',
      route(tags, {
        summary:
          'One KPI over a period and cut: value, previous period, red/amber/green, trend and breakdown',
        params: KeyParam,
        querystring: KpiQuery,
        ok: KpiResult,
      }),
      async (req) => kpiValue(ctx, requireActor(req), req.params.key, req.query),
    );
    app.get(
      '/reports/kpis/:key/records',
      route(tags, {
        summary: 'The exact rows behind a KPI value (drill-down), newest first, in keyset pages',
        params: KeyParam,
        querystring: DrillQuery,
        ok: DrillPage,
      }),
      async (req) => kpiRecords(ctx, requireActor(req), req.params.key, req.query),
    );
    const exports = [
      {
        path: '/reports/kpis/:key/table',
        summary: 'A KPI by a dimension (or its trend) as CSV or XLSX',
        query: KpiQuery,
        table: (actor: Actor, key: string, q: KpiQuery) => kpiTable(ctx, actor, key, q),
      },
      {
        path: '/reports/kpis/:key/records/export',
        summary: 'Every row behind a KPI value (up to 100 000) as CSV or XLSX',
        query: DrillQuery.omit({ cursor: true, limit: true }),
        table: (actor: Actor, key: string, q: Omit<DrillQuery, 'cursor' | 'limit'>) =>
          kpiRecordsTable(ctx, actor, key, { ...q, limit: 200 }),
      },
    ] as const;
    for (const e of exports)
      app.get(
        e.path,
        {
          schema: {
            tags,
            summary: e.summary,
            params: KeyParam,
            querystring: e.query.extend(Format.shape),
            produces: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
          },
        },
        async (req, reply) => {
          const { format, ...q } = req.query as { format: 'csv' | 'xlsx' } & KpiQuery;
          return sendTable(reply, await e.table(requireActor(req), req.params.key, q), format);
        },
      );
    app.get(
      '/reports/sla-compliance',
      {
        schema: {
          tags,
          summary:
            'SLA compliance per agreement (SLA, OLA, UC) for a period, optionally one customer or agreement, with every breach explained; JSON, CSV or XLSX',
          querystring: ComplianceQuery,
          response: { 200: ComplianceReport, ...problemResponses },
          produces: ['application/json', CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        },
      },
      async (req, reply) => {
        const { format, ...q } = req.query;
        const report = await slaComplianceReport(ctx, requireActor(req), q);
        if (format === 'json') return report;
        const tables = complianceTables(report);
        return sendTables(reply, tables, format, `sla-compliance-${isoDate(q.from)}`);
      },
    );
    app.get(
      '/reports/services/:id/review',
      {
        schema: {
          tags,
          summary:
            'The service review of one service for a period: availability, incidents, requests, SLA performance, problems, changes; JSON, PDF, CSV or XLSX',
          params: IdParam,
          querystring: ServiceReviewQuery,
          response: { 200: ServiceReview, ...problemResponses },
          produces: ['application/json', CONTENT_TYPES.pdf, CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        },
      },
      async (req, reply) => {
        const { format, ...q } = req.query;
        const review = await serviceReview(ctx, requireActor(req), req.params.id, q);
        if (format === 'json') return review;
        const base = `service-review-${review.service.name}-${isoDate(q.from)}`;
        if (format === 'pdf') return sendReportFile(reply, await renderServiceReviewPdf(review), 'pdf', base);
        return sendTables(reply, serviceReviewTables(review), format, base);
      },
    );

    resourceRoutes(app, ctx, {
      path: '/reports/schedules',
      tags,
      view: ScheduleView,
      all: { summary: 'Scheduled reports', run: listSchedules },
      create: {
        summary: 'Mail a report daily, weekly or monthly as PDF, CSV or XLSX to people and groups',
        body: ScheduleInput,
        run: createSchedule,
      },
      update: {
        summary: 'Change a scheduled report (If-Match)',
        body: ScheduleInput,
        method: 'PUT',
        run: updateSchedule,
      },
      remove: { summary: 'Stop and delete a scheduled report', run: deleteSchedule },
    });
    app.get(
      '/reports/schedules/:id/deliveries',
      route(tags, {
        summary: 'The delivery log of a scheduled report: each period, to whom, and what became of the mail',
        params: IdParam,
        ok: z.object({ items: z.array(DeliveryView) }),
      }),
      async (req) => ({ items: await listDeliveries(ctx, requireActor(req), req.params.id) }),
    );
    app.post(
      '/reports/schedules/:id/send',
      route(tags, {
        summary: 'Send the report for the period that has just ended now; answers the delivery log',
        params: IdParam,
        ok: z.object({ items: z.array(DeliveryView) }),
      }),
      async (req) => ({ items: await runScheduleNow(ctx, requireActor(req), req.params.id) }),
    );

    app.get(
      '/reports/dashboards',
      route(tags, {
        summary: "The role dashboards, and the caller's own and shared dashboards",
        ok: DashboardList,
      }),
      async (req) => {
        const actor = requireActor(req);
        assertMayReport(actor);
        return { roles: ROLE_DASHBOARDS, items: await listDashboards(ctx.db, actor) };
      },
    );
    resourceRoutes(app, ctx, {
      path: '/reports/dashboards',
      tags,
      view: DashboardView,
      create: {
        summary: 'Arrange a dashboard of KPI widgets (shared: visible to every internal user)',
        body: DashboardInput,
        run: ({ db }, actor, input) => createDashboard(db, actor, input),
      },
      get: { summary: 'One dashboard', run: ({ db }, actor, id) => getDashboard(db, actor, id) },
      update: {
        summary: 'Change, reorder or share one of your dashboards (If-Match)',
        body: DashboardPatch,
        run: ({ db }, actor, id, patch, expected) => updateDashboard(db, actor, id, patch, expected),
      },
      remove: {
        summary: 'Delete one of your dashboards',
        run: ({ db }, actor, id) => deleteDashboard(db, actor, id),
      },
    });
  };
}
