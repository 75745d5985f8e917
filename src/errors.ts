/**
 * The error catalogue. Every failure a user can cause has a stable code, an HTTP status and a
 * human detail; src/http/problem.ts turns these into RFC 9457 problem+json in one place.
 */

export const ERROR_CATALOGUE = {
  'request.malformed': { status: 400, title: 'Malformed request' },
  'request.invalid': { status: 400, title: 'Invalid request' },
  'auth.unauthenticated': { status: 401, title: 'Authentication required' },
  'auth.invalid_credentials': { status: 401, title: 'Invalid credentials' },
  'auth.csrf': { status: 403, title: 'Missing or invalid CSRF token' },
  'auth.forbidden': { status: 403, title: 'Forbidden' },
  'auth.token_scope': { status: 403, title: 'Token scope insufficient' },
  'resource.not_found': { status: 404, title: 'Not found' },
  'resource.conflict': { status: 409, title: 'Conflict' },
  'resource.gone': { status: 410, title: 'Gone' },
  'lifecycle.transition_forbidden': { status: 409, title: 'Transition not allowed' },
  'record.stale_version': { status: 412, title: 'Stale version' },
  'attachment.too_large': { status: 413, title: 'Attachment too large' },
  'validation.failed': { status: 422, title: 'Validation failed' },
  'auth.rate_limited': { status: 429, title: 'Too many attempts' },
  'request.rate_limited': { status: 429, title: 'Too many requests' },
  'request.uri_too_long': { status: 414, title: 'URI too long' },
  'server.internal': { status: 500, title: 'Internal server error' },
  'server.unavailable': { status: 503, title: 'Service unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly extra: Record<string, unknown>;
  constructor(
    code: ErrorCode,
    detail: string,
    fieldErrors: FieldError[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.extra = extra;
  }
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('resource.not_found', `${what} ${id} does not exist or is not visible to you.`);
export const forbidden = (detail: string) => new AppError('auth.forbidden', detail);
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new AppError('resource.conflict', detail, [], extra);
export const invalid = (fieldErrors: FieldError[], detail = 'Some fields are not valid.') =>
  new AppError('validation.failed', detail, fieldErrors);
