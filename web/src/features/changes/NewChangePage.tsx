/**
 * Raise a change: standard (from a pre-approved template, which fills in the plans and the risk),
 * normal or emergency, with its plans and planned window. `?type=standard&template=<id>` preselects.
 */
import { Group, Paper, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
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
import { fieldErrorsOf } from '../../lib/forms.ts';
import { fromLocalInput } from '../../lib/localDateTime.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import { CHANGE_TYPE_HELP, CHANGE_TYPE_LABELS } from './labels.ts';
import { type PlanDraft, PlanFields } from './PlanFields.tsx';

type Kind = 'standard' | 'normal' | 'emergency';

export function NewChangePage() {
  const [params] = useSearchParams();
  const create = useCreateChange();
  const opened = useOpenCreated('raised', (n) => `/changes/${n}`);
  const templates = useChangeTemplates('true');
  const [type, setType] = useState<Kind>((params.get('type') as Kind | null) ?? 'normal');
  const [templateId, setTemplateId] = useState<string | null>(params.get('template'));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [plan, setPlan] = useState<PlanDraft>({ start: '', end: '', impl: '', backout: '', test: '' });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const errors = fieldErrorsOf(create.error);
  const standard = type === 'standard';
  const template = templates.data?.items.find((t) => t.id === templateId);

  const submit = () =>
    create.mutate(
      {
        changeType: type,
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
      },
      { onSuccess: opened },
    );

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
        onChange={(v) => setType(v as Kind)}
        data={(['standard', 'normal', 'emergency'] as const).map((k) => ({
          value: k,
          label: CHANGE_TYPE_LABELS[k]!,
        }))}
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
          value={templateId}
          onChange={setTemplateId}
          error={errors.templateId}
          description={
            template ? `${template.riskLevel} risk · about ${template.durationMinutes} minutes` : undefined
          }
        />
      )}
      <TitleField
        required={!standard}
        placeholder={template?.name}
        description={standard ? 'Empty: the template’s name' : undefined}
        value={title}
        onChange={setTitle}
        error={errors.title}
      />
      <DescriptionField minRows={2} value={description} onChange={setDescription} />
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
        draft={plan}
        onChange={setPlan}
        errors={errors}
        plans={!standard}
        endDescription={standard ? 'Empty: start plus the template’s duration' : undefined}
      />
      <Group grow>
        <GroupSelect label="Group" value={groupId} onChange={setGroupId} error={errors.groupId} />
        <ServiceSelect label="Service" value={serviceId} onChange={setServiceId} />
      </Group>
    </NewRecordForm>
  );
}
