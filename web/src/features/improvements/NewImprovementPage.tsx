/**
 * Raise an improvement proposal. "Raise improvement" on a KPI, a dashboard widget, a problem or
 * a change's review opens it prefilled (`?source=kpi&ref=<kpi key>&serviceId=…`); the linked
 * KPIs are measured with the same cut, before now and after the proposal is done.
 */
import { Group, MultiSelect, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ImprovementKpiFilter, ImprovementSource } from '../../../../src/contracts/improvements.ts';
import { useCreateImprovement } from '../../api/queries/improvements.ts';
import { useServiceChoices } from '../../api/queries/serviceLevels.ts';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import {
  DescriptionField,
  ImpactUrgencyFields,
  NewRecordForm,
  TitleField,
  useOpenCreated,
} from '../../kit/form/NewRecordForm.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { useKpiChoices } from '../reports/useKpiChoices.ts';
import { SOURCE_LABELS, SOURCE_OPTIONS } from './labels.ts';

const SOURCES = Object.keys(SOURCE_LABELS) as ImprovementSource[];

/** The KPI cut carried in the URL (the KPI page's filters). */
function cutOf(params: URLSearchParams): ImprovementKpiFilter | null {
  const cut: ImprovementKpiFilter = {};
  const serviceId = params.get('serviceId');
  const groupId = params.get('groupId');
  const priority = Number(params.get('priority'));
  const type = params.get('type');
  if (serviceId) cut.serviceId = serviceId;
  if (groupId) cut.groupId = groupId;
  if (priority >= 1 && priority <= 5) cut.priority = priority;
  if (type) cut.type = type.split(',').filter(Boolean);
  return Object.keys(cut).length ? cut : null;
}

export function NewImprovementPage() {
  const [params] = useSearchParams();
  const create = useCreateImprovement();
  const opened = useOpenCreated('proposed', (n) => `/improvements/${n}`);
  const kpis = useKpiChoices();
  const services = useServiceChoices();
  const initialSource = params.get('source') as ImprovementSource | null;
  const [source, setSource] = useState<ImprovementSource>(
    initialSource && SOURCES.includes(initialSource) ? initialSource : 'person',
  );
  const [ref, setRef] = useState(params.get('ref') ?? '');
  const cut = cutOf(params);
  const [title, setTitle] = useState(params.get('title') ?? '');
  const [description, setDescription] = useState('');
  const [benefit, setBenefit] = useState('');
  const [impact, setImpact] = useState('3');
  const [urgency, setUrgency] = useState('3');
  const [owner, setOwner] = useState<PersonRef | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [kpiKeys, setKpiKeys] = useState<string[]>([]);
  const [days, setDays] = useState<number>(30);
  const errors = fieldErrorsOf(create.error);
  const cutService = cut?.serviceId ? services.data?.items.find((s) => s.id === cut.serviceId)?.name : null;
  const shownTitle =
    title ||
    // Proposed from the KPI's label, never its key: nothing until the KPI list has loaded.
    (source === 'kpi' && ref && kpis.loaded ? `Bring ${kpis.label(ref).toLowerCase()} back on target` : '');

  const submit = () =>
    create.mutate(
      {
        title: shownTitle,
        description,
        expectedBenefit: benefit,
        impact: Number(impact),
        urgency: Number(urgency),
        assigneeId: owner?.id ?? null,
        groupId,
        sourceKind: source,
        sourceRef: source === 'person' ? null : ref.trim() || null,
        kpiFilter: source === 'kpi' ? cut : null,
        serviceIds,
        kpiKeys: kpiKeys.filter((k) => !(source === 'kpi' && k === ref)),
        outcomeDays: days,
      },
      { onSuccess: opened },
    );

  return (
    <NewRecordForm
      title="Raise improvement"
      description="Propose an improvement to a service or process; its outcome is measured by the KPIs you link."
      onSubmit={submit}
      create={create}
      errorTitle="Could not raise the improvement"
      submitLabel="Raise improvement"
    >
      <Group grow align="flex-start">
        <Select
          label="Source"
          data={SOURCE_OPTIONS}
          value={source}
          onChange={(v) => v && setSource(v as ImprovementSource)}
          allowDeselect={false}
        />
        {source === 'kpi' ? (
          <Select
            label="KPI off target"
            required
            searchable
            data={kpis.options}
            value={ref || null}
            onChange={(v) => setRef(v ?? '')}
            error={errors.sourceRef}
          />
        ) : source === 'problem' || source === 'pir' ? (
          <TextInput
            label={source === 'problem' ? 'Problem number' : 'Change number'}
            required
            value={ref}
            onChange={(e) => setRef(e.currentTarget.value)}
            error={errors.sourceRef}
          />
        ) : source === 'service_review' ? (
          <Select
            label="Reviewed service"
            searchable
            clearable
            data={namedOptions(services.data?.items)}
            value={ref || null}
            onChange={(v) => setRef(v ?? '')}
            error={errors.sourceRef}
          />
        ) : (
          <div />
        )}
      </Group>
      {source === 'kpi' && cut && (
        <Text size="sm" c="dimmed">
          Measured for {cutService ?? 'the chosen cut'}
          {cut.priority ? `, priority ${cut.priority}` : ''}
          {cut.type?.length ? `, ${cut.type.join(', ')}` : ''}.
        </Text>
      )}
      <TitleField required value={shownTitle} onChange={setTitle} error={errors.title} />
      <DescriptionField
        label="Expected benefit"
        description="What should get better, and by how much"
        required
        minRows={2}
        value={benefit}
        onChange={setBenefit}
        error={errors.expectedBenefit}
      />
      <DescriptionField value={description} onChange={setDescription} />
      <ImpactUrgencyFields impact={impact} urgency={urgency} onImpact={setImpact} onUrgency={setUrgency} />
      <Group grow align="flex-start">
        <UserPicker label="Owner" value={owner} onChange={setOwner} error={errors.assigneeId} />
        <GroupSelect label="Group" value={groupId} onChange={setGroupId} error={errors.groupId} />
      </Group>
      <MultiSelect
        label="Services"
        description={
          source === 'kpi' && cut?.serviceId ? 'The KPI’s service is added' : 'The services it concerns'
        }
        searchable
        data={namedOptions(services.data?.items)}
        value={serviceIds}
        onChange={setServiceIds}
      />
      <Group grow align="flex-start">
        <MultiSelect
          label={source === 'kpi' ? 'Other KPIs to measure' : 'KPIs to measure'}
          searchable
          data={kpis.options.filter((k) => !(source === 'kpi' && k.value === ref))}
          value={kpiKeys}
          onChange={setKpiKeys}
          error={errors.kpiKeys}
        />
        <NumberInput
          label="Measurement window (days)"
          description="Before approval and after done"
          min={7}
          max={366}
          value={days}
          onChange={(v) => setDays(Number(v) || 30)}
          error={errors.outcomeDays}
        />
      </Group>
    </NewRecordForm>
  );
}
