/** Process settings served as documents: GET and PUT of one value with its version. */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/roles.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { route } from '../../http/schemas.ts';
import { assertMayReadSettings, PROCESSES, type ProcessKey } from './service.ts';

/** The `:process` path parameter of every settings route. */
export const Process = z.object({ process: z.enum(PROCESSES) });

/**
 * A process setting served as the document `{ <key>: value, version }`: GET reads it (with the
 * settings.read ability, or as any signed-in user when `openToAll`), PUT replaces it (If-Match).
 */
type SettingDocument<K extends string, T> = {
  path: string;
  key: K;
  schema: z.ZodType<T>;
  summaries: { get: string; put: string };
  openToAll?: boolean;
  /** Answer with an ETag header (the version is always in the body). */
  etag?: boolean;
  get(db: AppContext['db'], process: ProcessKey): Promise<{ value: T; version: number }>;
  set(
    ctx: AppContext,
    actor: Actor,
    process: ProcessKey,
    value: T,
    expectedVersion: number | undefined,
    ip: string | null,
  ): Promise<{ value: T; version: number }>;
};

export function settingDocumentRoutes<K extends string, T>(
  app: Parameters<FastifyPluginAsyncZod>[0],
  ctx: AppContext,
  { path, key, schema, summaries, openToAll = false, etag = true, get, set }: SettingDocument<K, T>,
): void {
  const Body = z.object({ [key]: schema } as Record<K, z.ZodType<T>>);
  const Document = z.object({ [key]: schema, version: z.number() });
  const send = (reply: FastifyReply, doc: { value: T; version: number }) => {
    const body = { [key]: doc.value, version: doc.version };
    return etag ? withEtag(reply, doc).send(body) : reply.send(body);
  };
  app.get(
    `/settings/:process/${path}`,
    route(['settings'], { summary: summaries.get, params: Process, ok: Document }),
    async (req, reply) => {
      const actor = requireActor(req);
      if (!openToAll) assertMayReadSettings(actor);
      return send(reply, await get(ctx.db, req.params.process));
    },
  );
  app.put(
    `/settings/:process/${path}`,
    route(['settings'], { summary: summaries.put, params: Process, body: Body, ok: Document }),
    async (req, reply) =>
      send(
        reply,
        await set(
          ctx,
          requireActor(req),
          req.params.process,
          (req.body as Record<K, T>)[key],
          ifMatchVersion(req),
          clientIp(req),
        ),
      ),
  );
}
