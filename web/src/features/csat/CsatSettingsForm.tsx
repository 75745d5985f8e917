/** The survey settings, beside the incident and request options: which scores are low, how long a survey runs. */
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type CsatSettings, useCsatSettings, useSaveCsatSettings } from '../../api/queries/csat.ts';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { SaveProblems } from '../process-admin/SaveProblems.tsx';

const whole = (v: number | string, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** A whole-number setting that shows `error` while its value is outside min..max. */
function WholeNumberField({
  min,
  max,
  value,
  error,
  ...props
}: {
  label: string;
  description: string;
  min: number;
  max: number;
  readOnly: boolean;
  value: number | string;
  onChange: (v: number | string) => void;
  error: string;
}) {
  return (
    <NumberInput
      {...props}
      min={min}
      max={max}
      allowDecimal={false}
      clampBehavior="none"
      value={value}
      error={whole(value, min, max) ? undefined : error}
      w={260}
    />
  );
}

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
  const valid = whole(threshold, 1, 4) && whole(days, 1, 90);
  const changed = threshold !== settings.lowScoreThreshold || days !== settings.expiryDays;
  return (
    <Paper p="lg" maw={640} component="section" aria-labelledby="csat-settings-title">
      <SubmitForm
        noValidate
        onSubmit={() => {
          if (!whole(threshold, 1, 4) || !whole(days, 1, 90)) return;
          save.mutate(
            { lowScoreThreshold: threshold, expiryDays: days, version: settings.version },
            { onSuccess: () => notifications.show({ color: 'teal', message: 'Survey settings saved' }) },
          );
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="csat-settings-title">
            Satisfaction survey
          </Title>
          <Text size="sm" c="dimmed">
            Resolving an incident or request asks its requester how satisfied they are (a score of 1–5). These
            settings apply to both.
          </Text>
          <SaveProblems
            error={save.error}
            what="The survey settings"
            title="The survey settings were not saved"
            onReload={onReload}
          />
          <WholeNumberField
            label="Low score (at or below)"
            description="Such a score tells the manager of the record's group, or its members when it has none."
            min={1}
            max={4}
            readOnly={!canEdit}
            value={threshold}
            onChange={setThreshold}
            error="Use a whole number from 1 to 4"
          />
          <WholeNumberField
            label="Survey runs for (days)"
            description="After this many days the survey takes no more answers; applies to surveys sent afterwards."
            min={1}
            max={90}
            readOnly={!canEdit}
            value={days}
            onChange={setDays}
            error="Use a whole number of days from 1 to 90"
          />
          {canEdit ? (
            <Group justify="flex-end">
              <Button type="submit" disabled={!valid || !changed} loading={save.isPending}>
                Save survey settings
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Only administrators and process owners change survey settings.
            </Text>
          )}
        </Stack>
      </SubmitForm>
    </Paper>
  );
}

export function CsatSettingsForm({ canEdit }: { canEdit: boolean }) {
  return (
    <Loaded query={useCsatSettings()} label="Loading survey settings" resetKey={(s) => s.version}>
      {(settings, reload) => <Form settings={settings} canEdit={canEdit} onReload={reload} />}
    </Loaded>
  );
}
