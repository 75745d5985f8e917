/**
 * The one HTTP client of the web app: JSON in and out, the session's CSRF token on every
 * state-changing request, If-Match for optimistic concurrency, and RFC 9457 problem+json turned
 * into a typed ApiError the UI can show (detail) and map onto form fields (errors[].field).
 */
import { humanize } from '../lib/labels.ts';
import type { Problem } from './types.ts';

export const API_BASE = '/api/v1';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401 (the session expired or was revoked). */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: { field: string; message: string }[];
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? `http.${status}`;
    this.title = problem?.title ?? 'Request failed';
    this.detail = problem?.detail ?? fallback;
    this.fieldErrors = problem?.errors ?? [];
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
  get isStale(): boolean {
    return this.status === 412 || this.code === 'record.stale_version';
  }
}

/** A readable message for anything thrown by a request. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.fieldErrors.length ? fieldsMessage(err.fieldErrors) : err.detail;
  if (err instanceof TypeError)
    return 'The server could not be reached. Check your connection and try again.';
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

/**
 * A request's invalid fields in the words of a form, not the API's paths ("body.endDate: is
 * required"): a message about the field follows its name ("End date is required."), a sentence of
 * its own stands alone ("Name at least one person or group."), and a validator's own wording or a
 * denial follows the name and a colon ("Calendar: no calendar with this id.").
 */
export function fieldsMessage(errors: readonly { field: string; message: string }[]): string {
  return errors
    .map(({ field, message }) => {
      const label = fieldLabel(field);
      const said = /[.!?]$/.test(message) ? message : `${message}.`;
      if (ABOUT_THE_FIELD.test(message)) return `${label} ${said}`;
      if (/^[A-Z]/.test(message) || /^(no|not)\b/.test(message)) return `${label}: ${said}`;
      return `${said.charAt(0).toUpperCase()}${said.slice(1)}`;
    })
    .join(' ');
}

/** Messages that say something of the field named before them: "is required", "must be a UUID". */
const ABOUT_THE_FIELD = /^(is|are|must|should|has|have|cannot|can't|may|needs?|was|were|does|do)\b/;

/** A field's path without the part of the request it came from: `body.title` → `title`. */
export function withoutRequestPart(field: string): string {
  return field.replace(/^(body|query|params|querystring)\./, '');
}

/** "body.supplierId" → "Supplier", "body.targets.0.responseMinutes" → "Response minutes". */
export function fieldLabel(field: string): string {
  const last =
    withoutRequestPart(field)
      .split('.')
      .filter((part) => part && !/^\d+$/.test(part))
      .at(-1) ?? field;
  return humanize(
    last
      .replace(/(.)Id$/, '$1')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase(),
  );
}

function isProblem(v: unknown): v is Problem {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { detail?: unknown }).detail === 'string' &&
    typeof (v as { status?: unknown }).status === 'number'
  );
}

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length > 0) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** The record version for If-Match. */
  version?: number;
  signal?: AbortSignal;
};

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.version !== undefined) headers['if-match'] = `"${opts.version}"`;

  const res = await fetch(`${API_BASE}${path}${toQueryString(opts.query)}`, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const problem = isProblem(data) ? data : null;
    const err = new ApiError(res.status, problem, `${res.status} ${res.statusText || 'error'}`);
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, version?: number) =>
    request<T>(path, { method: 'POST', body: body ?? {}, version }),
  put: <T>(path: string, body?: unknown, version?: number) =>
    request<T>(path, { method: 'PUT', body, version }),
  patch: <T>(path: string, body: unknown, version?: number) =>
    request<T>(path, { method: 'PATCH', body, version }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  /**
   * Create or update: without `current`, POST to `createPath` (the collection unless given); with
   * it, PATCH `<collection>/<id>` at the version it was read (If-Match).
   */
  save: <T>(
    current: { id: string; version: number } | null | undefined,
    collection: string,
    body: unknown,
    createPath = collection,
  ) =>
    current
      ? request<T>(`${collection}/${encodeURIComponent(current.id)}`, {
          method: 'PATCH',
          body,
          version: current.version,
        })
      : request<T>(createPath, { method: 'POST', body: body ?? {} }),
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<T>(path, { method: 'POST', body: form });
  },
};

/** Where the browser downloads an attachment from. */
export const attachmentUrl = (id: string) => `${API_BASE}/attachments/${encodeURIComponent(id)}/content`;
