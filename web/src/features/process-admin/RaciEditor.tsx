/**
 * The RACI matrix of a process: activities × parties (roles or groups), each cell some of
 * Responsible, Accountable, Consulted, Informed; plus the process owner and manager. Everyone with
 * staff roles reads it; administrators and process owners edit it.
 */
import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useGroups, useRoles, useUser } from '../../api/queries/directory.ts';
import {
  PROCESS_LABELS,
  type ProcessKey,
  RACI_LETTERS,
  type Raci,
  type RaciActivity,
  type RaciDoc,
  type RaciLetter,
  type RaciRef,
  useRaci,
  useSaveRaci,
} from '../../api/queries/process.ts';
import { type PersonRef, ROLE_KEYS, type Role } from '../../api/types.ts';
import { UserPicker } from '../../components/Pickers.tsx';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { Fact } from '../../kit/detail/Section.tsx';
import { DialogActions } from '../../kit/form/DialogActions.tsx';
import { patchAt, removeAt } from '../../kit/form/listEdits.ts';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { keyFromLabel } from '../../lib/keyFromLabel.ts';
import { humanize } from '../../lib/labels.ts';
import { SaveProblems } from './SaveProblems.tsx';

const LETTER: Record<RaciLetter, string> = {
  responsible: 'R',
  accountable: 'A',
  consulted: 'C',
  informed: 'I',
};
const LETTER_NAME: Record<RaciLetter, string> = {
  responsible: 'Responsible',
  accountable: 'Accountable',
  consulted: 'Consulted',
  informed: 'Informed',
};

const partyKey = (r: RaciRef) => (r.kind === 'role' ? `role:${r.role}` : `group:${r.groupId}`);
function refOf(key: string): RaciRef {
  const [kind, id = ''] = key.split(':');
  return kind === 'role' ? { kind: 'role', role: id as Role } : { kind: 'group', groupId: id };
}

/** Every party named anywhere in the matrix, roles first, in a stable order. */
function partiesOf(raci: Raci): string[] {
  const keys = new Set<string>();
  for (const a of raci.activities) for (const l of RACI_LETTERS) for (const r of a[l]) keys.add(partyKey(r));
  return [...keys].sort((x, y) =>
    x.startsWith('role:') === y.startsWith('role:') ? 0 : x.startsWith('role:') ? -1 : 1,
  );
}

function useNames() {
  const roles = useRoles();
  const groups = useGroups();
  return (key: string) => {
    const ref = refOf(key);
    if (ref.kind === 'role') return roles.data?.find((r) => r.key === ref.role)?.label ?? humanize(ref.role);
    return groups.data?.find((g) => g.id === ref.groupId)?.name ?? 'Unknown group';
  };
}

function Person({ id, label }: { id: string | null; label: string }) {
  const u = useUser(id ?? undefined);
  return <Fact label={label}>{id ? (u.data?.name ?? '…') : 'Not named'}</Fact>;
}

function lettersOf(a: RaciActivity, party: string): string {
  return RACI_LETTERS.filter((l) => a[l].some((r) => partyKey(r) === party))
    .map((l) => LETTER[l])
    .join(', ');
}

