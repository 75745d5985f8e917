/**
 * Raise a problem: from incidents (`?incidents=INC0001001,INC0001002`, as "Raise problem" on an
 * incident or the queue's selection sends them) or proactively, from a trend nobody reported yet.
 */
import {
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { RCA_METHODS } from '../../../../src/domain/lifecycle/defaults-problem-change.ts';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { useCreateProblem } from '../../api/queries/problems.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { GroupSelect } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { LEVEL_OPTIONS } from '../../lib/labels.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import { RCA_LABELS } from './labels.ts';

export function NewProblemPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateProblem();
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
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: `${p.number} raised` });
          navigate(`/problems/${p.number}`);
        },
      },
    );

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title="New problem" description="Find and remove the cause behind one or more incidents." />
      <Paper withBorder p="lg" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
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
            <TextInput
              label="Title"
              required
              maxLength={LIMITS.titleMax}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
            <Textarea
              label="Description"
              autosize
              minRows={3}
              maxLength={LIMITS.descriptionMax}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Group grow>
              <Select
                label="Impact"
                data={LEVEL_OPTIONS}
                value={impact}
                onChange={(v) => setImpact(v ?? '3')}
              />
              <Select
                label="Urgency"
                data={LEVEL_OPTIONS}
                value={urgency}
                onChange={(v) => setUrgency(v ?? '3')}
              />
            </Group>
            <Group grow>
              <GroupSelect label="Group" value={groupId} onChange={setGroupId} error={errors.groupId} />
              <ServiceSelect
                label="Service"
                value={serviceId}
                onChange={setServiceId}
                description={
                  incidents.length ? 'Empty: the incidents’ service when they share one' : undefined
                }
              />
            </Group>
            <Select
              label="Analysis method"
              clearable
              data={RCA_METHODS.map((m) => ({ value: m, label: RCA_LABELS[m] }))}
              value={method}
              onChange={setMethod}
            />
            <Switch
              label="Proactive (found from trends or monitoring, not from incidents)"
              checked={proactive}
              onChange={(e) => setProactive(e.currentTarget.checked)}
            />
            <ErrorAlert error={create.error} title="Could not raise the problem" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(-1)}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Raise problem
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
