/**
 * The fields of a maintenance or freeze window. Times are wall-clock times in the window's own
 * time zone (a Saturday 02:00 Paris window stays 02:00 in Paris across daylight saving time); a
 * window repeats daily, weekly, monthly or by any iCalendar rule.
 */
import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { CiRef } from '../../api/queries/cmdb.ts';
import { instantOf, wallTimeIn } from '../../kit/calendar/days.ts';
import type { FieldErrors } from '../../kit/form/patch.ts';
import type { DraftForm } from '../../kit/form/useDraftForm.ts';
import { CiPicker } from '../cmdb/CiPicker.tsx';
import { timeZones } from '../sla/calendarForm.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import type { WindowInput, WindowKind, WindowView } from './api.ts';

const REPEATS = {
  none: { label: 'Does not repeat', rule: null },
  daily: { label: 'Every day', rule: 'FREQ=DAILY' },
  weekly: { label: 'Every week, on the same day', rule: 'FREQ=WEEKLY' },
  monthly: { label: 'Every month, on the same date', rule: 'FREQ=MONTHLY' },
  custom: { label: 'Custom rule (iCalendar RRULE)', rule: null },
} as const;
type Repeat = keyof typeof REPEATS;

export type WindowDraft = {
  kind: WindowKind;
  name: string;
  description: string;
  ci: CiRef | null;
  serviceId: string | null;
  timeZone: string;
  start: string;
  end: string;
  repeat: Repeat;
  rrule: string;
};

export const emptyWindow = (zone: string): WindowDraft => ({
  kind: 'maintenance',
  name: '',
  description: '',
  ci: null,
  serviceId: null,
  timeZone: zone,
  start: '',
  end: '',
  repeat: 'weekly',
  rrule: '',
});

function repeatOf(rule: string | null): Repeat {
  if (rule === null) return 'none';
  const hit = (Object.keys(REPEATS) as Repeat[]).find((k) => REPEATS[k].rule === rule);
  return hit ?? 'custom';
}

export const draftOfWindow = (w: WindowView): WindowDraft => ({
  kind: w.kind,
  name: w.name,
  description: w.description,
  ci: w.ci ? { id: w.ci.id, name: w.ci.name, classKey: '', classLabel: 'CI', status: 'in_use' } : null,
  serviceId: w.service?.id ?? null,
  timeZone: w.timeZone,
  start: wallTimeIn(w.start, w.timeZone),
  end: wallTimeIn(w.end, w.timeZone),
  repeat: repeatOf(w.rrule),
  rrule: w.rrule ?? '',
});

export const windowBody = (d: WindowDraft): WindowInput => ({
  kind: d.kind,
  name: d.name.trim(),
  description: d.description,
  ciId: d.kind === 'maintenance' ? (d.ci?.id ?? null) : null,
  serviceId: d.kind === 'freeze' || !d.ci ? d.serviceId : null,
  timeZone: d.timeZone,
  start: d.start ? instantOf(d.start, d.timeZone) : '',
  end: d.end ? instantOf(d.end, d.timeZone) : '',
  rrule: d.repeat === 'custom' ? d.rrule.trim() || null : REPEATS[d.repeat].rule,
});

export function validateWindowDraft(d: WindowDraft): FieldErrors {
  const e: FieldErrors = {};
  if (!d.name.trim()) e.name = 'Give the window a name';
  if (!d.start) e.start = 'When does it start?';
  if (!d.end) e.end = 'When does it end?';
  else if (d.start && d.end <= d.start) e.end = 'It must end after it starts';
  if (d.kind === 'maintenance' && !d.ci && !d.serviceId)
    e.ciId = 'Choose the CI or the service it belongs to';
  if (d.repeat === 'custom' && !d.rrule.trim()) e.rrule = 'Write the rule, e.g. FREQ=WEEKLY;BYDAY=SA';
  return e;
}

export function WindowFields({ form }: { form: DraftForm<WindowDraft, WindowInput> }) {
  const zones = useMemo(() => timeZones(), []);
  const d = form.draft;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Kind"
          allowDeselect={false}
          data={[
            { value: 'maintenance', label: 'Maintenance window' },
            { value: 'freeze', label: 'Freeze (no changes)' },
          ]}
          {...form.choice('kind', { fallback: d.kind })}
        />
        <TextInput label="Name" required {...form.text('name', { max: 200 })} />
        {d.kind === 'maintenance' && (
          <CiPicker
            label="Configuration item"
            description="Or choose a service instead"
            value={d.ci}
            onChange={(ci) => form.set('ci', ci)}
            error={form.errors.ciId}
            readOnly={form.readOnly}
          />
        )}
        {!(d.kind === 'maintenance' && d.ci) && (
          <ServiceSelect
            label="Service"
            description={d.kind === 'freeze' ? 'None: a global freeze' : undefined}
            placeholder={d.kind === 'freeze' ? 'Every service' : 'Choose a service'}
            clearable
            value={d.serviceId}
            onChange={(id) => form.set('serviceId', id)}
            error={form.errors.serviceId}
            readOnly={form.readOnly}
          />
        )}
        <Select
          label="Time zone"
          searchable
          allowDeselect={false}
          data={zones}
          {...form.choice('timeZone', { fallback: d.timeZone })}
        />
        <Select
          label="Repeats"
          allowDeselect={false}
          data={(Object.keys(REPEATS) as Repeat[]).map((k) => ({ value: k, label: REPEATS[k].label }))}
          {...form.choice('repeat', { fallback: d.repeat, errorKey: 'rrule' })}
        />
        <TextInput label={`Starts (${d.timeZone})`} type="datetime-local" required {...form.text('start')} />
        <TextInput label={`Ends (${d.timeZone})`} type="datetime-local" required {...form.text('end')} />
        {d.repeat === 'custom' && (
          <TextInput
            label="Recurrence rule"
            description="iCalendar RRULE, e.g. FREQ=WEEKLY;BYDAY=SA or FREQ=MONTHLY;BYDAY=1SU;COUNT=12"
            {...form.text('rrule', { max: 500 })}
          />
        )}
      </SimpleGrid>
      <Textarea
        label="Description"
        autosize
        minRows={2}
        {...form.text('description', { max: 'descriptionMax' })}
      />
    </Stack>
  );
}
