/**
 * The lifecycle of one process as an editable table of states and transitions. The server
 * validates a save (reachable states, a terminal state, transitions to existing states) and its
 * problems are listed above the editor.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import {
  type LifecycleDef,
  type LifecycleDoc,
  type LifecycleTransitionDef,
  NOTIFY_PARTIES,
  type NotifyParty,
  PROCESS_LABELS,
  useProcessLifecycle,
  useRaci,
  useSaveLifecycle,
} from '../../api/queries/process.ts';
import { STATE_CATEGORIES, type StateCategory } from '../../api/types.ts';
import { TrashButton } from '../../kit/detail/RemoveButton.tsx';
import { patchAt, removeAt } from '../../kit/form/listEdits.ts';
import { ResetSaveButtons } from '../../kit/form/ResetSaveButtons.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { keyFromLabel } from '../../lib/keyFromLabel.ts';
import { CATEGORY_LABELS, humanize, optionsOf } from '../../lib/labels.ts';
import {
  CATEGORY_EFFECTS,
  NOTIFY_LABELS,
  notifyText,
  REQUIREMENT_LABELS,
  transitionEffects,
  withNotify,
} from './lifecycleText.ts';
import { type DocEditorProps, processDocPanel } from './ProcessDoc.tsx';
import { SaveProblems } from './SaveProblems.tsx';
import { TransitionForm } from './TransitionForm.tsx';

type DraftState = { key: string; label: string; category: StateCategory; saved: boolean };

/** A transition's notify effect as check boxes in the table, one group per transition. */
function NotifyBoxes({
  t,
  onChange,
}: {
  t: LifecycleTransitionDef;
  onChange: (notify: NotifyParty[]) => void;
}) {
  const notify = t.effects?.notify ?? [];
  return (
    <Group gap="xs" role="group" aria-label={`Notify when “${t.label}” is taken`}>
      <Text size="xs" fw={600}>
        Notify:
      </Text>
      {NOTIFY_PARTIES.map((p) => (
        <Checkbox
          key={p}
          size="xs"
          label={NOTIFY_LABELS[p]}
          checked={notify.includes(p)}
          onChange={(e) =>
            onChange(
              e.currentTarget.checked
                ? NOTIFY_PARTIES.filter((x) => x === p || notify.includes(x))
                : notify.filter((x) => x !== p),
            )
          }
        />
      ))}
    </Group>
  );
}

