/** Problems and the known-error database: one problem, its analysis, steps and incidents; search and suggestions. */
import { useQuery } from '@tanstack/react-query';
import type {
  KnownErrorCreate,
  KnownErrorHit,
  KnownErrorPatch,
  KnownErrorSuggestion,
  KnownErrorView,
  ProblemAnalysisPatch,
  ProblemCreate,
  ProblemView,
} from '../../../../src/contracts/problems.ts';
import type { RecordOptions } from '../../../../src/contracts/records.ts';
import { api } from '../client.ts';
import { recordQueries } from '../recordQueries.ts';
import type { TransitionInput } from '../types.ts';
import { useWriteThen } from '../writes.ts';

/** A lifecycle step of a problem: closing may give a reason, resolving may resolve the incidents. */
export type ProblemStep = TransitionInput & { closureReason?: string; resolveIncidents?: boolean };

export type { KnownErrorHit, KnownErrorSuggestion, KnownErrorView, ProblemView };

const problems = recordQueries<ProblemView>({
  root: 'problems',
  path: '/problems',
  alsoInvalidate: [['known-errors']],
});

export const problemKeys = {
  one: problems.keys.one,
  options: problems.keys.options,
  knownErrors: (q: string, status: string) => ['known-errors', 'list', q, status] as const,
  suggestions: (incidentId: string) => ['known-errors', 'suggestions', incidentId] as const,
};

export const useProblem = problems.useOne;

export const useProblemOptions = () => problems.useOptions<RecordOptions>();

export const useCreateProblem = () => problems.useCreate<ProblemCreate>();

export function useUpdateProblem(p: ProblemView) {
  return problems.useUpdate(p.id);
}

export function useProblemTransition(p: ProblemView) {
  return useWriteThen(
    (input: ProblemStep) => api.post<ProblemView>(`/problems/${p.id}/transitions`, input, p.version),
    (qc, r) => {
      problems.remember(qc, r);
      void qc.invalidateQueries({ queryKey: ['incidents'] });
    },
  );
}

export function useUpdateAnalysis(p: ProblemView) {
  return problems.useWrite((patch: ProblemAnalysisPatch) =>
    api.patch<ProblemView>(`/problems/${p.id}/analysis`, patch, p.version),
  );
}

export function useResolveProblemIncidents(p: ProblemView) {
  return useWriteThen(
    () => api.post<{ resolved: string[] }>(`/problems/${p.id}/incidents/resolve`),
    (qc) => {
      void qc.invalidateQueries({ queryKey: ['problems', 'one'] });
      void qc.invalidateQueries({ queryKey: ['incidents'] });
    },
  );
}

export function useRecordKnownError(p: ProblemView) {
  return useWriteThen(
    (input: KnownErrorCreate) => api.post<KnownErrorView>(`/problems/${p.id}/known-error`, input),
    (qc) => {
      void qc.invalidateQueries({ queryKey: ['problems', 'one'] });
      void qc.invalidateQueries({ queryKey: ['known-errors'] });
      void qc.invalidateQueries({ queryKey: ['records', p.id] });
    },
  );
}

export function useUpdateKnownError(ke: KnownErrorView) {
  return useWriteThen(
    (patch: KnownErrorPatch) => api.patch<KnownErrorView>(`/known-errors/${ke.id}`, patch, ke.version),
    (qc) => {
      void qc.invalidateQueries({ queryKey: ['problems', 'one'] });
      void qc.invalidateQueries({ queryKey: ['known-errors'] });
    },
  );
}

export function useKnownErrors(q: string, status: string) {
  return useQuery({
    queryKey: problemKeys.knownErrors(q, status),
    queryFn: ({ signal }) =>
      api.get<{ items: KnownErrorHit[] }>(
        '/known-errors',
        { q: q || undefined, status: status || undefined },
        signal,
      ),
  });
}

export function useKnownErrorSuggestions(incidentId: string, enabled: boolean) {
  return useQuery({
    queryKey: problemKeys.suggestions(incidentId),
    queryFn: ({ signal }) =>
      api.get<{ items: KnownErrorSuggestion[] }>(`/incidents/${incidentId}/known-errors`, undefined, signal),
    enabled,
  });
}

export function useApplyKnownError(incidentId: string) {
  return useWriteThen(
    (knownErrorId: string) =>
      api.post<{ knownError: KnownErrorView; commentId: string }>(`/incidents/${incidentId}/known-errors`, {
        knownErrorId,
      }),
    (qc) => {
      void qc.invalidateQueries({ queryKey: ['known-errors', 'suggestions', incidentId] });
      void qc.invalidateQueries({ queryKey: ['records', incidentId] });
      void qc.invalidateQueries({ queryKey: ['problems'] });
    },
  );
}
