/** SLA breach prediction: the likely-to-breach queue, one record's risk and the model's quality. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ModelQuality as ModelQualityContract,
  PredictionItem as PredictionItemContract,
  PredictionList as PredictionListContract,
  RecordPrediction as RecordPredictionContract,
} from '../../../../src/contracts/prediction.ts';
import { api, type Query } from '../client.ts';
import type { Page } from '../types.ts';

export type PredictionItem = z.infer<typeof PredictionItemContract>;
export type PredictionList = z.infer<typeof PredictionListContract>;
export type RecordPrediction = z.infer<typeof RecordPredictionContract>;
export type ModelQuality = z.infer<typeof ModelQualityContract>;

export const predictionKeys = {
  list: (q: Query) => ['predictions', 'list', q] as const,
  record: (id: string) => ['predictions', 'record', id] as const,
  model: ['predictions', 'model'] as const,
};

/**
 * The queue as one page for the list kit: the API answers the riskiest records at once (it
 * scores them all), so there is never a next page. The model comes along for the header.
 */
export function useLikelyToBreach(query: Query) {
  return useInfiniteQuery({
    queryKey: predictionKeys.list(query),
    queryFn: async ({ signal }) => {
      const res = await api.get<PredictionList>('/predictions', query, signal);
      return { items: res.items, nextCursor: null, model: res.model } as Page<PredictionItem> & {
        model: PredictionList['model'];
      };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: () => undefined,
    refetchInterval: 60_000,
  });
}

export function useRecordPrediction(recordId: string, enabled = true) {
  return useQuery({
    queryKey: predictionKeys.record(recordId),
    queryFn: ({ signal }) => api.get<RecordPrediction>(`/records/${recordId}/prediction`, undefined, signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useModelQuality() {
  return useQuery({
    queryKey: predictionKeys.model,
    queryFn: ({ signal }) => api.get<ModelQuality>('/predictions/model', undefined, signal),
    staleTime: 60_000,
  });
}
