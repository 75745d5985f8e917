/** A problem's known error: publish it to the known-error database, or show and retire it. */
import { Badge, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type KnownErrorView,
  type ProblemView,
  useRecordKnownError,
  useUpdateKnownError,
} from '../../api/queries/problems.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { PanelForm } from '../../kit/form/PanelForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { KNOWN_ERROR_STATUS_LABELS } from './labels.ts';

function Publish({ rec }: { rec: ProblemView }) {
  const create = useRecordKnownError(rec);
  const form = useDraftForm(
    { title: rec.title, symptoms: '', workaround: rec.analysis.workaround ?? '' },
    { toBody: (d) => d, error: create.error },
  );
  return (
    <PanelForm
      onSubmit={() =>
        create.mutate(form.body, {
          onSuccess: () => notifications.show({ color: 'teal', message: 'Known error published' }),
        })
      }
      error={create.error}
      errorTitle="Could not publish the known error"
      submitLabel="Publish known error"
      pending={create.isPending}
    >
      <Text size="sm" c="dimmed">
        Publish the symptoms and the workaround so agents find them on new incidents.
      </Text>
      <TextInput label="Known error title" {...form.text('title', { max: 'titleMax' })} />
      <Textarea label="Symptoms" required autosize minRows={2} {...form.text('symptoms')} />
      <Textarea
        label="Workaround for the known error"
        required
        autosize
        minRows={2}
        {...form.text('workaround')}
      />
    </PanelForm>
  );
}

/** A labelled passage of the known error, line breaks kept. */
function Passage({ label, text }: { label: string; text: string }) {
  return (
    <>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </>
  );
}

function Published({ ke, editable }: { ke: KnownErrorView; editable: boolean }) {
  const update = useUpdateKnownError(ke);
  const next = ke.status === 'retired' ? 'active' : 'retired';
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>{ke.title}</Text>
        <Badge variant="light" color={ke.status === 'active' ? 'orange' : 'gray'}>
          {KNOWN_ERROR_STATUS_LABELS[ke.status]}
        </Badge>
      </Group>
      <Passage label="Symptoms" text={ke.symptoms} />
      <Passage label="Workaround" text={ke.workaround} />
      <ErrorAlert error={update.error} title="Could not change the known error" />
      {editable && (
        <Group justify="flex-end">
          <Button
            variant="default"
            size="xs"
            loading={update.isPending}
            onClick={() => update.mutate({ status: next })}
          >
            {next === 'retired' ? 'Retire' : 'Make active again'}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function KnownErrorPanel({ rec }: { rec: ProblemView }) {
  const editable = rec.allowedActions.includes('update');
  return (
    <RecordPanel id="known-error-title" title="Known error" gap="sm">
      {rec.knownError ? (
        <Published ke={rec.knownError} editable={editable} />
      ) : editable ? (
        <Publish key={rec.analysis.workaround ?? ''} rec={rec} />
      ) : (
        <Text size="sm" c="dimmed">
          No known error is published.
        </Text>
      )}
    </RecordPanel>
  );
}
