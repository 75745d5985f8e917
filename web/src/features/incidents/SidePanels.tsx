/**
 * Watchers (watch / stop watching), links to other records (add by number, remove), and for the
 * service desk the record's SLA clocks above them.
 */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconEyeOff, IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { useUserNames } from '../../api/queries/directory.ts';
import { useAddLink, useLinks, useRemoveLink, useSetWatching } from '../../api/queries/records.ts';
import { type Incident, LINK_KINDS, type LinkKind } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import { isPortalUser } from '../../lib/faces.ts';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { humanize, LINK_KIND_LABELS } from '../../lib/labels.ts';
import { RecordSlaPanel } from '../sla/RecordSlaPanel.tsx';

export function WatchersPanel({ rec, showNames }: { rec: Incident; showNames: boolean }) {
  const me = useMe();
  const watching = rec.watcherIds.includes(me.id);
  const names = useUserNames(rec.watcherIds, showNames);
  const set = useSetWatching(rec);
  const canWatch = rec.allowedActions.includes('watch');
  return (
    <>
      {!isPortalUser(me) && <RecordSlaPanel recordId={rec.id} />}
      <Paper p="md" component="section" aria-labelledby="watchers-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h5" id="watchers-title">
            Watchers ({rec.watcherIds.length})
          </Title>
          {canWatch && (
            <Button
              size="xs"
              variant={watching ? 'default' : 'light'}
              leftSection={watching ? <IconEyeOff size={14} /> : <IconEye size={14} />}
              loading={set.isPending}
              onClick={() =>
                set.mutate(
                  { userId: me.id, watching: !watching },
                  { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) },
                )
              }
            >
              {watching ? 'Stop watching' : 'Watch'}
            </Button>
          )}
        </Group>
        <Text size="sm" c={rec.watcherIds.length ? undefined : 'dimmed'}>
          {rec.watcherIds.length === 0
            ? 'Nobody is watching this incident.'
            : showNames
              ? rec.watcherIds.map((id) => (id === me.id ? 'You' : (names.get(id) ?? '…'))).join(', ')
              : watching
                ? 'You are watching this incident.'
                : `${rec.watcherIds.length} watching`}
        </Text>
      </Paper>
    </>
  );
}

export function LinksPanel({ rec, linkTo }: { rec: Incident; linkTo: (number: string) => string }) {
  const links = useLinks(rec.id);
  const add = useAddLink(rec);
  const remove = useRemoveLink(rec);
  const canEdit = rec.allowedActions.includes('update');
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<LinkKind>('relates_to');
  const targetError = fieldErrorsOf(add.error).target;
  const items = links.data ?? [];
  if (!canEdit && items.length === 0) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="links-title">
      <Title order={2} size="h5" id="links-title" mb="xs">
        Linked records ({items.length})
      </Title>
      <Stack gap={6}>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            No links yet.
          </Text>
        )}
        {items.map((l) => (
          <Group key={l.id} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Badge variant="light" color="gray" size="sm">
                {LINK_KIND_LABELS[l.kind]?.[l.direction] ?? humanize(l.kind)}
              </Badge>
              <Anchor component={Link} to={linkTo(l.record.number)} size="sm" fw={600}>
                {l.record.number}
              </Anchor>
              <Text size="sm" truncate title={l.record.title}>
                {l.record.title}
              </Text>
            </Group>
            {canEdit && (
              <Tooltip label={`Remove link to ${l.record.number}`}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove link to ${l.record.number}`}
                  loading={remove.isPending && remove.variables === l.id}
                  onClick={() =>
                    remove.mutate(l.id, {
                      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                    })
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
      {canEdit && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!target.trim()) return;
            add.mutate({ target: target.trim().toUpperCase(), kind }, { onSuccess: () => setTarget('') });
          }}
        >
          <Group mt="sm" gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label="Link type"
              data={LINK_KINDS.map((k) => ({ value: k, label: LINK_KIND_LABELS[k]?.outgoing ?? k }))}
              value={kind}
              onChange={(v) => setKind((v as LinkKind | null) ?? 'relates_to')}
              allowDeselect={false}
              w={130}
              size="xs"
            />
            <TextInput
              aria-label="Number of the record to link"
              placeholder="INC0001001"
              value={target}
              onChange={(e) => setTarget(e.currentTarget.value)}
              error={targetError ?? (add.error && !targetError ? errorMessage(add.error) : undefined)}
              size="xs"
              style={{ flex: 1 }}
            />
            <Button
              type="submit"
              size="xs"
              variant="light"
              leftSection={<IconLink size={14} />}
              loading={add.isPending}
            >
              Link
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
