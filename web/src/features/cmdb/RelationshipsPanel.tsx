/** A CI's relationships in both directions, named from its side ("runs on", "hosts"), added and removed here. */
import { Button, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  type Ci,
  type CiClass,
  type CiRef,
  type RelationshipType,
  useAddRelationship,
  useCiClasses,
  useCiRelationships,
  useRelationshipTypes,
  useRemoveRelationship,
} from '../../api/queries/cmdb.ts';
import { EmptyState, ErrorAlert, ErrorState, PageLoader } from '../../components/States.tsx';
import { RemoveButton } from '../../kit/detail/RemoveButton.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { CiPicker } from './CiPicker.tsx';
import { CiCells, isSubclass } from './shared.tsx';

/** The ways this CI can take part in each type: as the "from" end (forward) or the "to" end (reverse). */
function directionOptions(types: RelationshipType[], classes: CiClass[], classKey: string) {
  const out: { value: string; label: string }[] = [];
  for (const t of types) {
    const fits = (end: 'from' | 'to') =>
      t.allowed.length === 0 || t.allowed.some((a) => isSubclass(classes, classKey, a[end]));
    if (fits('from')) out.push({ value: `${t.key}|out`, label: `${t.forwardLabel} …` });
    if (fits('to')) out.push({ value: `${t.key}|in`, label: `${t.reverseLabel} …` });
  }
  return out;
}

export function RelationshipsPanel({ ci }: { ci: Ci }) {
  const rels = useCiRelationships(ci.id);
  const types = useRelationshipTypes();
  const classes = useCiClasses();
  const add = useAddRelationship();
  const remove = useRemoveRelationship();
  const [choice, setChoice] = useState<string | null>(null);
  const [other, setOther] = useState<CiRef | null>(null);
  const canEdit = ci.allowedActions.includes('update');
  const options = directionOptions(types.data ?? [], classes.data ?? [], ci.classKey);

  const submit = () => {
    if (!choice || !other) return;
    const [type = '', dir] = choice.split('|');
    const body =
      dir === 'out' ? { type, fromId: ci.id, toId: other.id } : { type, fromId: other.id, toId: ci.id };
    add.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Relationship added' });
        setOther(null);
      },
    });
  };

  if (rels.isPending) return <PageLoader label="Loading relationships" />;
  if (rels.isError) return <ErrorState error={rels.error} onRetry={() => rels.refetch()} />;
  const sorted = [...rels.data].sort(
    (a, b) => a.label.localeCompare(b.label) || a.ci.name.localeCompare(b.ci.name),
  );

  return (
    <Stack gap="md">
      {canEdit && (
        <SubmitForm onSubmit={submit}>
          <Stack gap="xs">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Text size="sm" fw={600} pb={8}>
                {ci.name}
              </Text>
              <Select
                label="Relationship"
                placeholder="Choose"
                data={options}
                value={choice}
                onChange={setChoice}
                w={220}
              />
              <CiPicker
                label="Configuration item"
                placeholder="Search by name or hostname"
                value={other}
                onChange={setOther}
                exclude={[ci.id]}
                w={320}
              />
              <Button type="submit" disabled={!choice || !other} loading={add.isPending}>
                Add relationship
              </Button>
            </Group>
            <ErrorAlert error={add.error} title="Not added" />
          </Stack>
        </SubmitForm>
      )}
      {sorted.length === 0 ? (
        <EmptyState title="No relationships yet">
          Relationships say what runs on what and what depends on what; impact analysis follows them.
        </EmptyState>
      ) : (
        <DataTable
          minWidth={620}
          fz="sm"
          verticalSpacing="xs"
          aria-label="Relationships"
          columns={[
            { label: ci.name, w: 180 },
            'Configuration item',
            { label: 'Class', w: 160 },
            { label: 'Status', w: 120 },
            canEdit && { label: 'Actions', w: 60, hidden: true },
          ]}
        >
          {sorted.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.label}</Table.Td>
              <CiCells ci={r.ci} />
              {canEdit && (
                <Table.Td>
                  <Tooltip label="Remove relationship">
                    <RemoveButton
                      label={`Remove: ${r.label} ${r.ci.name}`}
                      mutation={remove}
                      vars={r.id}
                      loading={remove.isPending && remove.variables === r.id}
                    />
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
