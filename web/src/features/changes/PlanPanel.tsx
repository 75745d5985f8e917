/** The change's plans and planned window, saved together; new dates are checked for conflicts again. */
import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type ChangeView, useUpdateChange } from '../../api/queries/changes.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { fromLocalInput, toLocalInput } from './labels.ts';
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
    <Paper p="md" component="section" aria-labelledby="plan-title">
      <SubmitForm
        onSubmit={() => {
          save.mutate(
            { patch, version: rec.version },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: 'Plan saved' }),
              onError: (err) => {
                if (err instanceof ApiError && err.isStale) onStale();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h5" id="plan-title">
            Plan and schedule
          </Title>
          <PlanFields
            draft={draft}
            onChange={setDraft}
            errors={fieldErrorsOf(save.error)}
            readOnly={!editable}
          />
          <ErrorAlert error={save.error} title="Could not save the plan" />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" disabled={Object.keys(patch).length === 0} loading={save.isPending}>
                Save plan
              </Button>
            </Group>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}
