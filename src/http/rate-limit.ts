/**
 * API rate limits (429 with Retry-After, as problem+json): each signed-in person or API token
 * owner gets RATE_LIMIT_MAX requests and RATE_LIMIT_WRITE_MAX state-changing requests per
 * RATE_LIMIT_WINDOW_SECONDS; anonymous requests are counted per client address. Counters live
 * in each instance's memory, so behind a load balancer spreading requests over n instances a
 * client may reach up to n times the limit; the defaults are generous for integrations.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who a request counts against, and whether it counts as a write (":w") or a read (":r"). */
export function rateLimitKey(req: FastifyRequest): string {
  const who = req.auth ? `${req.auth.via}:${req.auth.actor.userId}` : `ip:${req.ip}`;
  return `${who}:${SAFE.has(req.method) ? 'r' : 'w'}`;
}

export async function registerRateLimit(app: FastifyInstance, config: Config): Promise<void> {
  const limitOf = (key: string) => (key.endsWith(':w') ? config.rateLimitWriteMax : config.rateLimitMax);
  await app.register(fastifyRateLimit, {
    global: true,
    // After authentication, so the limit is per person or token rather than per address.
    hook: 'preHandler',
    timeWindow: config.rateLimitWindowSeconds * 1000,
    keyGenerator: rateLimitKey,
    max: (_req, key) => limitOf(key),
    // Only the API is limited (not the web app's files, health checks or metrics); 0 means off.
    allowList: (req, key) => !req.url.startsWith('/api/') || limitOf(key) === 0,
    errorResponseBuilder: (_req, c) =>
      new AppError(
        'request.rate_limited',
        `Too many requests: at most ${c.max} per ${config.rateLimitWindowSeconds} seconds. Try again in ${c.after}.`,
        [],
        { retryAfterSeconds: Math.max(1, Math.ceil(c.ttl / 1000)), limit: c.max },
      ),
  });
}
