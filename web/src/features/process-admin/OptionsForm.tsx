/** Options of a process that are not part of its lifecycle: how long a resolved record may be reopened. */
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  PROCESS_LABELS,
  type ProcessKey,
  type ProcessOptions,
  useProcessOptions,
  useSaveProcessOptions,
} from '../../api/queries/process.ts';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { SaveProblems } from './SaveProblems.tsx';

function Form({
  process,
  options,
  canEdit,
  onReload,
}: {
  process: ProcessKey;
  options: ProcessOptions;
  canEdit: boolean;
  onReload: () => void;
}) {
  const save = useSaveProcessOptions(process);
  const [days, setDays] = useState<number | string>(options.reopenWindowDays);
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 3650;
  return (
    <Paper p="lg" maw={640}>
      <SubmitForm
        noValidate
        onSubmit={() => {
          if (!valid) return;
          save.mutate(
            { reopenWindowDays: days },
            {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: `${PROCESS_LABELS[process]} options saved` }),
            },
          );
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            Options
          </Title>
          <SaveProblems
            error={save.error}
            what="The options"
            title="The options were not saved"
            onReload={onReload}
          />
          <NumberInput
            label="Reopen window (days)"
            description="A resolved record can be reopened within this many days of its resolution; after that, people raise a new record and link it."
            min={0}
            max={3650}
            allowDecimal={false}
            clampBehavior="none"
            readOnly={!canEdit}
            value={days}
            onChange={setDays}
            error={valid ? undefined : 'Use a whole number of days from 0 to 3650'}
            w={260}
          />
          {canEdit ? (
            <Group justify="flex-end">
              <Button
                type="submit"
                disabled={!valid || days === options.reopenWindowDays}
                loading={save.isPending}
              >
                Save options
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Only administrators and process owners change options.
            </Text>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}

export function OptionsForm({ process, canEdit }: { process: ProcessKey; canEdit: boolean }) {
  return (
    <Loaded
      query={useProcessOptions(process)}
      label="Loading options"
      resetKey={(o) => `${process}-${o.reopenWindowDays}`}
    >
      {(options, reload) => <Form process={process} options={options} canEdit={canEdit} onReload={reload} />}
    </Loaded>
  );
}
