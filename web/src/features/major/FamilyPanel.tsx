/**
 * Parent and child incidents: this incident's parent (set by number, or detach) and its children
 * (link an existing incident by number, unlink). Resolving a parent resolves its open children.
 */
import { ActionIcon, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLifecycle } from '../../api/queries/admin.ts';
import { useIncident } from '../../api/queries/incidents.ts';
import { type IncidentWithParent, useMajorIncident, useSetParent } from '../../api/queries/process.ts';
import { StateBadge } from '../../components/Badges.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { SubmitForm } from '../../kit/form/SubmitForm.tsx';
import { BareList } from '../../kit/list/BareList.tsx';
import { failedAs } from '../../kit/notifyFailure.ts';
import { RecordPanel } from '../../kit/record/RecordPanel.tsx';
import { RECORD_NUMBER } from '../../lib/labels.ts';
import { recordPath } from '../../records/registry.ts';

/**
 * A record number typed in (trimmed, in capitals) that sets a parent: this incident's, or a
 * child's; the button waits for a well-formed number, and the field empties once it is set.
 */
function NumberForm({
  label,
  placeholder,
  submitLabel,
  save,
  errorTitle,
  vars,
  saved,
}: {
  label: string;
  placeholder: string;
  submitLabel: string;
  save: ReturnType<typeof useSetParent>;
  errorTitle: string;
  /** Which incident gets which parent, from the number. */
  vars: (number: string) => { childRef: string; parent: string };
  /** The notice once it is set. */
  saved: (number: string) => string;
}) {
  const [number, setNumber] = useState('');
  const valid = RECORD_NUMBER.test(number.trim());
  return (
    <SubmitForm
      onSubmit={() => {
        if (!valid) return;
        const n = number.trim().toUpperCase();
        save.mutate(vars(n), {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: saved(n) });
            setNumber('');
          },
        });
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          label={label}
          placeholder={placeholder}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="light" disabled={!valid} loading={save.isPending}>
          {submitLabel}
        </Button>
      </Group>
      {save.error !== null && (
        <Stack mt="xs">
          <ErrorAlert error={save.error} title={errorTitle} />
        </Stack>
      )}
    </SubmitForm>
  );
}

function ParentSection({ rec }: { rec: IncidentWithParent }) {
  const parent = useIncident(rec.parentId ?? undefined);
  const set = useSetParent(rec);
  const canEdit = rec.allowedActions.includes('update');
  if (rec.parentId)
    return (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Child of{' '}
          {parent.data ? (
            <Anchor component={Link} to={recordPath('incident', parent.data.number)}>
              {parent.data.number} {parent.data.title}
            </Anchor>
          ) : (
            '…'
          )}
          . It is resolved when its parent is.
        </Text>
        {canEdit && (
          <Button
            size="xs"
            variant="default"
            loading={set.isPending}
            onClick={() =>
              set.mutate(
                { childRef: rec.id, parent: null },
                {
                  onSuccess: () =>
                    notifications.show({ color: 'teal', message: `${rec.number} detached from its parent` }),
                  onError: failedAs(),
                },
              )
            }
          >
            Detach from parent
          </Button>
        )}
      </Group>
    );
  if (!canEdit)
    return (
      <Text size="sm" c="dimmed">
        No parent incident.
      </Text>
    );
  return (
    <NumberForm
      label="Parent incident"
      placeholder="INC0001042"
      submitLabel="Set parent"
      save={set}
      errorTitle="The parent was not set"
      vars={(parent) => ({ childRef: rec.id, parent })}
      saved={(parent) => `${rec.number} is now a child of ${parent}`}
    />
  );
}

export function FamilyPanel({ rec, major }: { rec: IncidentWithParent; major: boolean }) {
  const view = useMajorIncident(rec);
  const lifecycle = useLifecycle();
  const link = useSetParent(rec);
  const unlink = useSetParent(rec);
  const children = view.data?.children ?? [];
  const canEdit = rec.allowedActions.includes('update');
  const state = (key: string) => lifecycle.data?.lifecycle.states.find((s) => s.key === key);
  const title = major ? 'Linked incidents' : 'Parent and child incidents';
  return (
    <RecordPanel id="family-title" title={`${title} ${children.length > 0 ? `(${children.length})` : ''}`}>
      <Stack gap="sm">
        {!major && <ParentSection rec={rec} />}
        {children.length === 0 ? (
          <Text size="sm" c="dimmed">
            {major
              ? 'No incidents linked yet. Link the incidents this outage caused.'
              : 'No child incidents.'}
          </Text>
        ) : (
          <BareList gap={6} aria-label="Child incidents">
            {children.map((c) => {
              const s = state(c.state);
              return (
                <Group key={c.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={recordPath('incident', c.number)} size="sm" fw={600}>
                      {c.number}
                    </Anchor>
                    <Text size="sm" truncate>
                      {c.title}
                    </Text>
                  </Group>
                  <Group gap="xs" wrap="nowrap">
                    <StateBadge label={s?.label ?? c.state} category={s?.category ?? 'open'} />
                    {canEdit && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Unlink ${c.number}`}
                        loading={unlink.isPending && unlink.variables?.childRef === c.id}
                        onClick={() =>
                          unlink.mutate(
                            { childRef: c.id, parent: null },
                            {
                              onSuccess: () =>
                                notifications.show({ color: 'teal', message: `${c.number} unlinked` }),
                              onError: failedAs(),
                            },
                          )
                        }
                      >
                        <IconLinkOff size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
              );
            })}
          </BareList>
        )}
        {canEdit && !rec.parentId && (
          <NumberForm
            label="Link an incident as a child"
            placeholder="INC0001043"
            submitLabel="Link"
            save={link}
            errorTitle="The incident was not linked"
            vars={(child) => ({ childRef: child, parent: rec.id })}
            saved={(child) => `${child} linked to ${rec.number}`}
          />
        )}
      </Stack>
    </RecordPanel>
  );
}
