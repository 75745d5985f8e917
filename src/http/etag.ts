/**
 * Optimistic concurrency over HTTP (RFC 9110 §8.8.3, §13.1.1): every versioned resource answers
 * with `ETag: "<version>"`, and a write takes `If-Match` with that ETag (412 when it is stale).
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** The expected version from `If-Match` ("3", W/"3" or 3), if the client sent one. */
export function ifMatchVersion(req: FastifyRequest): number | undefined {
  const h = req.headers['if-match'];
  if (h === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(String(h).trim());
  if (!m)
    throw new AppError('request.invalid', 'If-Match must be the ETag of the record, e.g. "3".', [
      { field: 'header.if-match', message: 'not an ETag from this API' },
    ]);
  return Number(m[1]);
}

export const etagOf = (version: number) => `"${version}"`;

/** The reply with the entity's ETag set: `return withEtag(reply, rec).send(rec)`. */
export function withEtag<R extends { header(name: string, value: string): R }>(
  reply: R,
  entity: { version: number },
): R {
  return reply.header('etag', etagOf(entity.version));
}

/** Send the entity with its ETag: `return sendWithEtag(reply, await getThing(…))`. */
export function sendWithEtag<
  E extends { version: number },
  R extends { header(name: string, value: string): R; send(payload: E): unknown },
>(reply: R, entity: E): ReturnType<R['send']> {
  return withEtag(reply, entity).send(entity) as ReturnType<R['send']>;
}
