/**
 * HTTP routes of time tracking: a record's time (`/records/:id/time`, beside its comments and
 * links), one entry (`/time/entries/:id`), the signed-in person's timer (`/time/timer`) and the
 * time report (`/time/report`, JSON, CSV or XLSX).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  CurrentTimer,
  RecordTime,
  TimeEntryCreate,
  TimeEntryPatch,
  TimeEntryView,
  TimeReport,
  TimeReportQuery,
  TimerStart,
  TimerStarted,
  TimerStop,
} from '../../contracts/time-tracking.ts';
import { requireActor } from '../../http/auth.ts';
import { itemRoutes, noContent, resourceRoutes } from '../../http/resource.ts';
import { RecordRefParam, route } from '../../http/schemas.ts';
import { CONTENT_TYPES, sendTables } from '../reports/index.ts';
import { timeReport, timeReportTable } from './report.ts';
import {
  createEntry,
  currentTimer,
  deleteEntry,
  discardTimer,
  getEntry,
  listRecordTime,
  startTimer,
  stopTimer,
  updateEntry,
} from './service.ts';

const tags = ['time tracking'];

export function timeTrackingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    itemRoutes(app, ctx, {
      path: '/records/:id/time',
      tags,
      params: RecordRefParam,
      list: {
        summary: 'The time logged on a record, newest first, with the total and the billable total',
        ok: RecordTime,
        run: listRecordTime,
      },
      add: {
        summary: 'Log time on a record by hand: how long ("1h 30m"), when, billable, a note',
        body: TimeEntryCreate,
        ok: TimeEntryView,
        status: 201,
        etag: true,
        run: createEntry,
      },
    });
    resourceRoutes(app, ctx, {
      path: '/time/entries',
      tags,
      view: TimeEntryView,
      get: { summary: 'One time entry', run: getEntry },
      update: {
        summary: 'Correct a time entry (yours; managers any) — If-Match optional',
        body: TimeEntryPatch,
        run: updateEntry,
      },
      remove: {
        summary: 'Delete a time entry (yours; managers any) — If-Match optional',
        ifMatch: true,
        run: deleteEntry,
      },
    });
    app.get(
      '/time/timer',
      route(tags, {
        summary: 'Your running timer, if any',
        ok: CurrentTimer,
      }),
      async (req) => currentTimer(ctx, requireActor(req)),
    );
    app.post(
      '/time/timer',
      route(tags, {
        summary:
          'Start your timer on a record; a timer running on another record is stopped and its time booked',
        body: TimerStart,
        ok: TimerStarted,
        status: 201,
      }),
      async (req, reply) => reply.code(201).send(await startTimer(ctx, requireActor(req), req.body)),
    );
    app.post(
      '/time/timer/stop',
      route(tags, {
        summary: 'Stop your timer and book its time as an entry (409 when none is running)',
        body: TimerStop.nullish(),
        ok: TimeEntryView,
        status: 201,
      }),
      async (req, reply) => reply.code(201).send(await stopTimer(ctx, requireActor(req), req.body ?? {})),
    );
    app.delete(
      '/time/timer',
      route(tags, {
        summary: 'Throw your running timer away without booking it',
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, discardTimer(ctx, requireActor(req))),
    );
    app.get(
      '/time/report',
      route(tags, {
        summary:
          'Time logged in a period by service, customer, group, agent or record type, billable and in all; JSON, CSV or XLSX',
        querystring: TimeReportQuery,
        produces: ['application/json', CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        ok: TimeReport,
      }),
      async (req, reply) => {
        const { format, ...q } = req.query;
        const report = await timeReport(ctx, requireActor(req), q);
        if (format === 'json') return report;
        const table = timeReportTable(report);
        return sendTables(reply, [table], format, table.title);
      },
    );
  };
}
