/** Scheduled reports: what is mailed to whom how often, a form to add one, "Send now", and each one's delivery log. */
import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useGroups } from '../../api/queries/directory.ts';
import {
  type ScheduleInput,
  type ScheduleView,
  useDeliveries,
  useScheduleActions,
  useSchedules,
} from '../../api/queries/reports.ts';
import { useServiceChoices } from '../../api/queries/serviceLevels.ts';
import type { PersonRef } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserPicker } from '../../components/Pickers.tsx';
import { EmptyState, ErrorAlert } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { failedAs } from '../../kit/notifyFailure.ts';
import { useKpiChoices } from './useKpiChoices.ts';

const REPORTS = [
  { value: 'kpi_table', label: 'KPI table' },
  { value: 'sla_compliance', label: 'SLA compliance' },
  { value: 'service_review', label: 'Service review' },
];
const FREQUENCIES = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly (Mondays)' },
  { value: 'monthly', label: 'Monthly (the 1st)' },
];

function Deliveries({ schedule }: { schedule: ScheduleView }) {
  const log = useDeliveries(schedule.id);
  if (log.isPending) return <Text size="sm">Loading the delivery log…</Text>;
  if (log.isError) return <ErrorAlert error={log.error} />;
  if (log.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Not sent yet.
      </Text>
    );
  return (
    <DataTable aria-label={`Deliveries of ${schedule.name}`} columns={['Period', 'Run', 'To', 'Outcome']}>
      {log.data.items.map((d) => (
        <Table.Tr key={d.id}>
          <Table.Td>
            {d.periodFrom.slice(0, 10)} –{' '}
            {new Date(new Date(d.periodTo).getTime() - 1).toISOString().slice(0, 10)}
          </Table.Td>
          <Table.Td>{new Date(d.ranAt).toLocaleString()}</Table.Td>
          <Table.Td>{d.recipients.join(', ')}</Table.Td>
          <Table.Td>
            {d.status === 'failed' ? (
              <Text size="sm" c="red.8">
                Failed: {d.error}
              </Text>
            ) : (
              <Badge variant="light">{d.mailStatus ?? 'queued'}</Badge>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

type ScheduleDraft = {
  name: string;
  report: ScheduleInput['report'];
  kpi: string | null;
  serviceId: string | null;
  format: ScheduleInput['format'];
  frequency: ScheduleInput['frequency'];
  person: PersonRef | null;
  groupIds: string[];
};

const EMPTY_SCHEDULE: ScheduleDraft = {
  name: '',
  report: 'sla_compliance',
  kpi: null,
  serviceId: null,
  format: 'xlsx',
  frequency: 'weekly',
  person: null,
  groupIds: [],
};

/** What is scheduled: the KPI or service only for the report that takes one. */
const scheduleBody = (d: ScheduleDraft): ScheduleInput => ({
  name: d.name,
  report: d.report,
  params: {
    ...(d.kpi && d.report === 'kpi_table' ? { kpi: d.kpi } : {}),
    ...(d.serviceId && d.report === 'service_review' ? { serviceId: d.serviceId } : {}),
  },
  format: d.format,
  frequency: d.frequency,
  recipientUserIds: d.person ? [d.person.id] : [],
  recipientGroupIds: d.groupIds,
  active: true,
});

function NewSchedule({ onDone }: { onDone: () => void }) {
  const { create } = useScheduleActions();
  const kpis = useKpiChoices();
  const services = useServiceChoices();
  const groups = useGroups();
  const form = useDraftForm(EMPTY_SCHEDULE, { toBody: scheduleBody, error: create.error });
  const d = form.draft;
  const submit = () =>
    create.mutate(form.body, {
      onSuccess: (s) => {
        notifications.show({ color: 'teal', message: `${s.name} scheduled` });
        onDone();
      },
    });
  return (
    <Paper withBorder p="md" component={SubmitForm} aria-label="New scheduled report" onSubmit={submit}>
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Name" required {...form.text('name')} w={260} />
          <Select
            label="Report"
            data={REPORTS}
            {...form.choice('report', { fallback: d.report })}
            allowDeselect={false}
          />
          {d.report === 'kpi_table' && (
            <Select label="KPI" searchable data={kpis.options} {...form.choice('kpi')} />
          )}
          {d.report === 'service_review' && (
            <Select
              label="Service"
              searchable
              data={namedOptions(services.data?.items)}
              {...form.choice('serviceId')}
            />
          )}
          <Select
            label="Format"
            data={[
              ...(d.report === 'service_review' ? [{ value: 'pdf', label: 'PDF' }] : []),
              { value: 'csv', label: 'CSV' },
              { value: 'xlsx', label: 'XLSX' },
            ]}
            {...form.choice('format', { fallback: d.format })}
            allowDeselect={false}
          />
          <Select
            label="How often"
            data={FREQUENCIES}
            {...form.choice('frequency', { fallback: d.frequency })}
            allowDeselect={false}
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <UserPicker label="Send to a person" {...form.value('person')} w={260} clearable />
          <MultiSelect
            label="Send to groups"
            data={namedOptions(groups.data)}
            {...form.list('groupIds')}
            searchable
            w={320}
          />
        </Group>
        {create.isError && <ErrorAlert error={create.error} title="The report was not scheduled" />}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Schedule report
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function SchedulesPage() {
  const list = useSchedules();
  const { remove, send } = useScheduleActions();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const fail = failedAs();
  return (
    <Stack gap="md">
      <PageHeader
        title="Scheduled reports"
        description="Reports mailed daily, weekly or monthly to people and groups, each covering the period just ended, with a log of every delivery."
        actions={!adding && <Button onClick={() => setAdding(true)}>New scheduled report</Button>}
      />
      {adding && <NewSchedule onDone={() => setAdding(false)} />}
      <Loaded query={list} label="Loading scheduled reports">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No scheduled reports">
              Schedule one to have it mailed as PDF, CSV or XLSX.
            </EmptyState>
          ) : (
            data.items.map((s) => (
              <Paper key={s.id} withBorder p="md" component="section" aria-label={s.name}>
                <Group justify="space-between" wrap="wrap">
                  <Stack gap={2}>
                    <Title order={2} size="h5">
                      {s.name}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {REPORTS.find((r) => r.value === s.report)?.label} · {s.format.toUpperCase()} ·{' '}
                      {FREQUENCIES.find((f) => f.value === s.frequency)?.label} · next{' '}
                      {new Date(s.nextRunAt).toLocaleString()} · by {s.owner.name}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Button variant="default" size="xs" onClick={() => setOpen(open === s.id ? null : s.id)}>
                      {open === s.id ? 'Hide deliveries' : 'Deliveries'}
                    </Button>
                    <Button
                      variant="default"
                      size="xs"
                      loading={send.isPending && send.variables === s.id}
                      onClick={() => send.mutate(s.id, { onSuccess: () => setOpen(s.id), onError: fail })}
                    >
                      Send now
                    </Button>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => remove.mutate(s.id, { onError: fail })}
                    >
                      Delete
                    </Button>
                  </Group>
                </Group>
                {open === s.id && <Deliveries schedule={s} />}
              </Paper>
            ))
          )
        }
      </Loaded>
    </Stack>
  );
}
