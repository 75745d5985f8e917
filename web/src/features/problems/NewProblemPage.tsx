/**
 * Raise a problem: from incidents (`?incidents=INC0001001,INC0001002`, as "Raise problem" on an
 * incident or the queue's selection sends them) or proactively, from a trend nobody reported yet.
 */
import { CloseButton, Group, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RCA_METHODS } from '../../../../src/domain/lifecycle/defaults-problem-change.ts';
import { useCreateProblem } from '../../api/queries/problems.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import {
  DescriptionField,
  ImpactUrgencyFields,
  NewRecordForm,
  TitleField,
  useOpenCreated,
} from '../../kit/form/NewRecordForm.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { optionsOf } from '../../lib/labels.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import { RCA_LABELS } from './labels.ts';

export function NewProblemPage() {
  const [params] = useSearchParams();
  const create = useCreateProblem();
  const opened = useOpenCreated('raised', (n) => `/problems/${n}`);
  const [incidents, setIncidents] = useState<string[]>(
    (params.get('incidents') ?? '')
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  );
  const [title, setTitle] = useState(params.get('title') ?? '');
  const [description, setDescription] = useState('');
  const [impact, setImpact] = useState('3');
  const [urgency, setUrgency] = useState('3');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [method, setMethod] = useState<string | null>(null);
  const [proactive, setProactive] = useState(incidents.length === 0);
  const errors = fieldErrorsOf(create.error);

  const submit = () =>
    create.mutate(
      {
        title,
        description,
        impact: Number(impact),
        urgency: Number(urgency),
        groupId,
        serviceId,
        incidentIds: incidents,
        proactive,
        ...(method ? { rcaMethod: method as (typeof RCA_METHODS)[number] } : {}),
      },
      { onSuccess: opened },
    );

  return (
    <NewRecordForm
      title="New problem"
      description="Find and remove the cause behind one or more incidents."
      onSubmit={submit}
      create={create}
      errorTitle="Could not raise the problem"
      submitLabel="Raise problem"
    >
      {incidents.length > 0 && (
        <Stack gap={4} component="section" aria-label="Incidents it is raised from">
          <Text size="sm" fw={500}>
            Raised from
          </Text>
          <Group gap="xs">
            {incidents.map((n) => (
              <Paper key={n} withBorder px="xs" py={2} radius="xl">
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{n}</Text>
                  <CloseButton
                    size="xs"
                    aria-label={`Leave out ${n}`}
                    onClick={() => setIncidents(incidents.filter((x) => x !== n))}
                  />
                </Group>
              </Paper>
            ))}
          </Group>
          {errors.incidentIds && (
            <Text size="xs" c="red">
              {errors.incidentIds}
            </Text>
          )}
        </Stack>
      )}
      <TitleField required value={title} onChange={setTitle} error={errors.title} />
      <DescriptionField value={description} onChange={setDescription} />
      <ImpactUrgencyFields impact={impact} urgency={urgency} onImpact={setImpact} onUrgency={setUrgency} />
      <Group grow>
        <GroupSelect label="Group" value={groupId} onChange={setGroupId} error={errors.groupId} />
        <ServiceSelect
          label="Service"
          value={serviceId}
          onChange={setServiceId}
          description={incidents.length ? 'Empty: the incidents’ service when they share one' : undefined}
        />
      </Group>
      <Select
        label="Analysis method"
        clearable
        data={optionsOf(RCA_METHODS, RCA_LABELS)}
        value={method}
        onChange={setMethod}
      />
      <Switch
        label="Proactive (found from trends or monitoring, not from incidents)"
        checked={proactive}
        onChange={(e) => setProactive(e.currentTarget.checked)}
      />
    </NewRecordForm>
  );
}
