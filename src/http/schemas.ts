import type { z } from 'zod';
import { Problem } from '../contracts/common.ts';

export {
  csv,
  GroupRef,
  IdParam,
  Limit,
  limitUpTo,
  PageQuery,
  PersonRef,
  Problem,
  page,
  RecordRefParam,
  Uuid,
} from '../contracts/common.ts';
export { RecordView } from '../contracts/records.ts';

export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  422: Problem,
} as const;

/** What a route declares: its summary, its inputs, and its success body (`ok`, with `status`, 200 by default). */
type RouteSpec = {
  summary: string;
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  ok: z.ZodType;
  status?: number;
};

type RouteResponse<S extends RouteSpec> = {
  [K in S['status'] extends number ? S['status'] : 200]: S['ok'];
} & typeof problemResponses;

/**
 * A route's options: its OpenAPI tags and summary, its inputs, and its success body beside every
 * problem response: `app.get(path, route(tags, { summary, params: IdParam, ok: View }), handler)`.
 */
export function route<const S extends RouteSpec>(
  tags: string[],
  { ok, status = 200, ...schema }: S,
): { schema: { tags: string[] } & Omit<S, 'ok' | 'status'> & { response: RouteResponse<S> } } {
  const response = { [status]: ok, ...problemResponses } as RouteResponse<S>;
  return { schema: { tags, ...(schema as Omit<S, 'ok' | 'status'>), response } };
}
