/**
 * Authentication on every request: a bearer API token or the session cookie. State-changing
 * requests authenticated by cookie must carry the session's CSRF token in `x-csrf-token`
 * (synchroniser-token pattern); bearer requests are not exposed to CSRF and skip it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/roles.ts';
import { AppError } from '../errors.ts';
import { authenticateSession, authenticateToken, SESSION_COOKIE } from '../modules/auth/service.ts';

export type RequestAuth =
  | { actor: Actor; via: 'session'; csrfToken: string; sessionHash: string }
  | { actor: Actor; via: 'token' };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
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
  });
});

export function requireActor(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError('auth.unauthenticated', 'Sign in or send an API token.');
  return req.auth.actor;
}

// The ETag helpers moved to ./etag.ts; re-exported for the routes that still import them from here.
export { etagOf, ifMatchVersion } from './etag.ts';

export function clientIp(req: FastifyRequest): string | null {
  return req.ip ?? null;
}
