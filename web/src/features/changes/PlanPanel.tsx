/** The change's plans and planned window, saved together; new dates are checked for conflicts again. */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type ChangeView, useUpdateChange } from '../../api/queries/changes.ts';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { whenStale } from '../../kit/record/whenStale.ts';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { fromLocalInput, toLocalInput } from '../../lib/localDateTime.ts';
import { type PlanDraft, PlanFields } from './PlanFields.tsx';

function draftOf(rec: ChangeView): PlanDraft {
  return {
    start: toLocalInput(rec.plannedStart),
    end: toLocalInput(rec.plannedEnd),
    impl: rec.implementationPlan ?? '',
    backout: rec.backoutPlan ?? '',
    test: rec.testPlan ?? '',
  };
}

/** The fields of `draft` that differ from `saved`, as a change patch. */
function patchOf(draft: PlanDraft, saved: PlanDraft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (draft.start !== saved.start) patch.plannedStart = fromLocalInput(draft.start);
  if (draft.end !== saved.end) patch.plannedEnd = fromLocalInput(draft.end);
  if (draft.impl !== saved.impl) patch.implementationPlan = draft.impl || null;
  if (draft.backout !== saved.backout) patch.backoutPlan = draft.backout || null;
  if (draft.test !== saved.test) patch.testPlan = draft.test || null;
  return patch;
}

export function PlanPanel({ rec, onStale }: { rec: ChangeView; onStale: () => void }) {
  const save = useUpdateChange(rec);
  const editable = rec.allowedActions.includes('update');
  const [draft, setDraft] = useState(() => draftOf(rec));
  const patch = patchOf(draft, draftOf(rec));
  return (
    <RecordPanel id="plan-title" title="Plan and schedule" gap="sm">
      <PanelForm
        onSubmit={() => {
          save.mutate(
            { patch, version: rec.version },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: 'Plan saved' }),
              onError: whenStale(onStale),
            },
          );
        }}
        error={save.error}
        errorTitle="Could not save the plan"
        submitLabel="Save plan"
        pending={save.isPending}
        disabled={Object.keys(patch).length === 0}
        readOnly={!editable}
      >
        <PlanFields
          draft={draft}
          onChange={setDraft}
          errors={fieldErrorsOf(save.error)}
          readOnly={!editable}
        />
      </PanelForm>
    </RecordPanel>
  );
}
