/**
 * Service level requirements of a service: what a customer needs (support hours, targets,
 * availability, obligations), reviewed draft → in review → agreed, then turned into an SLA.
 */
import { Anchor, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  type Requirement,
  type RequirementStatus,
  type ServiceDetail,
  useMoveRequirement,
  useSaveRequirement,
  useSlaFromRequirement,
} from '../../api/queries/serviceLevels.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { DateTimeInput } from '../../kit/form/DateTimeInput.tsx';
import { FormDialog } from '../../kit/form/FormDialog.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { failedAs } from '../../kit/notifyFailure.ts';
import { fromLocalInput, toLocalInput } from '../../lib/localDateTime.ts';
import { parseThresholds } from './formValues.ts';
import { REQUIREMENT_STATUS_COLORS, REQUIREMENT_STATUS_LABELS } from './labels.ts';
import { CalendarSelect, CustomerSelect } from './pickers.tsx';
import { rootErrors } from './problems.ts';
import { TargetsEditor } from './TargetsEditor.tsx';
import {
  AvailabilityInput,
  NameInput,
  ObligationsInput,
  OtherErrors,
  ThresholdsInput,
} from './termFields.tsx';
import { TERM_FIELDS, useTermsDraft } from './useTermsDraft.ts';

export function RequirementModal({
  service,
  requirement,
  onClose,
}: {
  service: ServiceDetail;
  requirement?: Requirement;
  onClose: () => void;
}) {
  const save = useSaveRequirement(service.id, requirement);
  const terms = useTermsDraft(requirement, service.customers[0]?.id ?? null);
  const term = terms.fields(save.error);
  const submit = () => {
    const input = terms.submitted();
    if (!input) return;
    save.mutate(input, {
      onSuccess: (r) => {
        notifications.show({ color: 'teal', message: `Requirement ${r.name} saved` });
        onClose();
      },
    });
  };
  return (
    <FormDialog
      title={requirement ? `Edit requirement ${requirement.name}` : `New requirement for ${service.name}`}
      onClose={onClose}
      onSubmit={submit}
      size="lg"
      submitLabel="Save requirement"
      pending={save.isPending}
    >
      <ErrorAlert error={save.error} title="The requirement was not saved" />
      <OtherErrors error={save.error} placed={TERM_FIELDS} />
      <NameInput {...term.name} />
      <Group grow align="flex-start">
        <CustomerSelect {...term.customer} />
        <CalendarSelect label="Support hours" required {...term.calendar} />
      </Group>
      <AvailabilityInput {...term.availability} w={220} />
      <TargetsEditor {...term.targets} />
      <ObligationsInput
        description="What each side commits to: reviews, reports, customer duties"
        {...term.obligations}
      />
    </FormDialog>
  );
}

function SlaFromRequirementModal({
  requirement,
  onClose,
}: {
  requirement: Requirement;
  onClose: () => void;
}) {
  const make = useSlaFromRequirement();
  const navigate = useNavigate();
  const [name, setName] = useState(requirement.name);
  const [from, setFrom] = useState(toLocalInput(new Date()));
  const [thresholds, setThresholds] = useState('75, 90');
  const server = rootErrors(make.error);
  const parsed = parseThresholds(thresholds);
  return (
    <FormDialog
      title={`Turn ${requirement.name} into an SLA`}
      onClose={onClose}
      onSubmit={() => {
        const effectiveFrom = fromLocalInput(from);
        if (!parsed || !effectiveFrom) return;
        make.mutate(
          {
            id: requirement.id,
            input: {
              name: name.trim() || undefined,
              effectiveFrom,
              warningThresholds: parsed,
            },
          },
          {
            onSuccess: (a) => {
              notifications.show({ color: 'teal', message: `SLA ${a.name} v${a.versionNumber} agreed` });
              onClose();
              navigate(`/service-levels/agreements/${a.id}`);
            },
          },
        );
      }}
      submitLabel="Make SLA"
      pending={make.isPending}
    >
      <Text size="sm">
        The SLA takes the requirement’s customer, support hours, targets, availability and obligations, and is
        agreed at once. If the requirement already made an SLA, this makes its next version.
      </Text>
      <ErrorAlert error={make.error} title="No SLA was made" />
      <NameInput label="SLA name" required={false} value={name} onChange={setName} error={server.name} />
      <DateTimeInput
        label="Effective from"
        required
        value={from}
        onChange={setFrom}
        error={server.effectiveFrom}
      />
      <ThresholdsInput value={thresholds} onChange={setThresholds} error={server.warningThresholds} />
    </FormDialog>
  );
}

