/**
 * Authentication on every request: a bearer API token or the session cookie. State-changing
 * requests authenticated by cookie must carry the session's CSRF token in `x-csrf-token`
 * (synchroniser-token pattern); bearer requests are not exposed to CSRF and skip it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.ts';
import { type Actor, isReadOnly, scopeAllows } from '../domain/roles.ts';
import { AppError } from '../errors.ts';
import { authenticateSession, authenticateToken, SESSION_COOKIE } from '../modules/auth/service.ts';

export type RequestAuth =
  | { actor: Actor; via: 'session'; csrfToken: string; sessionHash: string }
  | { actor: Actor; via: 'token' };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /**
     * A read-only person (the auditor) may call this state-changing route: signing in and out,
     * their own API tokens (read scope only) and their notifications' read marks.
     */
    readOnlyRoleMay?: boolean;
    /** The route copes with NULs and unpaired surrogates itself (see src/http/input.ts). */
    ownInputHygiene?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header) {
      const [scheme, value] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !value) {
        throw new AppError('auth.unauthenticated', 'Use "Authorization: Bearer <token>" with an API token.');
      }
      const actor = await authenticateToken(opts.ctx, value);
      if (!actor) throw new AppError('auth.unauthenticated', 'The API token is unknown, expired or revoked.');
      req.auth = { actor, via: 'token' };
      assertMayChange(req, actor);
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const s = await authenticateSession(opts.ctx, cookie);
    if (!s) return;
    req.auth = { actor: s.actor, via: 'session', csrfToken: s.csrfToken, sessionHash: s.sessionHash };
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== s.csrfToken) {
      throw new AppError('auth.csrf', 'This request needs the x-csrf-token header from /api/v1/auth/me.');
    }
    assertMayChange(req, s.actor);
  });
});

/**
 * The two credentials that change nothing, refused before any route runs (the services check
 * the same rules again): a read-scoped token may only GET, and a read-only person (the auditor)
 * may only call the routes marked `readOnlyRoleMay`.
 */
function assertMayChange(req: FastifyRequest, actor: Actor): void {
  if (SAFE.has(req.method)) return;
  if (!scopeAllows(actor, 'write')) {
    throw new AppError('auth.token_scope', 'This API token has read scope: it may only read (GET).');
  }
  if (isReadOnly(actor) && req.routeOptions.config?.readOnlyRoleMay !== true) {
    throw new AppError(
      'auth.forbidden',
      'Your role is read-only: you may read everything and change nothing.',
    );
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError('auth.unauthenticated', 'Sign in or send an API token.');
  return req.auth.actor;
}

export function clientIp(req: FastifyRequest): string | null {
  return req.ip ?? null;
}
