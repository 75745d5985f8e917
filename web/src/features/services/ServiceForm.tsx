/** Add or edit a service of the portfolio: kind, description, owner, group, customers, dependencies. */
import { Group, Modal, Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CRITICALITIES,
  type Criticality,
  type LifecycleStatus,
  NEXT_STAGES,
  type ServiceKind,
} from '../../../../src/domain/portfolio.ts';
import { type Service, type ServiceInput, services } from '../../api/queries/serviceLevels.ts';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import { LabelledSegments } from '../../kit/form/LabelledSegments.tsx';
import type { FieldErrors } from '../../kit/form/patch.ts';
import { textOrNull } from '../../kit/form/patch.ts';
import { SaveForm } from '../../kit/form/SaveForm.tsx';
import { type DraftForm, useRecordForm } from '../../kit/form/useDraftForm.ts';
import { optionsOf } from '../../lib/labels.ts';
import { CRITICALITY_LABELS, LIFECYCLE_LABELS, SERVICE_KIND_LABELS } from '../sla/labels.ts';
import { CustomerMultiSelect, TechnicalServicesSelect } from '../sla/pickers.tsx';

type ServiceDraft = {
  kind: ServiceKind;
  name: string;
  description: string;
  category: string;
  criticality: Criticality;
  lifecycleStatus: LifecycleStatus;
  owner: PersonRef | null;
  supportGroupId: string | null;
  customerIds: string[];
  dependsOn: string[];
};

const emptyService = (): ServiceDraft => ({
  kind: 'business',
  name: '',
  description: '',
  category: '',
  criticality: 'medium',
  lifecycleStatus: 'pipeline',
  owner: null,
  supportGroupId: null,
  customerIds: [],
  dependsOn: [],
});

const toDraft = (s: Service): ServiceDraft => ({
  kind: s.kind,
  name: s.name,
  description: s.description,
  category: s.category ?? '',
  criticality: s.criticality ?? 'medium',
  lifecycleStatus: s.lifecycleStatus,
  owner: s.owner,
  supportGroupId: s.supportGroup?.id ?? null,
  customerIds: s.customers.map((c) => c.id),
  dependsOn: s.dependsOn.map((d) => d.id),
});

/** The body of an edit: everything but the kind, which a service keeps. */
const toBody = (d: ServiceDraft): ServiceInput => ({
  name: d.name.trim(),
  description: d.description,
  category: textOrNull(d.category),
  criticality: d.criticality,
  lifecycleStatus: d.lifecycleStatus,
  ownerId: d.owner?.id ?? null,
  supportGroupId: d.supportGroupId,
  customerIds: d.customerIds,
  ...(d.kind === 'business' ? { dependsOn: d.dependsOn } : {}),
});

const validate = (d: ServiceDraft): FieldErrors => (d.name.trim() ? {} : { name: 'Enter a name' });

function ServiceFields({
  form,
  service,
}: {
  form: DraftForm<ServiceDraft, ServiceInput>;
  service?: Service;
}) {
  const stages: LifecycleStatus[] = service
    ? [service.lifecycleStatus, ...NEXT_STAGES[service.lifecycleStatus]]
    : ['pipeline', 'live'];
  return (
    <>
      {!service && (
        <LabelledSegments
          label="Kind"
          value={form.draft.kind}
          onChange={(k) => form.set('kind', k)}
          data={(['business', 'technical'] as const).map((k) => ({
            value: k,
            label: SERVICE_KIND_LABELS[k],
          }))}
        />
      )}
      <TextInput label="Name" required {...form.text('name', { max: 'nameMax' })} />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        {...form.text('description', { max: 'descriptionMax' })}
      />
      <Group grow align="flex-start">
        <TextInput label="Category" {...form.text('category', { max: 'categoryMax' })} />
        <Select
          label="Criticality"
          data={optionsOf(CRITICALITIES, CRITICALITY_LABELS)}
          allowDeselect={false}
          {...form.choice('criticality', { fallback: form.draft.criticality })}
        />
        <Select
          label="Lifecycle status"
          description={service ? 'Pipeline → live → retired' : undefined}
          data={optionsOf(stages, LIFECYCLE_LABELS)}
          allowDeselect={false}
          {...form.choice('lifecycleStatus', { fallback: form.draft.lifecycleStatus })}
        />
      </Group>
      <Group grow align="flex-start">
        <UserPicker label="Service owner" {...form.value('owner', { errorKey: 'ownerId' })} />
        <GroupSelect label="Support group" {...form.value('supportGroupId')} />
      </Group>
      <CustomerMultiSelect
        label="Customers"
        description="Organisations the service is delivered to"
        {...form.list('customerIds')}
      />
      {form.draft.kind === 'business' && (
        <TechnicalServicesSelect
          label="Supported by technical services"
          exclude={service?.id}
          {...form.list('dependsOn')}
        />
      )}
    </>
  );
}

export function EditServiceModal({ service, onClose }: { service: Service; onClose: () => void }) {
  const save = services.useUpdate();
  const form = useRecordForm(service, toDraft, { toBody, validate, error: save.error });
  return (
    <Modal opened onClose={onClose} title={`Edit ${service.name}`} size="lg">
      <SaveForm
        form={form}
        save={save}
        what="this service"
        submitLabel="Save service"
        errorTitle="The service was not saved"
        onCancel={onClose}
        onSubmit={() =>
          save.mutate(
            { id: service.id, patch: form.patch, version: form.version },
            {
              onSuccess: (s) => {
                notifications.show({ color: 'teal', message: `${s.name} saved` });
                onClose();
              },
            },
          )
        }
      >
        <ServiceFields form={form} service={service} />
      </SaveForm>
    </Modal>
  );
}

/** The portfolio's "New service" button and its dialog. */
export function NewServiceButton() {
  return (
    <CreateButton
      label="New service"
      title="New service"
      useCreate={services.useCreate}
      empty={emptyService}
      toBody={(d) => ({ ...toBody(d), kind: d.kind })}
      validate={validate}
      created={(s) => `${s.name} added`}
      pathOf={(s) => `/services/${s.id}`}
      submitLabel="Add service"
      errorTitle="The service was not saved"
    >
      {(form) => <ServiceFields form={form} />}
    </CreateButton>
  );
}
