/** Options of a process that are not part of its lifecycle: how long a resolved record may be reopened. */
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
import { SettingsCard, WholeNumberField, whole } from './SettingsCard.tsx';

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
  const valid = whole(days, 0, 3650);
  return (
    <SettingsCard
      title="Options"
      noun="options"
      save={save}
      onReload={onReload}
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
      canEdit={canEdit}
      submitDisabled={!valid || days === options.reopenWindowDays}
    >
      <WholeNumberField
        label="Reopen window (days)"
        description="A resolved record can be reopened within this many days of its resolution; after that, people raise a new record and link it."
        min={0}
        max={3650}
        readOnly={!canEdit}
        value={days}
        onChange={setDays}
        unit="days"
      />
    </SettingsCard>
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
