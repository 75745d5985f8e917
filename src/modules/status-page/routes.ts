/**
 * HTTP routes of the status page. Public, without sign-in (`/public/status…`): the page's data
 * from the cache with ETag / Cache-Control and 304s, the Atom and RSS feeds, and subscribing,
 * confirming and unsubscribing. For the service desk (`/status-page…`): settings, published
 * services and overrides, updates and the subscription overview.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  PublicStatus,
  type PublishedServiceView,
  PublishedServiceView as PublishedServiceViewSchema,
  PublishService,
  StatusOverride,
  StatusPageSettings,
  StatusPageSettingsView,
  StatusUpdateCreate,
  StatusUpdateView,
  SubscribeBody,
  SubscriptionOverview,
  TokenBody,
} from '../../contracts/status-page.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, forbidden } from '../../errors.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag } from '../../http/etag.ts';
import { noContent } from '../../http/resource.ts';
import { limitUpTo, problemResponses, route, Uuid } from '../../http/schemas.ts';
import { type CachedPage, cachedStatusPage } from './cache.ts';
import { statusFeed } from './feed.ts';
import {
  createStatusUpdate,
  listPublishedServices,
  listStatusUpdates,
  publishService,
  setOverride,
  unpublishService,
} from './service.ts';
import { readStatusSettings, saveStatusSettings } from './settings.ts';
import {
  configuredBase,
  confirmSubscription,
  subscribe,
  subscriptionOverview,
  unsubscribe,
} from './subscriptions.ts';

const pub = ['status page (public)'];
const admin = ['status page'];
/**
 * Browsers revalidate every time (a 304 is nearly free, and a status must not lag); shared caches
 * in front of Steward (a CDN, a reverse proxy) may answer from their copy for 5 s.
 */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=5';
const ServiceParam = z.object({ serviceId: Uuid });

const turnedOff = () => new AppError('resource.not_found', 'There is no status page here.');

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/ prefixes do not count. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
function matches(req: FastifyRequest, etag: string): boolean {
  const h = req.headers['if-none-match'];
  return typeof h === 'string' && (h.trim() === '*' || h.split(',').some((t) => opaque(t) === opaque(etag)));
}

/** Send a cached representation, or 304 when the client has it already. */
function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  type: string,
  body: () => string,
) {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('vary', 'accept-encoding');
  if (matches(req, etag)) return reply.code(304).send();
  return reply.type(type).send(body());
}

