/** The root-cause analysis of a problem: cause, method, contributing factors and workaround, saved together. */
import { Select, TagsInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RCA_METHODS } from '../../../../src/domain/lifecycle/defaults-problem-change.ts';
import { type ProblemView, useUpdateAnalysis } from '../../api/queries/problems.ts';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { textOrNull } from '../../kit/form/patch.ts';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { whenStale } from '../../kit/record/whenStale.ts';
import { optionsOf } from '../../lib/labels.ts';
import { RCA_LABELS } from './labels.ts';

type Draft = {
  rootCause: string;
  rcaMethod: (typeof RCA_METHODS)[number] | null;
  contributingFactors: string[];
  workaround: string;
};

const draftOf = (a: ProblemView['analysis']): Draft => ({
  rootCause: a.rootCause ?? '',
  rcaMethod: a.rcaMethod,
  contributingFactors: a.contributingFactors,
  workaround: a.workaround ?? '',
});

export function AnalysisPanel({ rec, onStale }: { rec: ProblemView; onStale: () => void }) {
  const save = useUpdateAnalysis(rec);
  const editable = rec.allowedActions.includes('update');
  const form = useDraftForm(draftOf(rec.analysis), { toBody: (d) => d, readOnly: !editable });
  const d = form.draft;
  const submit = () =>
    save.mutate(
      { ...d, rootCause: textOrNull(d.rootCause), workaround: textOrNull(d.workaround) },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Analysis saved' }),
        onError: whenStale(onStale),
      },
    );
  return (
    <RecordPanel id="analysis-title" title="Root-cause analysis" gap="sm">
      <PanelForm
        onSubmit={submit}
        error={save.error}
        errorTitle="Could not save the analysis"
        submitLabel="Save analysis"
        pending={save.isPending}
        disabled={!form.dirty}
        readOnly={!editable}
      >
        <Select
          label="Method"
          clearable
          data={optionsOf(RCA_METHODS, RCA_LABELS)}
          {...form.choice('rcaMethod')}
        />
        <DescriptionField label="Root cause" minRows={2} {...form.value('rootCause')} />
        <TagsInput
          label="Contributing factors"
          description="Press Enter after each"
          {...form.list('contributingFactors')}
        />
        <DescriptionField label="Workaround" minRows={2} {...form.value('workaround')} />
        {rec.analysis.closureReason && (
          <Textarea label="Closed because" readOnly autosize value={rec.analysis.closureReason} />
        )}
      </PanelForm>
    </RecordPanel>
  );
}
