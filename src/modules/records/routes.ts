/** HTTP routes shared by every record type: comments, attachments, watchers, links, activity. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  Activity,
  Attachment,
  CommentCreate,
  CommentView,
  LinkCreate,
  RecordCounts,
  RecordLink,
} from '../../contracts/records.ts';
import { requireActor } from '../../http/auth.ts';
import { itemRoutes, noContent } from '../../http/resource.ts';
import { IdParam, problemResponses, RecordRefParam, route, Uuid } from '../../http/schemas.ts';
import { receiveFile } from '../../http/upload.ts';
import {
  addAttachment,
  addComment,
  addLink,
  deleteAttachment,
  getAttachmentContent,
  listActivity,
  listAttachments,
  listLinks,
  removeLink,
  setWatching,
} from './collab.ts';
import { recordCounts } from './counts.ts';
import { RECORD_TYPES } from './types.ts';

/** RFC 6266 / RFC 5987 Content-Disposition with an ASCII fallback and a UTF-8 filename. */
function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const tags = ['records'];

export function recordRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/records/counts',
      route(tags, {
        summary: 'Exact totals by state and priority of one record type, and the queue badges',
        querystring: z.object({ type: z.enum(RECORD_TYPES.map((t) => t.type) as [string, ...string[]]) }),
        ok: RecordCounts,
      }),
      async (req) =>
        recordCounts(ctx, requireActor(req), RECORD_TYPES.find((t) => t.type === req.query.type)!),
    );
    app.get(
      '/records/:id/activity',
      route(tags, {
        summary: 'Comments, field history and attachments in one stream, oldest first',
        params: RecordRefParam,
        ok: z.array(Activity),
      }),
      async (req) => listActivity(ctx, requireActor(req), req.params.id),
    );
    itemRoutes(app, ctx, {
      path: '/records/:id/comments',
      tags,
      params: RecordRefParam,
      add: {
        summary: 'Add a public comment (seen by the requester) or an internal work note',
        body: CommentCreate,
        ok: CommentView,
        status: 201,
        run: addComment,
      },
    });
    app.get(
      '/records/:id/attachments',
      route(tags, {
        summary: 'List attachments',
        params: RecordRefParam,
        ok: z.array(Attachment),
      }),
      async (req) => listAttachments(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/records/:id/attachments',
      {
        schema: {
          tags: ['records'],
          summary: 'Upload one file as multipart/form-data (field "file")',
          params: RecordRefParam,
          consumes: ['multipart/form-data'],
          response: { 201: Attachment, 413: problemResponses[400], ...problemResponses },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const max = ctx.config.attachmentMaxBytes;
        const file = await receiveFile(
          req,
          max,
          `Attachments may be at most ${Math.floor(max / 1048576)} MiB.`,
        );
        const att = await addAttachment(ctx, actor, req.params.id, {
          filename: file.filename,
          contentType: file.mimetype,
          data: file.data,
        });
        return reply.code(201).send(att);
      },
    );
    app.get(
      '/attachments/:id/content',
      { schema: { tags, summary: 'Download an attachment', params: IdParam } },
      async (req, reply) => {
        const { meta, data, inline } = await getAttachmentContent(ctx, requireActor(req), req.params.id);
        return reply
          .header('content-type', inline ? meta.contentType : 'application/octet-stream')
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', meta.filename))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=0')
          .send(data);
      },
    );
    app.delete(
      '/attachments/:id',
      route(tags, {
        summary: 'Remove an attachment (uploader or agent)',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, deleteAttachment(ctx, requireActor(req), req.params.id)),
    );
    const watch = [
      ['PUT', true, 'Watch a record (yourself, or anyone as an agent)'],
      ['DELETE', false, 'Stop watching a record'],
    ] as const;
    for (const [method, watching, summary] of watch)
      app.route({
        method,
        url: '/records/:id/watchers/:userId',
        ...route(tags, { summary, params: RecordRefParam.extend({ userId: Uuid }), ok: z.array(z.string()) }),
        handler: async (req) =>
          setWatching(ctx, requireActor(req), req.params.id, req.params.userId, watching),
      });
    itemRoutes(app, ctx, {
      path: '/records/:id/links',
      tags,
      params: RecordRefParam,
      list: { summary: 'Links to and from other records', ok: z.array(RecordLink), run: listLinks },
      add: {
        summary: 'Link this record to another by id or number',
        body: LinkCreate,
        ok: z.array(RecordLink),
        status: 201,
        run: addLink,
      },
      remove: { summary: 'Remove a link', key: 'linkId', ok: z.array(RecordLink), run: removeLink },
    });
  };
}
