/**
 * RFC 9457 problem details: the one place where errors become HTTP answers. Known errors keep
 * their stable code in `type` (urn:steward:problem:<code>) and `code`; anything unexpected is
 * logged with the request id and answered with a generic 500 that leaks nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { logSafeError } from '../db/client.ts';
import { AppError, ERROR_CATALOGUE, type ErrorCode, type FieldError } from '../errors.ts';

export type Problem = {
  type: string;
  code: ErrorCode;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

export function problemOf(
  req: FastifyRequest,
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  extra = {},
): Problem {
  const entry = ERROR_CATALOGUE[code];
  return {
    type: `urn:steward:problem:${code}`,
    code,
    title: entry.title,
    status: entry.status,
    detail,
    instance: req.url.split('?')[0] ?? req.url,
    requestId: String(req.id),
    ...(errors.length > 0 ? { errors } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).header('content-type', 'application/problem+json; charset=utf-8').send(p);
}

type ZodIssueLike = { path?: PropertyKey[]; message: string; instancePath?: string };

function fieldOf(location: string | undefined, issue: ZodIssueLike): string {
  const path =
    issue.path?.map(String).join('.') ?? issue.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
  return [location, path].filter(Boolean).join('.') || (location ?? 'request');
}

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    const retryAfter = err.extra.retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
    return sendProblem(reply, problemOf(req, err.code, err.message, err.fieldErrors, err.extra));
  }
  const answer = (code: ErrorCode, detail: string, errors?: FieldError[]) =>
    sendProblem(reply, problemOf(req, code, detail, errors));
  const pgCode = postgresErrorCode(err);
  if (pgCode === '23505') {
    return answer('resource.conflict', 'That would duplicate something that must be unique.');
  }
  if (pgCode === '23503') {
    return answer('validation.failed', 'A referenced item does not exist.');
  }
  // SQLSTATE class 22 (data exception): a value from the request the database cannot hold or
  // compare — a date out of range, a number or id of the wrong form from a forged cursor.
  if (pgCode?.startsWith('22')) {
    return answer('request.invalid', 'A value in the request is out of range or not of the expected form.');
  }
  if (isBrokenMultipart(req, err)) {
    return answer('request.malformed', 'The multipart/form-data body is incomplete or malformed.');
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const location = (err as FastifyError).validationContext;
    const errors = (err.validation as unknown as ZodIssueLike[]).map((i) => ({
      field: fieldOf(location, i),
      message: i.message,
    }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return answer('request.invalid', `The request has invalid fields: ${detail}`, errors);
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && fe.statusCode === 400)) {
    return answer('request.malformed', 'The request body is not valid JSON.');
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return answer('request.malformed', 'The request body is empty but JSON was declared.');
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return answer('request.malformed', `Unsupported content type: ${req.headers['content-type'] ?? 'none'}.`);
  }
  if (
    fe.code === 'FST_REQ_FILE_TOO_LARGE' ||
    fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    fe.statusCode === 413
  ) {
    return answer('attachment.too_large', 'The request body is larger than allowed.');
  }
  if (fe.statusCode === 429) {
    return answer('request.rate_limited', 'Too many requests; wait a little and try again.');
  }
  if (fe.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return answer('request.uri_too_long', 'A path parameter is too long.');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(err)) {
    return answer('request.malformed', fe.message);
  }
  req.log.error({ err: logSafeError(err) }, 'unexpected error');
  return answer(
    'server.internal',
    'Something went wrong on our side. Quote the request id when reporting it.',
  );
}

/** Errors of the multipart parser (a truncated or malformed upload) carry no status of their own. */
function isBrokenMultipart(req: FastifyRequest, err: Error): boolean {
  return req.isMultipart() && /multipart|boundary|unexpected end/i.test(err.message);
}

/**
 * Fastify's own answers before a route runs (a bad URL encoding, a path parameter over the
 * length limit) as problem+json instead of its plain JSON.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, problemOf(req, 'request.uri_too_long', 'A path parameter is too long.'));
  }
  return sendProblem(
    reply,
    problemOf(req, 'request.malformed', 'The URL is not valid (check its percent-encoding).'),
  );
}

/** The SQLSTATE of a database error, whether the driver's error or Drizzle's wrapper of it. */
export function postgresErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 3 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
