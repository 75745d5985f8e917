/** Saved views of lists: named filters, sort and columns, personal or shared. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';

export type SavedView = {
  id: string;
  list: string;
  name: string;
  /** Filters and sort as a URL query string, e.g. `stateCategory=open&sort=priority&order=asc`. */
  query: string;
  columns: string[];
  shared: boolean;
  owner: { id: string; name: string };
  /** The caller may rename, share or delete it (its owner, or an admin for a shared view). */
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
};

export type SavedViewInput = {
  list: string;
  name: string;
  query: string;
  columns: string[];
  shared?: boolean;
};

export const viewKeys = {
  list: (list: string) => ['views', list] as const,
};

export function useSavedViews(list: string) {
  return useQuery({
    queryKey: viewKeys.list(list),
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/views', { list }, signal),
  });
}

export function useCreateView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => api.post<SavedView>('/views', input),
    onSuccess: (v) => qc.invalidateQueries({ queryKey: viewKeys.list(v.list) }),
  });
}

export function useUpdateView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<Omit<SavedViewInput, 'list'>> }) =>
      api.patch<SavedView>(`/views/${id}`, patch),
    onSuccess: (v) => qc.invalidateQueries({ queryKey: viewKeys.list(v.list) }),
  });
}

export function useDeleteView(list: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/views/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: viewKeys.list(list) }),
  });
}
