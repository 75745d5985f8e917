/** Links between records (add by number, remove), each opening on its own type's page. */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { useAddLink, useLinks, useRemoveLink } from '../../api/queries/records.ts';
import { LINK_KINDS, type LinkKind } from '../../api/types.ts';
import { fieldErrorsOf } from '../../lib/forms.ts';
import { humanize, LINK_KIND_LABELS } from '../../lib/labels.ts';
import { recordPath } from '../../records/registry.ts';
import { SubmitForm } from '../form/SubmitForm.tsx';
import { failedAs } from '../notifyFailure.ts';
import { RecordPanel } from './RecordPanel.tsx';
import type { RecordView } from './types.ts';

export function LinksPanel({
  rec,
  portal,
  onChanged,
}: {
  rec: RecordView;
  /** Links open on the portal's pages (for requesters). */
  portal: boolean;
  onChanged?: () => void;
}) {
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
    <RecordPanel id="links-title" title={`Linked records (${items.length})`}>
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
              <Anchor
                component={Link}
                to={recordPath(l.record.type, l.record.number, portal)}
                size="sm"
                fw={600}
              >
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
                      onSuccess: onChanged,
                      onError: failedAs(),
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
        <SubmitForm
          onSubmit={() => {
            if (!target.trim()) return;
            add.mutate(
              { target: target.trim().toUpperCase(), kind },
              {
                onSuccess: () => {
                  setTarget('');
                  onChanged?.();
                },
              },
            );
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
        </SubmitForm>
      )}
    </RecordPanel>
  );
}
