/** Change management: one change, its steps, risk, board votes, review and conflicts; templates, boards, agenda, questionnaire. */
import { useQuery } from '@tanstack/react-query';
import type {
  CabAgenda,
  CabBoardInput,
  CabBoardPatch,
  CabBoardView,
  CabVoteInput,
  ChangeCreate,
  ChangeTemplateInput,
  ChangeTemplatePatch,
  ChangeTemplateView,
  ChangeView,
  ConflictReport,
  ReviewInput,
  RiskQuestionnaire,
  RiskQuestionnaireView,
} from '../../../../src/contracts/changes.ts';
import type { RecordOptions } from '../../../../src/contracts/records.ts';
import { api } from '../client.ts';
import { recordQueries } from '../recordQueries.ts';
import { defineResource } from '../resource.ts';
import { useCachingWrite, useWriteThen } from '../writes.ts';

export type {
  CabAgenda,
  CabBoardView,
  ChangeTemplateView,
  ChangeView,
  ConflictReport,
  RiskQuestionnaire,
  RiskQuestionnaireView,
};

const changes = recordQueries<ChangeView>({
  root: 'changes',
  path: '/changes',
  alsoInvalidate: [
    ['changes', 'conflicts'],
    ['cab-boards', 'agenda'],
  ],
});

export const changeKeys = {
  one: changes.keys.one,
  options: changes.keys.options,
  conflicts: (id: string) => ['changes', 'conflicts', id] as const,
  templates: (active: string) => ['change-templates', active] as const,
  boards: ['cab-boards'] as const,
  agenda: (boardId: string) => ['cab-boards', 'agenda', boardId] as const,
  questionnaire: ['change-settings', 'risk-questionnaire'] as const,
};

export const useChange = changes.useOne;

export const useChangeOptions = () => changes.useOptions<RecordOptions>();

export const useCreateChange = () => changes.useCreate<ChangeCreate>();

export function useUpdateChange(c: ChangeView) {
  return changes.useUpdate(c.id);
}

export function useChangeTransition(c: ChangeView) {
  return changes.useTransition(c);
}

export function useAssessRisk(c: ChangeView) {
  return changes.useWrite((answers: Record<string, string>) =>
    api.put<ChangeView>(`/changes/${c.id}/risk`, { answers }, c.version),
  );
}

export function useCabVote(c: ChangeView) {
  return changes.useWrite((input: CabVoteInput) => api.post<ChangeView>(`/changes/${c.id}/cab/votes`, input));
}

export function useVeto(c: ChangeView) {
  return changes.useWrite((reason: string) => api.post<ChangeView>(`/changes/${c.id}/cab/veto`, { reason }));
}

export function useRecordReview(c: ChangeView) {
  return changes.useWrite((input: ReviewInput) =>
    api.put<ChangeView>(`/changes/${c.id}/review`, input, c.version),
  );
}

export function useRaiseProblem(c: ChangeView) {
  return useWriteThen(
    () => api.post<{ id: string; number: string }>(`/changes/${c.id}/problem`, {}),
    (qc) => {
      void qc.invalidateQueries({ queryKey: changeKeys.one(c.number) });
      void qc.invalidateQueries({ queryKey: ['problems'] });
    },
  );
}

export function useConflicts(c: ChangeView) {
  return useQuery({
    queryKey: [...changeKeys.conflicts(c.id), c.version],
    queryFn: ({ signal }) => api.get<ConflictReport>(`/changes/${c.id}/conflicts`, undefined, signal),
    enabled: !!c.plannedStart && !!c.plannedEnd,
  });
}

export function useOverrideConflicts(c: ChangeView) {
  return useWriteThen(
    (reason: string) => api.post<ConflictReport>(`/changes/${c.id}/conflicts/override`, { reason }),
    (qc) => {
      void qc.invalidateQueries({ queryKey: ['changes'] });
      void qc.invalidateQueries({ queryKey: ['records', c.id] });
    },
  );
}

export function useChangeTemplates(active: 'true' | 'false' | 'all' = 'true') {
  return useQuery({
    queryKey: changeKeys.templates(active),
    queryFn: ({ signal }) =>
      api.get<{ items: ChangeTemplateView[] }>('/change-templates', { active }, signal),
  });
}

export function useSaveTemplate(t: ChangeTemplateView | null) {
  return useWriteThen(
    (input: ChangeTemplateInput | ChangeTemplatePatch) =>
      api.save<ChangeTemplateView>(t, '/change-templates', input),
    (qc) => void qc.invalidateQueries({ queryKey: ['change-templates'] }),
  );
}

export function useCabBoards() {
  return useQuery({
    queryKey: changeKeys.boards,
    queryFn: ({ signal }) => api.get<{ items: CabBoardView[] }>('/cab-boards', undefined, signal),
  });
}

/** One board, and creating, editing, retiring (active: false) and deleting boards (change manager). */
export const cabBoards = defineResource<CabBoardView, CabBoardInput | CabBoardPatch>({
  key: changeKeys.boards,
  path: '/cab-boards',
  // The list (`changeKeys.boards`) answers `{ items }` and is read by useCabBoards.
  alsoInvalidate: [changeKeys.boards],
});
export const useCabBoard = cabBoards.useOne;

export function useCabAgenda(boardId: string | null) {
  return useQuery({
    queryKey: changeKeys.agenda(boardId ?? ''),
    queryFn: ({ signal }) => api.get<CabAgenda>(`/cab-boards/${boardId}/agenda`, undefined, signal),
    enabled: !!boardId,
  });
}

export function useRiskQuestionnaire() {
  return useQuery({
    queryKey: changeKeys.questionnaire,
    queryFn: ({ signal }) =>
      api.get<RiskQuestionnaireView>('/change-settings/risk-questionnaire', undefined, signal),
  });
}

export function useSaveRiskQuestionnaire(version: number) {
  return useCachingWrite(
    (value: RiskQuestionnaire) =>
      api.put<RiskQuestionnaireView>('/change-settings/risk-questionnaire', value, version),
    changeKeys.questionnaire,
  );
}