/** A titled list of the lifecycle (states, transitions) with its "Add" button for editors. */
function ListSection({
  title,
  addLabel,
  onAdd,
  children,
}: {
  title: string;
  /** The add button's label; null hides it. */
  addLabel: string | null;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {addLabel && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
      {children}
    </Paper>
  );
}

function Editor({ process, doc, canEdit, onReload }: DocEditorProps<LifecycleDoc>) {
  const raci = useRaci(process);
  const save = useSaveLifecycle(process, doc.version);
  const [initial, setInitial] = useState(doc.lifecycle.initial);
  const [states, setStates] = useState<DraftState[]>(() =>
    doc.lifecycle.states.map((s) => ({ ...s, saved: true })),
  );
  const [transitions, setTransitions] = useState<LifecycleTransitionDef[]>(doc.lifecycle.transitions);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const top = useRef<HTMLDivElement>(null);

  const draft: LifecycleDef = {
    initial,
    states: states.map(({ key, label, category }) => ({ key, label, category })),
    transitions,
  };
  const dirty = JSON.stringify(draft) !== JSON.stringify(doc.lifecycle);
  const activities = raci.data?.raci.activities.map((a) => ({ key: a.key, label: a.label })) ?? [];
  const activityLabel = (k: string) => activities.find((a) => a.key === k)?.label ?? humanize(k);
  const stateLabel = (k: string) => states.find((s) => s.key === k)?.label || k;
  const isState = (k: string) => states.some((s) => s.key === k);
  const setState = (i: number, patch: Partial<DraftState>) => setStates((cur) => patchAt(cur, i, patch));

  const submit = () => {
    save.mutate(draft, {
      onSuccess: () =>
        notifications.show({ color: 'teal', message: `${PROCESS_LABELS[process]} lifecycle saved` }),
      onError: () => top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
    });
  };
  const reset = () => {
    setInitial(doc.lifecycle.initial);
    setStates(doc.lifecycle.states.map((s) => ({ ...s, saved: true })));
    setTransitions(doc.lifecycle.transitions);
    save.reset();
  };

  return (
    <Stack gap="md" ref={top}>
      <SaveProblems
        error={save.error}
        what={`The ${PROCESS_LABELS[process].toLowerCase()} lifecycle`}
        title="The lifecycle was not saved"
        onReload={onReload}
      />
      <ListSection
        title="States"
        addLabel={canEdit ? 'Add state' : null}
        onAdd={() => setStates((cur) => [...cur, { key: '', label: '', category: 'open', saved: false }])}
      >
        <DataTable
          minWidth={720}
          verticalSpacing="xs"
          columns={[
            'Initial',
            'Label',
            'Key',
            'Category',
            'Effect',
            canEdit && { label: 'Actions', hidden: true },
          ]}
        >
          {states.map((s, i) => {
            const name = s.label || s.key || `state ${i + 1}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: new states have no key yet; rows keep their position
              <Table.Tr key={i}>
                <Table.Td>
                  <Radio
                    aria-label={`${name} is the initial state`}
                    checked={initial === s.key && s.key !== ''}
                    disabled={!canEdit || !s.key}
                    onChange={() => setInitial(s.key)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Label of state ${i + 1}`}
                    value={s.label}
                    readOnly={!canEdit}
                    maxLength={60}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      setState(i, s.saved ? { label } : { label, key: keyFromLabel(label) });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  {s.saved ? (
                    <Tooltip label="Records store this key, so a saved state keeps it" openDelay={300}>
                      <Text size="sm" ff="monospace">
                        {s.key}
                      </Text>
                    </Tooltip>
                  ) : (
                    <TextInput
                      aria-label={`Key of state ${i + 1}`}
                      value={s.key}
                      maxLength={40}
                      onChange={(e) => setState(i, { key: e.currentTarget.value })}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Category of ${name}`}
                    data={optionsOf(STATE_CATEGORIES, CATEGORY_LABELS)}
                    value={s.category}
                    readOnly={!canEdit}
                    allowDeselect={false}
                    onChange={(c) => c && setState(i, { category: c as StateCategory })}
                    w={130}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {CATEGORY_EFFECTS[s.category]}
                  </Text>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <TrashButton
                      label={`Remove state ${name}`}
                      onClick={() => setStates((cur) => removeAt(cur, i))}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </DataTable>
        <Text size="xs" c="dimmed" mt="xs">
          A state without transitions leaving it is terminal. Removing a state leaves records in it readable;
          staff can move them to a current state.
        </Text>
      </ListSection>
      <ListSection
        title="Transitions"
        addLabel={canEdit ? 'Add transition' : null}
        onAdd={() => setEditing('new')}
      >
        <DataTable
          minWidth={900}
          verticalSpacing="xs"
          columns={[
            'Transition',
            'From → to',
            'Who',
            'Requires',
            'Effects',
            canEdit && { label: 'Actions', hidden: true },
          ]}
        >
          {transitions.map((t, i) => (
            <Table.Tr key={t.key}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t.label}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {t.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t.from.map((f) => (isState(f) ? stateLabel(f) : `${f} (missing)`)).join(', ')} →{' '}
                  {isState(t.to) ? (
                    stateLabel(t.to)
                  ) : (
                    <Badge color="red.9" variant="filled" size="sm">
                      {t.to} (missing)
                    </Badge>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t.system
                    ? 'Steward (automatic)'
                    : [...t.roles.map(humanize), ...(t.requester ? ['Requester (own)'] : [])].join(', ') ||
                      'Nobody'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t.requires.map((f) => REQUIREMENT_LABELS[f]).join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" c="dimmed">
                    {transitionEffects(draft, t, activityLabel).join(' · ') || 'No SLA change'}
                  </Text>
                  {canEdit ? (
                    <NotifyBoxes
                      t={t}
                      onChange={(n) =>
                        setTransitions((cur) => cur.map((x, j) => (j === i ? withNotify(x, n) : x)))
                      }
                    />
                  ) : (
                    <Text size="sm">{notifyText(t) ?? 'Notifies nobody'}</Text>
                  )}
                </Stack>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Edit transition ${t.label}`}
                      onClick={() => setEditing(i)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <TrashButton
                      label={`Remove transition ${t.label}`}
                      onClick={() => setTransitions((cur) => removeAt(cur, i))}
                    />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      </ListSection>
      {canEdit && (
        <Group justify="flex-end">
          <ResetSaveButtons
            dirty={dirty}
            onReset={reset}
            saveLabel="Save lifecycle"
            pending={save.isPending}
            onSave={submit}
          />
        </Group>
      )}
      {editing !== null && (
        <TransitionForm
          lifecycle={draft}
          initial={editing === 'new' ? null : (transitions[editing] ?? null)}
          otherKeys={transitions.filter((_, j) => j !== editing).map((t) => t.key)}
          activities={activities}
          onClose={() => setEditing(null)}
          onSave={(t) => {
            setTransitions((cur) =>
              editing === 'new' ? [...cur, t] : cur.map((x, j) => (j === editing ? t : x)),
            );
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}

export const LifecycleEditor = processDocPanel(useProcessLifecycle, 'Loading lifecycle', Editor);
