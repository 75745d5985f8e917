/** Wire shapes of saved views (`/api/v1/views`). */
import { z } from 'zod';
import { NamedRef, requiredText, Timestamps } from './common.ts';

export const VIEW_NAME_MAX = 80;
export const VIEW_QUERY_MAX = 2000;
export const VIEW_COLUMNS_MAX = 40;

const ListKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a list name such as incidents or cmdb-cis');
const ColumnKey = z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/, 'must be a column key');
const Query = z
  .string()
  .max(VIEW_QUERY_MAX)
  .refine((s) => !s.startsWith('?'), 'leave out the leading "?"')
  .describe('Filters and sort as a URL query string, e.g. stateCategory=open&sort=priority&order=asc');

export const ViewListQuery = z.object({ list: ListKey });

export const ViewCreate = z.object({
  list: ListKey,
  name: requiredText(VIEW_NAME_MAX),
  query: Query.default(''),
  columns: z.array(ColumnKey).max(VIEW_COLUMNS_MAX).default([]),
  shared: z.boolean().default(false),
});
export type ViewCreate = z.infer<typeof ViewCreate>;

export const ViewPatch = z.object({
  name: requiredText(VIEW_NAME_MAX).optional(),
  query: Query.optional(),
  columns: z.array(ColumnKey).max(VIEW_COLUMNS_MAX).optional(),
  shared: z.boolean().optional(),
});
export type ViewPatch = z.infer<typeof ViewPatch>;

export const SavedView = z
  .object({
    id: z.string(),
    list: z.string(),
    name: z.string(),
    query: z.string(),
    columns: z.array(z.string()),
    shared: z.boolean(),
    owner: NamedRef,
    canEdit: z
      .boolean()
      .describe('The caller may change or delete it (its owner; an admin for shared views)'),
    ...Timestamps.shape,
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof SavedView>;