export function statusPageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const enabled = async () => (await readStatusSettings(ctx.db)).value.enabled;
  const page = async (): Promise<CachedPage & { page: PublicStatus }> => {
    const c = await cachedStatusPage(ctx, enabled);
    if (!c.enabled || !c.page) throw turnedOff();
    return c as CachedPage & { page: PublicStatus };
  };
  const feeds = new WeakMap<CachedPage, Record<string, string>>();
  const feedOf = (c: CachedPage & { page: PublicStatus }, format: 'atom' | 'rss') => {
    const f = feeds.get(c) ?? {};
    f[format] ??= statusFeed(c.page, configuredBase(ctx), format);
    feeds.set(c, f);
    return f[format];
  };
  return async (app) => {
    /** A PUT on one service's entry (If-Match), answering the entry with its ETag. */
    const putEntry = <B extends z.ZodType>(
      url: string,
      summary: string,
      body: B,
      write: (
        c: AppContext,
        actor: Actor,
        serviceId: string,
        input: z.infer<B>,
        version: number | undefined,
      ) => Promise<PublishedServiceView>,
    ) =>
      app.put(
        url,
        route(admin, {
          summary,
          params: ServiceParam,
          body,
          ok: PublishedServiceViewSchema,
        }),
        async (req, reply) => {
          const params = req.params as z.infer<typeof ServiceParam>;
          const view = await write(
            ctx,
            requireActor(req),
            params.serviceId,
            req.body as z.infer<B>,
            ifMatchVersion(req),
          );
          return sendWithEtag(reply, view);
        },
      );
    app.get(
      '/public/status',
      {
        config: { rateLimit: false },
        schema: {
          tags: pub,
          summary:
            'The status page: services, what is going on, planned maintenance and 90 days of history (no sign-in; ETag)',
          security: [],
          response: { 200: PublicStatus, ...problemResponses },
        },
      },
      async (req, reply) => {
        const c = await page();
        return sendCached(req, reply, c.etag, 'application/json; charset=utf-8', () => c.json);
      },
    );
    for (const format of ['atom', 'rss'] as const)
      app.get(
        `/public/status/feed.${format}`,
        {
          config: { rateLimit: false },
          schema: {
            tags: pub,
            summary: `The status page as an ${format === 'atom' ? 'Atom' : 'RSS'} feed`,
            security: [],
          },
        },
        async (req, reply) => {
          const c = await page();
          const type =
            format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8';
          return sendCached(req, reply, `W/"${format}-${opaque(c.etag).slice(1)}`, type, () =>
            feedOf(c, format),
          );
        },
      );
    app.post(
      '/public/status/subscriptions',
      route(pub, {
        summary:
          'Subscribe an e-mail address to updates (a confirmation link is mailed; nothing else is sent before it is used)',
        security: [],
        body: SubscribeBody,
        ok: z.object({ message: z.string() }),
        status: 202,
      }),
      async (req, reply) => {
        if (!(await enabled())) throw turnedOff();
        await subscribe(ctx, configuredBase(ctx), req.body);
        return reply.code(202).send({ message: 'Check your mailbox for the confirmation link.' });
      },
    );
    app.post(
      '/public/status/subscriptions/confirm',
      route(pub, {
        summary: 'Confirm a subscription with the token of the mailed link',
        security: [],
        body: TokenBody,
        ok: z.object({ email: z.string() }),
      }),
      async (req) => confirmSubscription(ctx, req.body.token),
    );
    app.post(
      '/public/status/subscriptions/unsubscribe',
      route(pub, {
        summary: 'End a subscription with the token of the unsubscribe link',
        security: [],
        body: TokenBody,
        ok: z.object({ email: z.string() }),
      }),
      async (req) => unsubscribe(ctx, req.body.token),
    );

    app.get(
      '/status-page/settings',
      route(admin, {
        summary: 'Whether the status page is on, and its title',
        ok: StatusPageSettingsView,
      }),
      async (req, reply) => {
        if (!can(requireActor(req), 'status_page.update'))
          throw forbidden('Only the service desk may see the status page settings.');
        const s = await readStatusSettings(ctx.db);
        const view = { ...s.value, version: s.version };
        return sendWithEtag(reply, view);
      },
    );
    app.put(
      '/status-page/settings',
      route(admin, {
        summary: 'Turn the status page on or off (off: its URLs answer 404) and set its title (If-Match)',
        body: StatusPageSettings,
        ok: StatusPageSettingsView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await saveStatusSettings(ctx, requireActor(req), req.body, ifMatchVersion(req), clientIp(req)),
        ),
    );
    app.get(
      '/status-page/services',
      route(admin, {
        summary:
          'The services on the status page with their status, what it is derived from, and any override',
        ok: z.object({ items: z.array(PublishedServiceViewSchema) }),
      }),
      async (req) => ({ items: await listPublishedServices(ctx, requireActor(req)) }),
    );
    putEntry(
      '/status-page/services/:serviceId',
      'Show a service on the status page, or change its name, description and position (If-Match)',
      PublishService,
      publishService,
    );
    app.delete(
      '/status-page/services/:serviceId',
      route(admin, {
        summary: 'Take a service off the status page',
        params: ServiceParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, unpublishService(ctx, requireActor(req), req.params.serviceId)),
    );
    putEntry(
      '/status-page/services/:serviceId/override',
      "Set a service's status by hand above what is derived, or clear it with status null (If-Match)",
      StatusOverride,
      setOverride,
    );
    app.get(
      '/status-page/updates',
      {
        schema: {
          tags: admin,
          summary: 'Status updates, newest first',
          querystring: z.object({
            recordId: Uuid.optional(),
            cursor: z.iso
              .datetime({ offset: true })
              .optional()
              .describe('The nextCursor of the previous page'),
            limit: limitUpTo(100, 30),
          }),
          response: {
            200: z.object({ items: z.array(StatusUpdateView), nextCursor: z.string().nullable() }),
            ...problemResponses,
          },
        },
      },
      async (req) =>
        listStatusUpdates(ctx, requireActor(req), {
          recordId: req.query.recordId,
          before: req.query.cursor,
          limit: req.query.limit,
        }),
    );
    app.post(
      '/status-page/updates',
      route(admin, {
        summary:
          'Write a status update (shown on the page and mailed to subscribers of the services concerned)',
        body: StatusUpdateCreate,
        ok: StatusUpdateView,
        status: 201,
      }),
      async (req, reply) =>
        reply.code(201).send(await createStatusUpdate(ctx, requireActor(req), configuredBase(ctx), req.body)),
    );
    app.get(
      '/status-page/subscriptions',
      route(admin, {
        summary: 'How many people follow the status page, by service',
        ok: SubscriptionOverview,
      }),
      async (req) => {
        if (!can(requireActor(req), 'status_page.manage'))
          throw forbidden('Only service managers and administrators may see the subscribers.');
        return subscriptionOverview(ctx);
      },
    );
  };
}
