/**
 * Raise a change: standard (from a pre-approved template, which fills in the plans and the risk),
 * normal or emergency, with its plans and planned window. `?type=standard&template=<id>` preselects.
 */
import { Group, Paper, Select, Text } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { CHANGE_TYPES, type ChangeType } from '../../../../src/domain/changes/lifecycle.ts';
import { useChangeTemplates, useCreateChange } from '../../api/queries/changes.ts';
import { GroupSelect } from '../../components/Pickers.tsx';
import { LabelledSegments } from '../../kit/form/LabelledSegments.tsx';
import {
  DescriptionField,
  NewRecordForm,
  TitleField,
  useOpenCreated,
} from '../../kit/form/NewRecordForm.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { optionsOf } from '../../lib/labels.ts';
import { fromLocalInput } from '../../lib/localDateTime.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import { CHANGE_TYPE_HELP, CHANGE_TYPE_LABELS } from './labels.ts';
import { type PlanDraft, PlanFields } from './PlanFields.tsx';

type ChangeDraft = {
  changeType: ChangeType;
  templateId: string | null;
  title: string;
  description: string;
  plan: PlanDraft;
  groupId: string | null;
  serviceId: string | null;
};

/** A new change of the type the link asks for (normal when it names none). */
const draftFrom = (params: URLSearchParams): ChangeDraft => ({
  changeType: (params.get('type') as ChangeType | null) ?? 'normal',
  templateId: params.get('template'),
  title: '',
  description: '',
  plan: { start: '', end: '', impl: '', backout: '', test: '' },
  groupId: null,
  serviceId: null,
});

/** What is sent: only the fields given; a standard change takes its plans from the template. */
function changeBody({ changeType, templateId, title, description, plan, groupId, serviceId }: ChangeDraft) {
  const standard = changeType === 'standard';
  return {
    changeType,
    ...(title.trim() ? { title } : {}),
    ...(description ? { description } : {}),
    ...(standard && templateId ? { templateId } : {}),
    ...(!standard && plan.impl ? { implementationPlan: plan.impl } : {}),
    ...(!standard && plan.backout ? { backoutPlan: plan.backout } : {}),
    ...(!standard && plan.test ? { testPlan: plan.test } : {}),
    ...(plan.start ? { plannedStart: fromLocalInput(plan.start) } : {}),
    ...(plan.end ? { plannedEnd: fromLocalInput(plan.end) } : {}),
    groupId,
    serviceId,
  };
}

export function NewChangePage() {
  const [params] = useSearchParams();
  const create = useCreateChange();
  const opened = useOpenCreated('raised', (n) => `/changes/${n}`);
  const templates = useChangeTemplates('true');
  const form = useDraftForm(draftFrom(params), { toBody: changeBody, error: create.error });
  const { changeType: type, templateId } = form.draft;
  const standard = type === 'standard';
  const template = templates.data?.items.find((t) => t.id === templateId);
  const submit = () => create.mutate(form.body, { onSuccess: opened });

  return (
    <NewRecordForm
      title="New change"
      description="Plan a change to services or configuration items."
      onSubmit={submit}
      create={create}
      errorTitle="Could not raise the change"
      submitLabel="Raise change"
    >
      <LabelledSegments
        label="Type"
        value={type}
        onChange={(v) => form.set('changeType', v)}
        data={optionsOf(CHANGE_TYPES, CHANGE_TYPE_LABELS)}
      />
      <Text size="sm" c="dimmed">
        {CHANGE_TYPE_HELP[type]}
      </Text>
      {standard && (
        <Select
          label="Template"
          required
          searchable
          data={namedOptions(templates.data?.items)}
          {...form.choice('templateId')}
          description={
            template ? `${template.riskLevel} risk · about ${template.durationMinutes} minutes` : undefined
          }
        />
      )}
      <TitleField
        required={!standard}
        placeholder={template?.name}
        description={standard ? 'Empty: the template’s name' : undefined}
        {...form.value('title')}
      />
      <DescriptionField minRows={2} {...form.value('description')} />
      {standard && template && (
        <Paper withBorder p="sm" radius="sm" aria-label="From the template">
          <Text size="sm" fw={500}>
            Implementation plan
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {template.implementationPlan}
          </Text>
          <Text size="sm" fw={500} mt="xs">
            Back-out plan
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {template.backoutPlan}
          </Text>
        </Paper>
      )}
      <PlanFields
        draft={form.draft.plan}
        onChange={(plan) => form.set('plan', plan)}
        errors={form.errors}
        plans={!standard}
        endDescription={standard ? 'Empty: start plus the template’s duration' : undefined}
      />
      <Group grow>
        <GroupSelect label="Group" {...form.choice('groupId')} />
        <ServiceSelect label="Service" {...form.choice('serviceId')} />
      </Group>
    </NewRecordForm>
  );
}
