/**
 * The standard routes of a versioned resource that one module's service functions keep: list,
 * create, get, patch (If-Match → 412 when stale) and delete, each entity answered with its ETag
 * (RFC 9110 §8.8.3). A module declares the operations its resource has once; routes specific to the
 * resource (sub-collections, transitions, reports) stay hand-written beside it. Every write is
 * handed the client's address last, for the services that audit it.
 */
import type { FastifyReply, FastifyRequest, FastifyTypeProviderDefault } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/roles.ts';
import { defined } from '../shared/defined.ts';
import { clientIp, requireActor } from './auth.ts';
import { ifMatchVersion, sendWithEtag } from './etag.ts';
import { IdParam, page, route, Uuid } from './schemas.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };
type Entity = { id: string; version: number };

/** A write on one entity: its id, what the client sent, the version it expects (If-Match) and its address. */
type EntityWrite<I, O> = (
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: I,
  expectedVersion: number | undefined,
  ip: string | null,
) => Promise<O>;

export type ResourceSpec<
  V extends z.ZodType<Entity>,
  Q extends z.ZodType,
  C extends z.ZodType<Record<string, unknown>>,
  P extends z.ZodType<Record<string, unknown>>,
> = {
  /** The collection's path, e.g. `/contracts`; one entity is at `{path}/:id`. */
  path: string;
  tags: string[];
  /** What every operation answers with (lists: a page of it). */
  view: V;
  /** The `:id` parameter; a UUID by default. */
  params?: z.ZodType<{ id: string }>;
  /** Keyset-paginated list filtered by the query. */
  list?: {
    summary: string;
    querystring: Q;
    run: (ctx: AppContext, actor: Actor, query: z.infer<Q>) => Promise<z.infer<ReturnType<typeof page<V>>>>;
  };
  /** Instead of a paged list: every entity at once, as `{ items }`, filtered by the query if it takes one. */
  all?: {
    summary: string;
    querystring?: Q;
    run: (ctx: AppContext, actor: Actor, query: z.infer<Q>) => Promise<z.infer<V>[]>;
  };
  /** 201 with the ETag, and with `Location` when `location` is set. */
  create?: {
    summary: string;
    body: C;
    location?: boolean;
    run: (
      ctx: AppContext,
      actor: Actor,
      input: Defined<z.infer<C>>,
      ip: string | null,
    ) => Promise<z.infer<V>>;
  };
  get?: { summary: string; run: (ctx: AppContext, actor: Actor, id: string) => Promise<z.infer<V>> };
  /** PATCH by default; PUT where the body replaces the whole entity. */
  update?: {
    summary: string;
    body: P;
    method?: 'PATCH' | 'PUT';
    run: EntityWrite<Defined<z.infer<P>>, z.infer<V>>;
  };
  /** 204; the expected version comes from If-Match when the resource takes one. */
  remove?: {
    summary: string;
    ifMatch?: boolean;
    run: (
      ctx: AppContext,
      actor: Actor,
      id: string,
      expectedVersion: number | undefined,
      ip: string | null,
    ) => Promise<unknown>;
  };
};

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Answer 204 once the work is done: `async (req, reply) => noContent(reply, deleteThing(…))`. */
export async function noContent(reply: FastifyReply, work: Promise<unknown>): Promise<FastifyReply> {
  await work;
  return reply.code(204).send(null);
}

/** Register the declared operations of a resource on the module's plugin. */
export function resourceRoutes<
  V extends z.ZodType<Entity>,
  Q extends z.ZodType = z.ZodType,
  C extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>,
  P extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>,
>(app: App, ctx: AppContext, spec: ResourceSpec<V, Q, C, P>): void {
  const { path, tags, view, params = IdParam, list, all, create, get, update, remove } = spec;
  const one = `${path}/:id`;
  // The schemas are generic here, so the handlers take the validated input by the operation's types.
  const server = app.withTypeProvider<FastifyTypeProviderDefault>();
  if (list)
    server.get(
      path,
      route(tags, { summary: list.summary, querystring: list.querystring, ok: page(view) }),
      async (req: FastifyRequest) => list.run(ctx, requireActor(req), req.query as z.infer<Q>),
    );
  if (all) {
    const { summary, querystring } = all;
    const items = z.object({ items: z.array(view) });
    server.get(
      path,
      route(tags, querystring ? { summary, querystring, ok: items } : { summary, ok: items }),
      async (req: FastifyRequest) => ({
        items: await all.run(ctx, requireActor(req), req.query as z.infer<Q>),
      }),
    );
  }
  if (create)
    server.post(
      path,
      route(tags, { summary: create.summary, body: create.body, ok: view, status: 201 }),
      async (req: FastifyRequest, reply: FastifyReply) => {
        const body = defined(req.body as z.infer<C>) as Defined<z.infer<C>>;
        const entity = await create.run(ctx, requireActor(req), body, clientIp(req));
        if (create.location) reply.header('location', `/api/v1${path}/${entity.id}`);
        return sendWithEtag(reply.code(201), entity);
      },
    );
  if (get)
    server.get(
      one,
      route(tags, { summary: get.summary, params, ok: view }),
      async (req: IdRequest, reply: FastifyReply) =>
        sendWithEtag(reply, await get.run(ctx, requireActor(req), req.params.id)),
    );
  if (update)
    server.route({
      method: update.method ?? 'PATCH',
      url: one,
      ...route(tags, { summary: update.summary, params, body: update.body, ok: view }),
      handler: async (req: IdRequest, reply: FastifyReply) => {
        const patch = defined(req.body as z.infer<P>) as Defined<z.infer<P>>;
        return sendWithEtag(
          reply,
          await update.run(ctx, requireActor(req), req.params.id, patch, ifMatchVersion(req), clientIp(req)),
        );
      },
    });
  if (remove)
    server.delete(
      one,
      route(tags, { summary: remove.summary, params, ok: z.null(), status: 204 }),
      async (req: IdRequest, reply: FastifyReply) => {
        const expected = remove.ifMatch ? ifMatchVersion(req) : undefined;
        return noContent(reply, remove.run(ctx, requireActor(req), req.params.id, expected, clientIp(req)));
      },
    );
}

