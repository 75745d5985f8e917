/** Problem details for every route; the other shared shapes live in `src/contracts` and are re-exported here. */
import { z } from 'zod';

export { csv, GroupRef, IdParam, Limit, PersonRef, page, RecordRefParam, Uuid } from '../contracts/common.ts';
export { RecordView } from '../contracts/records.ts';

export const Problem = z
  .object({
    type: z.string(),
    code: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  412: Problem,
  422: Problem,
} as const;

/** Zod leaves absent optional fields as undefined; services take "absent" as "leave alone". */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
