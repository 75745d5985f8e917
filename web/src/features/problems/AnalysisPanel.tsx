/** The root-cause analysis of a problem: cause, method, contributing factors and workaround, saved together. */
import { Select, TagsInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RCA_METHODS } from '../../../../src/domain/lifecycle/defaults-problem-change.ts';
import { type ProblemView, useUpdateAnalysis } from '../../api/queries/problems.ts';
import { DescriptionField } from '../../kit/form/NewRecordForm.tsx';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { whenStale } from '../../kit/record/whenStale.ts';
import { optionsOf } from '../../lib/labels.ts';
import { RCA_LABELS } from './labels.ts';

type Method = (typeof RCA_METHODS)[number];

export function AnalysisPanel({ rec, onStale }: { rec: ProblemView; onStale: () => void }) {
  const a = rec.analysis;
  const save = useUpdateAnalysis(rec);
  const editable = rec.allowedActions.includes('update');
  const [rootCause, setRootCause] = useState(a.rootCause ?? '');
  const [method, setMethod] = useState<string | null>(a.rcaMethod);
  const [factors, setFactors] = useState<string[]>(a.contributingFactors);
  const [workaround, setWorkaround] = useState(a.workaround ?? '');
  const dirty =
    rootCause !== (a.rootCause ?? '') ||
    method !== a.rcaMethod ||
    workaround !== (a.workaround ?? '') ||
    factors.join('\n') !== a.contributingFactors.join('\n');
  const submit = () =>
    save.mutate(
      {
        rootCause: rootCause.trim() || null,
        rcaMethod: (method as Method | null) ?? null,
        contributingFactors: factors,
        workaround: workaround.trim() || null,
      },
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
        disabled={!dirty}
        readOnly={!editable}
      >
        <Select
          label="Method"
          clearable
          readOnly={!editable}
          data={optionsOf(RCA_METHODS, RCA_LABELS)}
          value={method}
          onChange={setMethod}
        />
        <DescriptionField
          label="Root cause"
          minRows={2}
          readOnly={!editable}
          value={rootCause}
          onChange={setRootCause}
        />
        <TagsInput
          label="Contributing factors"
          description="Press Enter after each"
          readOnly={!editable}
          value={factors}
          onChange={setFactors}
        />
        <DescriptionField
          label="Workaround"
          minRows={2}
          readOnly={!editable}
          value={workaround}
          onChange={setWorkaround}
        />
        {rec.analysis.closureReason && (
          <Textarea label="Closed because" readOnly autosize value={rec.analysis.closureReason} />
        )}
      </PanelForm>
    </RecordPanel>
  );
}
