/** The survey settings, beside the incident and request options: which scores are low, how long a survey runs. */
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type CsatSettings, useCsatSettings, useSaveCsatSettings } from '../../api/queries/csat.ts';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { SettingsCard, WholeNumberField, whole } from '../process-admin/SettingsCard.tsx';

/** The bounds the server takes (the field's limits and its check). */
const THRESHOLD = { min: 1, max: 4 };
const DAYS = { min: 1, max: 90 };

function Form({
  settings,
  canEdit,
  onReload,
}: {
  settings: CsatSettings;
  canEdit: boolean;
  onReload: () => void;
}) {
  const save = useSaveCsatSettings();
  const [threshold, setThreshold] = useState<number | string>(settings.lowScoreThreshold);
  const [days, setDays] = useState<number | string>(settings.expiryDays);
  const valid = whole(threshold, THRESHOLD.min, THRESHOLD.max) && whole(days, DAYS.min, DAYS.max);
  const changed = threshold !== settings.lowScoreThreshold || days !== settings.expiryDays;
  return (
    <SettingsCard
      title="Satisfaction survey"
      titleId="csat-settings-title"
      intro={
        <Text size="sm" c="dimmed">
          Resolving an incident or request asks its requester how satisfied they are (a score of 1–5). These
          settings apply to both.
        </Text>
      }
      noun="survey settings"
      save={save}
      onReload={onReload}
      onSubmit={() => {
        if (!valid) return;
        save.mutate(
          { lowScoreThreshold: threshold, expiryDays: days, version: settings.version },
          { onSuccess: () => notifications.show({ color: 'teal', message: 'Survey settings saved' }) },
        );
      }}
      canEdit={canEdit}
      submitDisabled={!valid || !changed}
    >
      <WholeNumberField
        label="Low score (at or below)"
        description="Such a score tells the manager of the record's group, or its members when it has none."
        {...THRESHOLD}
        readOnly={!canEdit}
        value={threshold}
        onChange={setThreshold}
      />
      <WholeNumberField
        label="Survey runs for (days)"
        description="After this many days the survey takes no more answers; applies to surveys sent afterwards."
        {...DAYS}
        readOnly={!canEdit}
        value={days}
        onChange={setDays}
        unit="days"
      />
    </SettingsCard>
  );
}

export function CsatSettingsForm({ canEdit }: { canEdit: boolean }) {
  return (
    <Loaded query={useCsatSettings()} label="Loading survey settings" resetKey={(s) => s.version}>
      {(settings, reload) => <Form settings={settings} canEdit={canEdit} onReload={reload} />}
    </Loaded>
  );
}
