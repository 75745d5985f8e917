/** HTTP routes for CMDB imports: upload (multipart), progress and the per-row report. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { ImportRowView, ImportView } from '../../../contracts/cmdb.ts';
import { AppError } from '../../../errors.ts';
import { requireActor } from '../../../http/auth.ts';
import { IdParam, Limit, page, problemResponses, route } from '../../../http/schemas.ts';
import { receiveFile } from '../../../http/upload.ts';
import { formatOf, IMPORT_FORMATS } from './rows.ts';
import { getImport, listImportRows, listImports, startImport } from './service.ts';
import { IMPORT_TYPES, OUTCOMES } from './types.ts';

/** Imports carry whole estates; larger than an attachment, still bounded. */
const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

const tags = ['cmdb'];

export function importRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/cmdb/imports',
      {
        schema: {
          tags,
          summary:
            'Import CIs, relationships or assets from a CSV or JSON file (multipart field "file"). Small files answer 201 when done; large ones 202, then poll the import.',
          querystring: z.object({
            type: z.enum(IMPORT_TYPES),
            dryRun: z.stringbool().default(false).describe('Report what would happen, change nothing'),
            format: z.enum(IMPORT_FORMATS).optional().describe('Defaults from the file name or content type'),
          }),
          response: { 201: ImportView, 202: ImportView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const file = await receiveFile(req, IMPORT_MAX_BYTES, 'Import files may be at most 64 MiB.');
        const format = req.query.format ?? formatOf(file.filename, file.mimetype);
        if (!format)
          throw new AppError('validation.failed', 'Name the file .csv or .json, or give ?format=csv|json.', [
            { field: 'query.format', message: 'cannot tell the file format' },
          ]);
        const { view, finished } = await startImport(ctx, actor, {
          type: req.query.type,
          format,
          filename: file.filename,
          content: file.data.toString('utf8'),
          dryRun: req.query.dryRun,
        });
        return reply
          .code(finished ? 201 : 202)
          .header('location', `/api/v1/cmdb/imports/${view.id}`)
          .send(view);
      },
    );
    app.get(
      '/cmdb/imports',
      route(tags, {
        summary: 'Recent imports, newest first',
        querystring: z.object({ limit: Limit }),
        ok: z.array(ImportView),
      }),
      async (req) => listImports(ctx, requireActor(req), req.query.limit),
    );
    app.get(
      '/cmdb/imports/:id',
      route(tags, {
        summary: 'An import: status, progress (processed of total), counts and the first rejected rows',
        params: IdParam,
        ok: ImportView,
      }),
      async (req) => getImport(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/cmdb/imports/:id/rows',
      route(tags, {
        summary: 'What happened to each row (created, updated, unchanged, rejected and why)',
        params: IdParam,
        querystring: z.object({
          outcome: z.enum(OUTCOMES).optional(),
          cursor: z.string().max(200).optional(),
          limit: Limit,
        }),
        ok: page(ImportRowView),
      }),
      async (req) => listImportRows(ctx, requireActor(req), req.params.id, req.query),
    );
  };
}
