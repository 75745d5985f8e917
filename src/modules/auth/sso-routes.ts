/**
 * HTTP routes of single sign-on: the providers the sign-in page offers, and the OIDC start and
 * callback. The callback answers a browser with a redirect (to the page it came from, or back to
 * the sign-in page with a short reason) and other clients with problem+json.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { clientIp } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import { mfaRoutes } from './mfa-routes.ts';
import { finishOidcLogin, OIDC_COOKIE, oidcProvider, startOidcLogin } from './oidc.ts';
import { openSession, setSessionCookie } from './sso-session.ts';

const ProviderId = z.object({ provider: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/) });
const ReturnTo = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])/, 'must be a path on this site')
  .optional();

/** Why an SSO sign-in failed, as the sign-in page names it (never the detail, which stays in logs). */
const FAILURE_REASONS: Record<number, string> = {
  400: 'expired',
  401: 'refused',
  403: 'forbidden',
  404: 'unknown',
  503: 'unavailable',
};

function wantsHtml(req: FastifyRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

export function ssoRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(mfaRoutes(ctx));
    const secure = ctx.config.publicUrl?.startsWith('https://') ?? false;
    const cookiePath = '/api/v1/auth/oidc';

    app.get(
      '/auth/providers',
      {
        schema: {
          tags: ['auth'],
          summary: 'The ways to sign in: identity providers (with their start URLs) and the directory',
          response: {
            200: z.object({
              oidc: z.array(z.object({ id: z.string(), label: z.string(), startUrl: z.string() })),
              directory: z.boolean(),
            }),
          },
        },
      },
      async () => ({
        oidc: ctx.config.oidcProviders.map((p) => ({
          id: p.id,
          label: p.label,
          startUrl: `/api/v1/auth/oidc/${p.id}/start`,
        })),
        directory: ctx.config.ldap !== undefined,
      }),
    );

    app.get(
      '/auth/oidc/:provider/start',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Start signing in with an OpenID Connect provider (redirects to it)',
          params: ProviderId,
          querystring: z.object({ returnTo: ReturnTo }),
          response: { 302: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        const { url, cookie } = await startOidcLogin(ctx, req.params.provider, req.query.returnTo ?? '/');
        reply.setCookie(OIDC_COOKIE, cookie, {
          httpOnly: true,
          sameSite: 'lax',
          secure,
          path: cookiePath,
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/auth/oidc/:provider/callback',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Where the provider sends the browser back; opens the session and redirects',
          params: ProviderId,
          response: { 302: z.null(), 303: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        reply.clearCookie(OIDC_COOKIE, { path: cookiePath });
        try {
          oidcProvider(ctx, req.params.provider);
          const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
          const { user, returnTo } = await finishOidcLogin(ctx, {
            providerId: req.params.provider,
            cookie: req.cookies[OIDC_COOKIE],
            query,
            ip: clientIp(req),
          });
          const session = await openSession(ctx, user, {
            ip: clientIp(req),
            userAgent: req.headers['user-agent'] ?? null,
            method: `oidc:${req.params.provider}`,
          });
          setSessionCookie(ctx, reply, session);
          return reply.redirect(returnTo, 302);
        } catch (e) {
          return failBack(req, reply, e);
        }
      },
    );
  };
}

function failBack(req: FastifyRequest, reply: FastifyReply, e: unknown) {
  if (!(e instanceof AppError) || !wantsHtml(req)) throw e;
  const reason = FAILURE_REASONS[e.status] ?? 'refused';
  return reply.redirect(`/signin?sso=${reason}`, 303);
}
