/**
 * Raise an improvement proposal. "Raise improvement" on a KPI, a dashboard widget, a problem or
 * a change's review opens it prefilled (`?source=kpi&ref=<kpi key>&serviceId=…`); the linked
 * KPIs are measured with the same cut, before now and after the proposal is done.
 */
import { Group, MultiSelect, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import {
  IMPROVEMENT_SOURCES,
  type ImprovementCreate,
  type ImprovementKpiFilter,
  type ImprovementSource,
} from '../../../../src/contracts/improvements.ts';
import { useCreateImprovement } from '../../api/queries/improvements.ts';
import { useServiceChoices } from '../../api/queries/serviceLevels.ts';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import { DraftImpactUrgency } from '../../kit/form/DraftImpactUrgency.tsx';
import {
  DescriptionField,
  NewRecordForm,
  TitleField,
  useOpenCreated,
} from '../../kit/form/NewRecordForm.tsx';
import { namedOptions } from '../../kit/form/namedOptions.ts';
import { useDraftForm } from '../../kit/form/useDraftForm.ts';
import { useKpiChoices } from '../reports/useKpiChoices.ts';
import { SOURCE_OPTIONS } from './labels.ts';

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

type ImprovementDraft = {
  sourceKind: ImprovementSource;
  sourceRef: string | null;
  title: string;
  description: string;
  expectedBenefit: string;
  impact: string;
  urgency: string;
  owner: PersonRef | null;
  groupId: string | null;
  serviceIds: string[];
  kpiKeys: string[];
  outcomeDays: number;
};

/** A new proposal, from where the link says it comes (a person's idea when it says nothing known). */
function draftFrom(params: URLSearchParams): ImprovementDraft {
  const source = params.get('source') as ImprovementSource | null;
  return {
    sourceKind: source && IMPROVEMENT_SOURCES.includes(source) ? source : 'person',
    sourceRef: params.get('ref'),
    title: params.get('title') ?? '',
    description: '',
    expectedBenefit: '',
    impact: '3',
    urgency: '3',
    owner: null,
    groupId: null,
    serviceIds: [],
    kpiKeys: [],
    outcomeDays: 30,
  };
}

export function NewImprovementPage() {
  const [params] = useSearchParams();
  const create = useCreateImprovement();
  const opened = useOpenCreated('proposed', (n) => `/improvements/${n}`);
  const kpis = useKpiChoices();
  const services = useServiceChoices();
  const cut = cutOf(params);
  const cutService = cut?.serviceId ? services.data?.items.find((s) => s.id === cut.serviceId)?.name : null;
  /** The title as typed, else (for a KPI off target) one proposed from the KPI's label, never its key. */
  const titleOf = (d: ImprovementDraft) =>
    d.title ||
    (d.sourceKind === 'kpi' && d.sourceRef && kpis.loaded
      ? `Bring ${kpis.label(d.sourceRef).toLowerCase()} back on target`
      : '');
  const toBody = (d: ImprovementDraft): ImprovementCreate => ({
    title: titleOf(d),
    description: d.description,
    expectedBenefit: d.expectedBenefit,
    impact: Number(d.impact),
    urgency: Number(d.urgency),
    assigneeId: d.owner?.id ?? null,
    groupId: d.groupId,
    sourceKind: d.sourceKind,
    sourceRef: d.sourceKind === 'person' ? null : d.sourceRef?.trim() || null,
    kpiFilter: d.sourceKind === 'kpi' ? cut : null,
    serviceIds: d.serviceIds,
    kpiKeys: d.kpiKeys.filter((k) => !(d.sourceKind === 'kpi' && k === d.sourceRef)),
    outcomeDays: d.outcomeDays,
  });
  const form = useDraftForm(draftFrom(params), { toBody, error: create.error });
  const { sourceKind: source, sourceRef: ref } = form.draft;
  const submit = () => create.mutate(form.body, { onSuccess: opened });

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
          {...form.choice('sourceKind', { fallback: source })}
          allowDeselect={false}
        />
        {source === 'kpi' ? (
          <Select
            label="KPI off target"
            required
            searchable
            data={kpis.options}
            {...form.choice('sourceRef')}
          />
        ) : source === 'problem' || source === 'pir' ? (
          <TextInput
            label={source === 'problem' ? 'Problem number' : 'Change number'}
            required
            {...form.text('sourceRef')}
          />
        ) : source === 'service_review' ? (
          <Select
            label="Reviewed service"
            searchable
            clearable
            data={namedOptions(services.data?.items)}
            {...form.choice('sourceRef')}
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
      <TitleField required {...form.value('title')} value={titleOf(form.draft)} />
      <DescriptionField
        label="Expected benefit"
        description="What should get better, and by how much"
        required
        minRows={2}
        {...form.value('expectedBenefit')}
      />
      <DescriptionField {...form.value('description')} />
      <DraftImpactUrgency form={form} />
      <Group grow align="flex-start">
        <UserPicker label="Owner" {...form.value('owner', { errorKey: 'assigneeId' })} />
        <GroupSelect label="Group" {...form.choice('groupId')} />
      </Group>
      <MultiSelect
        label="Services"
        description={
          source === 'kpi' && cut?.serviceId ? 'The KPI’s service is added' : 'The services it concerns'
        }
        searchable
        data={namedOptions(services.data?.items)}
        {...form.list('serviceIds')}
      />
      <Group grow align="flex-start">
        <MultiSelect
          label={source === 'kpi' ? 'Other KPIs to measure' : 'KPIs to measure'}
          searchable
          data={kpis.options.filter((k) => !(source === 'kpi' && k.value === ref))}
          {...form.list('kpiKeys')}
        />
        <NumberInput
          label="Measurement window (days)"
          description="Before approval and after done"
          min={7}
          max={366}
          value={form.draft.outcomeDays}
          onChange={(v) => form.set('outcomeDays', Number(v) || 30)}
          error={form.errors.outcomeDays}
        />
      </Group>
    </NewRecordForm>
  );
}