/**
 * A versioned step on one entity beyond its plain edit (a lifecycle transition, a workflow step):
 * `POST {url}` by default, If-Match → 412 when stale, answering the entity with its new ETag. A step
 * that is no edit of the entity's fields (a vote, a comment) sets `ifMatch: false`: the header is
 * then not read at all.
 */
export function entityAction<V extends z.ZodType<Entity>, B extends z.ZodType>(
  app: App,
  ctx: AppContext,
  spec: {
    method?: 'POST' | 'PATCH' | 'PUT';
    url: string;
    tags: string[];
    summary: string;
    params?: z.ZodType<{ id: string }>;
    body: B;
    ok: V;
    ifMatch?: boolean;
    run: EntityWrite<z.infer<B>, z.infer<V>>;
  },
): void {
  const { method = 'POST', url, tags, summary, params = IdParam, body, ok, ifMatch = true, run } = spec;
  app.withTypeProvider<FastifyTypeProviderDefault>().route({
    method,
    url,
    ...route(tags, { summary, params, body, ok }),
    handler: async (req: IdRequest, reply: FastifyReply) =>
      sendWithEtag(
        reply,
        await run(
          ctx,
          requireActor(req),
          req.params.id,
          req.body as z.infer<B>,
          ifMatch ? ifMatchVersion(req) : undefined,
          clientIp(req),
        ),
      ),
  });
}

type Op<O extends z.ZodType, Args extends unknown[]> = {
  summary: string;
  ok: O;
  run: (ctx: AppContext, actor: Actor, id: string, ...args: Args) => Promise<z.infer<O>>;
};

/**
 * The items one entity holds (a contract's coverage, a licence's purchases, a record's CIs): listed
 * at `GET {path}`, added at `POST {path}` and removed one at a time at `DELETE {path}/:{key}`, where
 * `path` names the entity by `:id`. A removal answering nothing is a 204; one that sets `ok`
 * answers what its run returns, as the list and the addition do.
 */
export function itemRoutes<
  L extends z.ZodType,
  A extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType = z.ZodNull,
>(
  app: App,
  ctx: AppContext,
  spec: {
    path: string;
    tags: string[];
    /** The entity's `:id` parameter; a UUID by default. */
    params?: z.ZodObject<{ id: z.ZodType<string> }>;
    list?: Op<L, []>;
    /** `etag`: what is added is a versioned entity of its own, answered with its ETag. */
    add?: Op<A, [input: z.infer<B>]> & { body: B; status?: 200 | 201; etag?: boolean };
    remove?: {
      summary: string;
      /** The item's parameter, e.g. `coverageId`, a UUID unless `keySchema` says otherwise. */
      key: string;
      keySchema?: z.ZodType<string>;
      ok?: R;
      run: (
        ctx: AppContext,
        actor: Actor,
        id: string,
        itemId: string,
      ) => Promise<[R] extends [z.ZodNull] ? unknown : z.infer<R>>;
    };
  },
): void {
  const { path, tags, params = IdParam, list, add, remove } = spec;
  const server = app.withTypeProvider<FastifyTypeProviderDefault>();
  if (list)
    server.get(path, route(tags, { summary: list.summary, params, ok: list.ok }), async (req: IdRequest) =>
      list.run(ctx, requireActor(req), req.params.id),
    );
  if (add) {
    const status = add.status ?? 200;
    server.post(
      path,
      route(tags, { summary: add.summary, params, body: add.body, ok: add.ok, status }),
      async (req: IdRequest, reply: FastifyReply) => {
        const added = await add.run(ctx, requireActor(req), req.params.id, req.body as z.infer<B>);
        return add.etag ? sendWithEtag(reply.code(status), added as Entity) : reply.code(status).send(added);
      },
    );
  }
  if (remove) {
    const { key, keySchema = Uuid, ok } = remove;
    server.delete(
      `${path}/:${key}`,
      route(tags, {
        summary: remove.summary,
        params: params.extend({ [key]: keySchema }),
        ok: ok ?? z.null(),
        status: ok ? 200 : 204,
      }),
      async (
        req: FastifyRequest<{ Params: Record<string, string> & { id: string } }>,
        reply: FastifyReply,
      ) => {
        const answer = await remove.run(ctx, requireActor(req), req.params.id, req.params[key]!);
        return ok ? answer : reply.code(204).send(null);
      },
    );
  }
}
