/** HTTP routes acting on record lists as a whole: bulk changes and CSV export. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { BulkAnswer, BulkRequest, ExportQuery } from '../../contracts/worklists.ts';
import { requireActor } from '../../http/auth.ts';
import { route } from '../../http/schemas.ts';
import { bulkChange } from './bulk.ts';
import { exportRecords } from './export.ts';

export function worklistRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['records'];
    app.post(
      '/records/bulk',
      route(tags, {
        summary:
          'Edit or transition many records of one type; each is checked and versioned on its own and its outcome reported',
        body: BulkRequest,
        ok: BulkAnswer,
      }),
      async (req) => ({ results: await bulkChange(ctx, requireActor(req), req.body) }),
    );
    app.get(
      '/records/export.csv',
      {
        schema: {
          tags,
          summary:
            'The records a list shows (same filters, sort and visibility), every page, as CSV (RFC 4180) with the chosen columns',
          querystring: ExportQuery,
          produces: ['text/csv'],
        },
      },
      async (req, reply) => {
        const { filename, lines } = await exportRecords(ctx, requireActor(req), req.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8; header=present')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(Readable.from(lines));
      },
    );
  };
}
