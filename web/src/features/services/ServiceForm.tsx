/** Add or edit a service of the portfolio: kind, description, owner, group, customers, dependencies. */
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { LIMITS } from '../../../../src/shared/limits.ts';
import { ApiError } from '../../api/client.ts';
import {
  CRITICALITIES,
  type Criticality,
  type LifecycleStatus,
  type Service,
  type ServiceInput,
  type ServiceKind,
  services,
} from '../../api/queries/serviceLevels.ts';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, UserPicker } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { CRITICALITY_LABELS, LIFECYCLE_LABELS, NEXT_STAGES, SERVICE_KIND_LABELS } from '../sla/labels.ts';
import { CustomerMultiSelect, TechnicalServicesSelect } from '../sla/pickers.tsx';
import { otherErrors, rootErrors } from '../sla/problems.ts';

const PLACED = [
  'kind',
  'name',
  'description',
  'category',
  'criticality',
  'lifecycleStatus',
  'ownerId',
  'supportGroupId',
  'customerIds',
  'dependsOn',
];

export function ServiceFormModal({
  service,
  onClose,
}: {
  /** The service to edit; absent to add one. */
  service?: Service;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const save = services.useSave(service);
  const [kind, setKind] = useState<ServiceKind>(service?.kind ?? 'business');
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [category, setCategory] = useState(service?.category ?? '');
  const [criticality, setCriticality] = useState<Criticality>(service?.criticality ?? 'medium');
  const [lifecycle, setLifecycle] = useState<LifecycleStatus>(service?.lifecycleStatus ?? 'pipeline');
  const [owner, setOwner] = useState<PersonRef | null>(service?.owner ?? null);
  const [groupId, setGroupId] = useState<string | null>(service?.supportGroup?.id ?? null);
  const [customerIds, setCustomerIds] = useState<string[]>(service?.customers.map((c) => c.id) ?? []);
  const [dependsOn, setDependsOn] = useState<string[]>(service?.dependsOn.map((d) => d.id) ?? []);
  const [touched, setTouched] = useState(false);
  const server = rootErrors(save.error);
  const stages: LifecycleStatus[] = service
    ? [service.lifecycleStatus, ...NEXT_STAGES[service.lifecycleStatus]]
    : ['pipeline', 'live'];
  const stale = save.error instanceof ApiError && save.error.isStale;

  const submit = () => {
    setTouched(true);
    if (!name.trim()) return;
    const input: ServiceInput = {
      name: name.trim(),
      description,
      category: category.trim() || null,
      criticality,
      lifecycleStatus: lifecycle,
      ownerId: owner?.id ?? null,
      supportGroupId: groupId,
      customerIds,
      ...(kind === 'business' ? { dependsOn } : {}),
    };
    save.mutate(service ? input : { ...input, kind }, {
      onSuccess: (s) => {
        notifications.show({ color: 'teal', message: `${s.name} ${service ? 'saved' : 'added'}` });
        onClose();
        if (!service) navigate(`/services/${s.id}`);
      },
    });
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={service ? `Edit ${service.name}` : 'New service'}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <ErrorAlert
            error={save.error}
            title={
              stale
                ? 'Someone else changed this service; close and reopen to edit the latest version'
                : 'The service was not saved'
            }
          />
          {otherErrors(save.error, PLACED).map((m) => (
            <Text key={m} c="red.8" size="sm">
              {m}
            </Text>
          ))}
          {!service && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="service-kind-label">
                Kind
              </Text>
              <SegmentedControl
                aria-labelledby="service-kind-label"
                value={kind}
                onChange={(v) => setKind(v as ServiceKind)}
                data={(['business', 'technical'] as const).map((k) => ({
                  value: k,
                  label: SERVICE_KIND_LABELS[k],
                }))}
              />
            </Stack>
          )}
          <TextInput
            label="Name"
            required
            maxLength={LIMITS.nameMax}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={(touched && !name.trim() ? 'Enter a name' : undefined) ?? server.name}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxLength={LIMITS.descriptionMax}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={server.description}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Category"
              maxLength={LIMITS.categoryMax}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value)}
              error={server.category}
            />
            <Select
              label="Criticality"
              data={CRITICALITIES.map((c) => ({ value: c, label: CRITICALITY_LABELS[c] }))}
              value={criticality}
              onChange={(v) => v && setCriticality(v as Criticality)}
              allowDeselect={false}
              error={server.criticality}
            />
            <Select
              label="Lifecycle status"
              description={service ? 'Pipeline → live → retired' : undefined}
              data={stages.map((s) => ({ value: s, label: LIFECYCLE_LABELS[s] }))}
              value={lifecycle}
              onChange={(v) => v && setLifecycle(v as LifecycleStatus)}
              allowDeselect={false}
              error={server.lifecycleStatus}
            />
          </Group>
          <Group grow align="flex-start">
            <UserPicker label="Service owner" value={owner} onChange={setOwner} error={server.ownerId} />
            <GroupSelect
              label="Support group"
              value={groupId}
              onChange={setGroupId}
              error={server.supportGroupId}
            />
          </Group>
          <CustomerMultiSelect
            label="Customers"
            description="Organisations the service is delivered to"
            value={customerIds}
            onChange={setCustomerIds}
            error={server.customerIds}
          />
          {kind === 'business' && (
            <TechnicalServicesSelect
              label="Supported by technical services"
              exclude={service?.id}
              value={dependsOn}
              onChange={setDependsOn}
              error={server.dependsOn}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {service ? 'Save service' : 'Add service'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
