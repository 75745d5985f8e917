/** My notification preferences, in my profile: per event, the inbox and/or mail, immediately or as a daily digest. */
import { Button, Checkbox, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PreferenceInput, PreferenceView } from '../../../../src/contracts/notifications.ts';
import {
  useMyPreferences,
  useResetPreferences,
  useSavePreferences,
} from '../../api/queries/notifications.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';

/** A preference as the form edits and saves it. */
const inputOf = ({ event, inApp, email, mode }: PreferenceView): PreferenceInput => ({
  event,
  inApp,
  email,
  mode,
});

function PreferencesForm({ initial }: { initial: PreferenceView[] }) {
  const [prefs, setPrefs] = useState<PreferenceInput[]>(() => initial.map(inputOf));
  const save = useSavePreferences();
  const reset = useResetPreferences();
  const set = (event: string, change: Partial<PreferenceInput>) =>
    setPrefs((ps) => ps.map((p) => (p.event === event ? { ...p, ...change } : p)));
  return (
    <>
      <DataTable
        minWidth={640}
        verticalSpacing="xs"
        columns={[
          'Event',
          { label: 'In-app', w: 80 },
          { label: 'Email', w: 80 },
          { label: 'Email delivery', w: 220 },
        ]}
      >
        {prefs.map((p) => {
          const view = initial.find((i) => i.event === p.event)!;
          return (
            <Table.Tr key={p.event}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {view.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {view.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`${view.label}: in the app`}
                  checked={p.inApp}
                  onChange={(e) => set(p.event, { inApp: e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={`${view.label}: by email`}
                  checked={p.email}
                  onChange={(e) => set(p.event, { email: e.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={`${view.label}: email delivery`}
                  disabled={!p.email}
                  value={p.mode}
                  onChange={(v) => set(p.event, { mode: v as PreferenceInput['mode'] })}
                  data={[
                    { value: 'immediate', label: 'Immediately' },
                    { value: 'digest', label: 'Daily digest' },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <ErrorAlert error={save.error ?? reset.error} title="Your preferences were not saved" />
      <Group mt="sm">
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(prefs, {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: 'Notification preferences saved' }),
            })
          }
        >
          Save preferences
        </Button>
        <Button
          variant="default"
          loading={reset.isPending}
          onClick={() =>
            reset.mutate(undefined, {
              onSuccess: (d) => {
                setPrefs(d.preferences.map(inputOf));
                notifications.show({ color: 'teal', message: 'Back to the defaults' });
              },
            })
          }
        >
          Use the defaults
        </Button>
      </Group>
    </>
  );
}

export function PreferencesPanel() {
  const prefs = useMyPreferences();
  return (
    <Paper p="lg" maw={900} mt="lg" component="section" aria-labelledby="notification-preferences">
      <Title order={2} size="h4" id="notification-preferences" mb="xs">
        Notifications
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Choose what you hear about, where, and whether mail comes at once or in one digest a day.
      </Text>
      <Loaded
        query={prefs}
        label="Loading your preferences"
        errorAlert="Your preferences could not be loaded"
      >
        {(initial) => <PreferencesForm initial={initial} />}
      </Loaded>
    </Paper>
  );
}
