/** The change's plans and planned window, saved together; new dates are checked for conflicts again. */
import { notifications } from '@mantine/notifications';
import { type ChangeView, useUpdateChange } from '../../api/queries/changes.ts';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { whenStale } from '../../kit/record/whenStale.ts';
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

/** The change fields a plan draft stands for, as the API takes them. */
function bodyOf(draft: PlanDraft) {
  return {
    plannedStart: fromLocalInput(draft.start),
    plannedEnd: fromLocalInput(draft.end),
    implementationPlan: draft.impl || null,
    backoutPlan: draft.backout || null,
    testPlan: draft.test || null,
  };
}

export function PlanPanel({ rec, onStale }: { rec: ChangeView; onStale: () => void }) {
  const save = useUpdateChange(rec);
  const editable = rec.allowedActions.includes('update');
  const form = useDraftForm(draftOf(rec), { toBody: bodyOf, error: save.error, readOnly: !editable });
  return (
    <RecordPanel id="plan-title" title="Plan and schedule" gap="sm">
      <PanelForm
        onSubmit={() => {
          save.mutate(
            { patch: form.patch, version: rec.version },
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
        disabled={!form.dirty}
        readOnly={!editable}
      >
        <PlanFields
          draft={form.draft}
          onChange={form.setDraft}
          errors={form.errors}
          readOnly={form.readOnly}
        />
      </PanelForm>
    </RecordPanel>
  );
}
