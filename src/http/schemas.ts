import { Problem } from '../contracts/common.ts';

export {
  csv,
  GroupRef,
  IdParam,
  Limit,
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

/** Zod leaves absent optional fields as undefined; services take "absent" as "leave alone". */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
