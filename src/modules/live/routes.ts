/** `GET /api/v1/live`: a server-sent event stream of changes to the records the viewer may see. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { can } from '../../domain/roles.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { route } from '../../http/schemas.ts';
import { loadRecord } from '../records/index.ts';
import type { LiveEvent } from './hub.ts';

/** Open streams per person: a tab each, with room to spare; more is a runaway client. */
const MAX_STREAMS_PER_USER = 20;
const HEARTBEAT_MS = 25_000;

export function liveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const open = new Map<string, number>();
  return async (app) => {
    // Streams never end on their own: end them when the server shuts down, or closing waits for them.
    const streams = new Set<{ end(): void }>();
    app.addHook('preClose', async () => {
      for (const s of streams) s.end();
    });
    app.get(
      '/live',
      route(['live'], {
        summary: 'Changes to the records you may see, as server-sent events',
        description:
          'A `text/event-stream`. Each `record` event (a record created or changed) and `comment` event ' +
          '(a comment added; internal ones only for staff) carries `{ recordId, type, number, version }`. ' +
          'A `notification` event says you have a new in-app notification. A `resync` event means announcements may have been missed: refetch what is shown.',
        ok: z.string().describe('text/event-stream'),
      }),
      async (req, reply) => {
        const actor = requireActor(req);
        const count = open.get(actor.userId) ?? 0;
        if (count >= MAX_STREAMS_PER_USER)
          throw new AppError(
            'request.rate_limited',
            `At most ${MAX_STREAMS_PER_USER} live streams per person.`,
          );
        open.set(actor.userId, count + 1);
        const seesAll = can(actor, 'record.read_all');
        const seesInternal = can(actor, 'comment.read_internal');
        const visible = async (e: LiveEvent): Promise<boolean> => {
          if (e.kind === 'notification') return e.userId === actor.userId;
          if (e.kind === 'comment' && e.internal && !seesInternal) return false;
          if (seesAll || e.requesterId === actor.userId) return true;
          try {
            await loadRecord(ctx, actor, e.recordId);
            return true;
          } catch {
            return false;
          }
        };

        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
        });
        res.write('retry: 3000\n: connected\n\n');
        streams.add(res);
        // Events are written in the order heard, each after its visibility check.
        let chain = Promise.resolve();
        const unsubscribe = ctx.live.subscribe((e) => {
          chain = chain.then(async () => {
            if (e === 'resync') {
              res.write('event: resync\ndata: {}\n\n');
              return;
            }
            if (!(await visible(e))) return;
            const data =
              e.kind === 'notification'
                ? {}
                : { recordId: e.recordId, type: e.type, number: e.number, version: e.version };
            res.write(`event: ${e.kind}\ndata: ${JSON.stringify(data)}\n\n`);
          });
        });
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
        const close = () => {
          streams.delete(res);
          clearInterval(heartbeat);
          unsubscribe();
          const left = (open.get(actor.userId) ?? 1) - 1;
          if (left > 0) open.set(actor.userId, left);
          else open.delete(actor.userId);
        };
        req.raw.once('close', close);
      },
    );
  };
}
