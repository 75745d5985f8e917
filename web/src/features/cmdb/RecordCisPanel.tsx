/** On a work record: the CIs it concerns (link, unlink) and the services those CIs hit. */
import { ActionIcon, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUnlink } from '@tabler/icons-react';
import { errorMessage } from '../../api/client.ts';
import {
  useLinkRecordCis,
  useRecordCis,
  useRecordImpact,
  useUnlinkRecordCi,
} from '../../api/queries/cmdb.ts';
import { ErrorAlert } from '../../components/States.tsx';
import { AddCiForm } from './CiPicker.tsx';
import { CiLink, CiStatusBadge } from './shared.tsx';

export function RecordCisPanel({ recordId, canEdit }: { recordId: string; canEdit: boolean }) {
  const cis = useRecordCis(recordId);
  const impact = useRecordImpact(recordId);
  const link = useLinkRecordCis(recordId);
  const unlink = useUnlinkRecordCi(recordId);
  const linked = cis.data ?? [];
  const services = impact.data?.services ?? [];

  return (
    <Paper p="lg" component="section" aria-label="Configuration items">
      <Stack gap="sm">
        <Title order={2} size="h5">
          Configuration items
        </Title>
        <ErrorAlert error={cis.error} />
        {linked.length === 0 && !cis.isPending && (
          <Text size="sm" c="dimmed">
            No configuration item is named on this record.
          </Text>
        )}
        {linked.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <CiLink ci={c} />
              <Text size="xs" c="dimmed">
                {c.classLabel}
              </Text>
              <CiStatusBadge status={c.status} />
            </Group>
            {canEdit && (
              <Tooltip label="Unlink">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Unlink ${c.name}`}
                  loading={unlink.isPending && unlink.variables === c.id}
                  onClick={() =>
                    unlink.mutate(c.id, {
                      onError: (e) =>
                        notifications.show({ color: 'red', title: 'Not unlinked', message: errorMessage(e) }),
                    })
                  }
                >
                  <IconUnlink size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
        {canEdit && (
          <AddCiForm
            label="Link a configuration item"
            placeholder="Search by name or hostname"
            exclude={linked.map((c) => c.id)}
            submitLabel="Link"
            pending={link.isPending}
            error={link.error}
            errorTitle="Not linked"
            onAdd={(ci, clear) => link.mutate([ci.id], { onSuccess: clear })}
          />
        )}
        {linked.length > 0 && (
          <Stack gap={6} aria-label="Services affected" component="section">
            <Group gap="xs">
              <Title order={3} size="h6">
                Services affected
              </Title>
              <Badge variant="light">{impact.data?.counts.services ?? services.length}</Badge>
            </Group>
            {impact.data && impact.data.counts.services > services.length && (
              <Text size="xs" c="dimmed">
                The {services.length} nearest are listed; open a CI for the full analysis.
              </Text>
            )}
            {impact.data && impact.data.customers.length > 0 && (
              <Text size="xs">Customers hit: {impact.data.customers.map((c) => c.name).join(', ')}</Text>
            )}
            {impact.data && impact.data.slas.length > 0 && (
              <Text size="xs">Agreements at risk: {impact.data.slas.map((a) => a.name).join(', ')}</Text>
            )}
            {impact.isPending && (
              <Text size="sm" c="dimmed">
                Analysing impact…
              </Text>
            )}
            {!impact.isPending && services.length === 0 && (
              <Text size="sm" c="dimmed">
                No service depends on these configuration items.
              </Text>
            )}
            {services.map((s) => (
              <div key={s.ci.id}>
                <Group gap="xs">
                  <CiLink ci={s.ci} />
                  <Text size="xs" c="dimmed">
                    {s.ci.classLabel}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {s.because}
                </Text>
                {(s.customers.length > 0 || s.slas.length > 0) && (
                  <Text size="xs">
                    {s.customers.length > 0 && `Customers: ${s.customers.map((c) => c.name).join(', ')}`}
                    {s.customers.length > 0 && s.slas.length > 0 && ' · '}
                    {s.slas.length > 0 && `Agreements: ${s.slas.map((a) => a.name).join(', ')}`}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
