/** Continual improvement: one proposal, raising and moving it, KPI suggestions and the register report. */
import { useQuery } from '@tanstack/react-query';
import type {
  ImprovementCreate,
  ImprovementOutcome,
  ImprovementView,
  RegisterReport,
  RegisterRow,
  SuggestionList,
} from '../../../../src/contracts/improvements.ts';
import { userCan } from '../../auth/can.ts';
import { api } from '../client.ts';
import { recordQueries } from '../recordQueries.ts';
import type { User } from '../types.ts';
import { useWriteThen } from '../writes.ts';

export type { ImprovementOutcome, ImprovementView, RegisterReport, RegisterRow, SuggestionList };

export const improvementKeys = {
  suggestions: (serviceId: string) => ['improvements', 'suggestions', serviceId] as const,
  register: (q: Record<string, string>) => ['improvements', 'register', q] as const,
};

/** After any change: the record, the lists, the register and the suggestions are fetched again. */
const improvements = recordQueries<ImprovementView>({
  root: 'improvements',
  path: '/improvements',
  refresh: (qc, p) => {
    void qc.invalidateQueries({ queryKey: ['improvements'] });
    void qc.invalidateQueries({ queryKey: ['records', p.id] });
  },
});

export const useImprovement = improvements.useOne;

export const useCreateImprovement = () => improvements.useCreate<ImprovementCreate>();

export function useUpdateImprovement(p: ImprovementView) {
  return improvements.useUpdate(p.id);
}

export function useImprovementTransition(p: ImprovementView) {
  return improvements.useTransition(p);
}

export function useSuggestions(serviceId: string) {
  return useQuery({
    queryKey: improvementKeys.suggestions(serviceId),
    queryFn: ({ signal }) =>
      api.get<SuggestionList>('/improvements/suggestions', serviceId ? { serviceId } : undefined, signal),
    staleTime: 60_000,
  });
}

export function useDismissSuggestion() {
  return useWriteThen(
    (input: { kpiKey: string; serviceId: string | null }) =>
      api.post('/improvements/suggestions/dismissals', input),
    (qc) => void qc.invalidateQueries({ queryKey: ['improvements', 'suggestions'] }),
  );
}

export function useRegister(query: Record<string, string>) {
  return useQuery({
    queryKey: improvementKeys.register(query),
    queryFn: ({ signal }) => api.get<RegisterReport>('/improvements/register', query, signal),
    placeholderData: (prev) => prev,
  });
}

/** The "Raise improvement" form, prefilled with its source (a KPI and its cut, a problem, a change's review). */
export function raiseImprovementPath(source: {
  kind: 'kpi' | 'problem' | 'pir' | 'service_review';
  ref: string;
  cut?: Partial<Record<'serviceId' | 'groupId' | 'priority' | 'type', string>>;
}): string {
  const p = new URLSearchParams({ source: source.kind, ref: source.ref });
  for (const [k, v] of Object.entries(source.cut ?? {})) if (v) p.set(k, v);
  return `/improvements/new?${p}`;
}

/** Who raises proposals: those who work records (the API's own rule, `improvement.raise`). */
export const mayRaiseImprovement = (me: Pick<User, 'id' | 'roles'>) => userCan(me, 'improvement.raise');

/** The KPI cut in a report page's query string, for a proposal raised from it. */
export function kpiCutOf(search: string | Record<string, string>) {
  const p = new URLSearchParams(search);
  return {
    serviceId: p.get('serviceId') ?? '',
    groupId: p.get('groupId') ?? '',
    priority: p.get('priority') ?? '',
    type: p.getAll('type').join(','),
  };
}