const MOVES: Record<RequirementStatus, { to: RequirementStatus; label: string }[]> = {
  draft: [{ to: 'in_review', label: 'Submit for review' }],
  in_review: [
    { to: 'agreed', label: 'Mark agreed' },
    { to: 'draft', label: 'Back to draft' },
  ],
  agreed: [{ to: 'draft', label: 'Rework (back to draft)' }],
};

function RequirementActions({
  requirement,
  onEdit,
  onMakeSla,
}: {
  requirement: Requirement;
  onEdit: () => void;
  onMakeSla: () => void;
}) {
  const move = useMoveRequirement();
  const editable = requirement.status !== 'agreed';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronDown size={14} />}
          loading={move.isPending}
          aria-label={`Actions for requirement ${requirement.name}`}
        >
          Actions
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {editable && <Menu.Item onClick={onEdit}>Edit</Menu.Item>}
        {MOVES[requirement.status].map((m) => (
          <Menu.Item
            key={m.to}
            onClick={() =>
              move.mutate(
                { requirement, status: m.to },
                {
                  onSuccess: (r) =>
                    notifications.show({
                      color: 'teal',
                      message: `${r.name} is now ${REQUIREMENT_STATUS_LABELS[r.status].toLowerCase()}`,
                    }),
                  onError: failedAs('Not moved'),
                },
              )
            }
          >
            {m.label}
          </Menu.Item>
        ))}
        {requirement.status === 'agreed' && <Menu.Item onClick={onMakeSla}>Turn into SLA</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}

export function RequirementsTable({ service, canManage }: { service: ServiceDetail; canManage: boolean }) {
  const [editing, setEditing] = useState<Requirement | null>(null);
  const [making, setMaking] = useState<Requirement | null>(null);
  const items = service.serviceLevels.requirements;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No requirements recorded. A requirement captures what a customer needs before an SLA is agreed.
      </Text>
    );
  return (
    <>
      <DataTable
        minWidth={700}
        verticalSpacing="xs"
        fz="sm"
        columns={[
          'Name',
          { label: 'Customer', w: 170 },
          { label: 'Status', w: 110 },
          { label: 'Support hours', w: 170 },
          { label: 'SLAs made', w: 150 },
          canManage && { label: 'Actions', w: 120 },
        ]}
      >
        {items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {r.name}
              </Text>
              <Text size="xs" c="dimmed">
                {r.availabilityTarget !== null ? `Availability ${r.availabilityTarget} % · ` : ''}
                {r.targets.length} priorities with targets
              </Text>
            </Table.Td>
            <Table.Td>{r.customer?.name ?? 'Every customer'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={REQUIREMENT_STATUS_COLORS[r.status]} size="sm">
                {REQUIREMENT_STATUS_LABELS[r.status]}
              </Badge>
            </Table.Td>
            <Table.Td>{r.calendar.name}</Table.Td>
            <Table.Td>
              {r.agreements.length === 0
                ? '—'
                : r.agreements.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 && ', '}
                      <Anchor component={Link} to={`/service-levels/agreements/${a.id}`} size="sm">
                        v{a.versionNumber}
                      </Anchor>
                    </span>
                  ))}
            </Table.Td>
            {canManage && (
              <Table.Td>
                <RequirementActions
                  requirement={r}
                  onEdit={() => setEditing(r)}
                  onMakeSla={() => setMaking(r)}
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {editing && (
        <RequirementModal service={service} requirement={editing} onClose={() => setEditing(null)} />
      )}
      {making && <SlaFromRequirementModal requirement={making} onClose={() => setMaking(null)} />}
    </>
  );
}