/** The read view: the classic matrix with letters in the cells. */
export function RaciMatrixView({ raci }: { raci: Raci }) {
  const name = useNames();
  const parties = partiesOf(raci);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Person id={raci.processOwnerId} label="Process owner" />
        <Person id={raci.processManagerId} label="Process manager" />
      </SimpleGrid>
      {raci.activities.length === 0 ? (
        <EmptyState title="No activities">This process has no RACI activities.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table withTableBorder withColumnBorders captionSide="bottom" aria-label="RACI matrix">
            <Table.Caption>R responsible · A accountable · C consulted · I informed</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Activity</Table.Th>
                {parties.map((p) => (
                  <Table.Th key={p} scope="col">
                    {name(p)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {raci.activities.map((a) => (
                <Table.Tr key={a.key}>
                  <Table.Th scope="row">{a.label}</Table.Th>
                  {parties.map((p) => (
                    <Table.Td key={p} ta="center" fw={700}>
                      {lettersOf(a, p)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Editor({
  process,
  doc,
  onDone,
  onReload,
}: {
  process: ProcessKey;
  doc: RaciDoc;
  onDone: () => void;
  onReload: () => void;
}) {
  const name = useNames();
  const groups = useGroups();
  const roles = useRoles();
  const save = useSaveRaci(process, doc.version);
  const [raci, setRaci] = useState<Raci>(() => structuredClone(doc.raci));
  const [parties, setParties] = useState<string[]>(() => partiesOf(doc.raci));
  const [adding, setAdding] = useState<string | null>(null);
  const owner = useUser(raci.processOwnerId ?? undefined);
  const manager = useUser(raci.processManagerId ?? undefined);
  const asRef = (u: { id: string; name: string; email: string } | undefined): PersonRef | null =>
    u ? { id: u.id, name: u.name, email: u.email } : null;

  const setActivity = (i: number, patch: Partial<RaciActivity>) =>
    setRaci((r) => ({ ...r, activities: patchAt(r.activities, i, patch) }));
  const toggle = (i: number, letter: RaciLetter, party: string, on: boolean) => {
    const a = raci.activities[i];
    if (!a) return;
    const rest = a[letter].filter((r) => partyKey(r) !== party);
    setActivity(i, { [letter]: on ? [...rest, refOf(party)] : rest });
  };
  const addable = [
    ...ROLE_KEYS.map((r) => ({
      value: `role:${r}`,
      label: `Role: ${roles.data?.find((x) => x.key === r)?.label ?? humanize(r)}`,
    })),
    ...(groups.data ?? [])
      .filter((g) => g.active)
      .map((g) => ({ value: `group:${g.id}`, label: `Group: ${g.name}` })),
  ].filter((o) => !parties.includes(o.value));

  return (
    <SubmitForm
      onSubmit={() => {
        save.mutate(raci, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `${PROCESS_LABELS[process]} RACI matrix saved` });
            onDone();
          },
        });
      }}
    >
      <Stack gap="md">
        <SaveProblems
          error={save.error}
          what="The RACI matrix"
          title="The RACI matrix was not saved"
          onReload={onReload}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UserPicker
            label="Process owner"
            value={asRef(owner.data)}
            onChange={(p) => setRaci((r) => ({ ...r, processOwnerId: p?.id ?? null }))}
          />
          <UserPicker
            label="Process manager"
            value={asRef(manager.data)}
            onChange={(p) => setRaci((r) => ({ ...r, processManagerId: p?.id ?? null }))}
          />
        </SimpleGrid>
        <Group align="flex-end" gap="sm">
          <Select
            label="Add a role or group as a column"
            searchable
            data={addable}
            value={adding}
            onChange={setAdding}
            w={320}
          />
          <Button
            variant="light"
            disabled={!adding}
            onClick={() => {
              if (adding) setParties((p) => [...p, adding]);
              setAdding(null);
            }}
          >
            Add column
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder withColumnBorders aria-label="RACI matrix (editing)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Activity</Table.Th>
                {parties.map((p) => (
                  <Table.Th key={p} scope="col">
                    <Group gap={4} wrap="nowrap" justify="space-between">
                      <span>{name(p)}</span>
                      <TrashButton
                        size="sm"
                        iconSize={14}
                        label={`Remove column ${name(p)}`}
                        onClick={() => {
                          setParties((ps) => ps.filter((x) => x !== p));
                          setRaci((r) => ({
                            ...r,
                            activities: r.activities.map((a) => ({
                              ...a,
                              responsible: a.responsible.filter((x) => partyKey(x) !== p),
                              accountable: a.accountable.filter((x) => partyKey(x) !== p),
                              consulted: a.consulted.filter((x) => partyKey(x) !== p),
                              informed: a.informed.filter((x) => partyKey(x) !== p),
                            })),
                          }));
                        }}
                      />
                    </Group>
                  </Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>Remove activity</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {raci.activities.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a new activity's key follows its label as it is typed
                <Table.Tr key={i}>
                  <Table.Th scope="row">
                    <TextInput
                      aria-label={`Activity ${i + 1}`}
                      value={a.label}
                      maxLength={80}
                      onChange={(e) => {
                        const label = e.currentTarget.value;
                        const isNew = !doc.raci.activities.some((d) => d.key === a.key);
                        setActivity(i, isNew ? { label, key: keyFromLabel(label) } : { label });
                      }}
                      miw={140}
                    />
                  </Table.Th>
                  {parties.map((p) => (
                    <Table.Td key={p}>
                      <Group gap={6} wrap="nowrap">
                        {RACI_LETTERS.map((l) => (
                          <Checkbox
                            key={l}
                            size="xs"
                            label={LETTER[l]}
                            aria-label={`${LETTER_NAME[l]}: ${name(p)} for ${a.label || 'new activity'}`}
                            checked={a[l].some((r) => partyKey(r) === p)}
                            onChange={(e) => toggle(i, l, p, e.currentTarget.checked)}
                          />
                        ))}
                      </Group>
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <TrashButton
                      label={`Remove activity ${a.label}`}
                      onClick={() => setRaci((r) => ({ ...r, activities: removeAt(r.activities, i) }))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setRaci((r) => ({
                ...r,
                activities: [
                  ...r.activities,
                  { key: '', label: '', responsible: [], accountable: [], consulted: [], informed: [] },
                ],
              }))
            }
          >
            Add activity
          </Button>
          <DialogActions onCancel={onDone} submitLabel="Save RACI matrix" pending={save.isPending} gap="sm" />
        </Group>
        <Text size="xs" c="dimmed">
          Every activity needs exactly one accountable party and at least one responsible party. For closing
          and approving, only responsible and accountable parties may act.
        </Text>
      </Stack>
    </SubmitForm>
  );
}

export function RaciPanel({ process, canEdit }: { process: ProcessKey; canEdit: boolean }) {
  const q = useRaci(process);
  const [editing, setEditing] = useState(false);
  return (
    <Loaded query={q} label="Loading RACI matrix" resetKey={(doc) => `${process}-${doc.version}`}>
      {(doc, reload) => (
        <Paper p="lg">
          <Group justify="space-between" mb="md">
            <Title order={2} size="h4">
              Roles and responsibilities
            </Title>
            {canEdit && !editing && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(true)}
              >
                Edit matrix
              </Button>
            )}
          </Group>
          {editing ? (
            <Editor process={process} doc={doc} onDone={() => setEditing(false)} onReload={reload} />
          ) : (
            <RaciMatrixView raci={doc.raci} />
          )}
        </Paper>
      )}
    </Loaded>
  );
}
