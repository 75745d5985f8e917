/**
 * Raise a problem: from incidents (`?incidents=INC0001001,INC0001002`, as "Raise problem" on an
 * incident or the queue's selection sends them) or proactively, from a trend nobody reported yet.
 */
import { CloseButton, Group, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import type { ProblemCreate } from '../../../../src/contracts/problems.ts';
import { RCA_METHODS } from '../../../../src/domain/lifecycle/defaults-problem-change.ts';
import { useCreateProblem } from '../../api/queries/problems.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import { DraftImpactUrgency } from '../../kit/form/DraftImpactUrgency.tsx';
import {
  DescriptionField,
  NewRecordForm,
  TitleField,
  useOpenCreated,
} from '../../kit/form/NewRecordForm.tsx';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { optionsOf } from '../../lib/labels.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import { RCA_LABELS } from './labels.ts';

type ProblemDraft = {
  incidentIds: string[];
  title: string;
  description: string;
  impact: string;
  urgency: string;
  groupId: string | null;
  serviceId: string | null;
  rcaMethod: (typeof RCA_METHODS)[number] | null;
  proactive: boolean;
};

/** A new problem, raised from the incidents in the link (then not proactive) or from none. */
function draftFrom(params: URLSearchParams): ProblemDraft {
  const incidentIds = (params.get('incidents') ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  return {
    incidentIds,
    title: params.get('title') ?? '',
    description: '',
    impact: '3',
    urgency: '3',
    groupId: null,
    serviceId: null,
    rcaMethod: null,
    proactive: incidentIds.length === 0,
  };
}

const problemBody = ({ rcaMethod, impact, urgency, ...d }: ProblemDraft): ProblemCreate => ({
  ...d,
  impact: Number(impact),
  urgency: Number(urgency),
  ...(rcaMethod ? { rcaMethod } : {}),
});

export function NewProblemPage() {
  const [params] = useSearchParams();
  const create = useCreateProblem();
  const opened = useOpenCreated('raised', (n) => `/problems/${n}`);
  const form = useDraftForm(draftFrom(params), { toBody: problemBody, error: create.error });
  const incidents = form.draft.incidentIds;
  const submit = () => create.mutate(form.body, { onSuccess: opened });

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
                    onClick={() =>
                      form.set(
                        'incidentIds',
                        incidents.filter((x) => x !== n),
                      )
                    }
                  />
                </Group>
              </Paper>
            ))}
          </Group>
          {form.errors.incidentIds && (
            <Text size="xs" c="red">
              {form.errors.incidentIds}
            </Text>
          )}
        </Stack>
      )}
      <TitleField required {...form.value('title')} />
      <DescriptionField {...form.value('description')} />
      <DraftImpactUrgency form={form} />
      <Group grow>
        <GroupSelect label="Group" {...form.choice('groupId')} />
        <ServiceSelect
          label="Service"
          {...form.choice('serviceId')}
          description={incidents.length ? 'Empty: the incidents’ service when they share one' : undefined}
        />
      </Group>
      <Select
        label="Analysis method"
        clearable
        data={optionsOf(RCA_METHODS, RCA_LABELS)}
        {...form.choice('rcaMethod')}
      />
      <Switch
        label="Proactive (found from trends or monitoring, not from incidents)"
        {...form.toggle('proactive')}
      />
    </NewRecordForm>
  );
}
