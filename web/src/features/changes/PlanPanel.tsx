/** The change's plans and planned window, saved together; new dates are checked for conflicts again. */
import { Button, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError } from '../../api/client.ts';
import { type ChangeView, useUpdateChange } from '../../api/queries/changes.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { fromLocalInput, toLocalInput } from './labels.ts';

export function PlanPanel({ rec, onStale }: { rec: ChangeView; onStale: () => void }) {
  const save = useUpdateChange(rec);
  const editable = rec.allowedActions.includes('update');
  const [start, setStart] = useState(toLocalInput(rec.plannedStart));
  const [end, setEnd] = useState(toLocalInput(rec.plannedEnd));
  const [impl, setImpl] = useState(rec.implementationPlan ?? '');
  const [backout, setBackout] = useState(rec.backoutPlan ?? '');
  const [test, setTest] = useState(rec.testPlan ?? '');
  const errors = fieldErrorsOf(save.error);
  const patch: Record<string, unknown> = {};
  if (start !== toLocalInput(rec.plannedStart)) patch.plannedStart = fromLocalInput(start);
  if (end !== toLocalInput(rec.plannedEnd)) patch.plannedEnd = fromLocalInput(end);
  if (impl !== (rec.implementationPlan ?? '')) patch.implementationPlan = impl || null;
  if (backout !== (rec.backoutPlan ?? '')) patch.backoutPlan = backout || null;
  if (test !== (rec.testPlan ?? '')) patch.testPlan = test || null;
  const dirty = Object.keys(patch).length > 0;
  return (
    <Paper p="md" component="section" aria-labelledby="plan-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
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
          <Group grow>
            <TextInput
              type="datetime-local"
              label="Planned start"
              readOnly={!editable}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={errors.plannedStart}
            />
            <TextInput
              type="datetime-local"
              label="Planned end"
              readOnly={!editable}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={errors.plannedEnd}
            />
          </Group>
          <Textarea
            label="Implementation plan"
            autosize
            minRows={2}
            readOnly={!editable}
            maxLength={LIMITS.descriptionMax}
            value={impl}
            onChange={(e) => setImpl(e.currentTarget.value)}
          />
          <Textarea
            label="Back-out plan"
            autosize
            minRows={2}
            readOnly={!editable}
            maxLength={LIMITS.descriptionMax}
            value={backout}
            onChange={(e) => setBackout(e.currentTarget.value)}
          />
          <Textarea
            label="Test plan"
            autosize
            minRows={1}
            readOnly={!editable}
            maxLength={LIMITS.descriptionMax}
            value={test}
            onChange={(e) => setTest(e.currentTarget.value)}
          />
          <ErrorAlert error={save.error} title="Could not save the plan" />
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" disabled={!dirty} loading={save.isPending}>
                Save plan
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
