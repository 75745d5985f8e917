/** The known-error database: search symptoms and workarounds (best matches first), filter by status. */
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { KNOWN_ERROR_STATUSES } from '../../../../src/contracts/problems.ts';
import { useKnownErrors } from '../../api/queries/problems.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';
import { optionsOf } from '../../lib/labels.ts';
import { PublishKnownErrorButton } from '../knowledge/PublishKnownErrorButton.tsx';
import { KNOWN_ERROR_STATUS_LABELS } from './labels.ts';

export function KnownErrorsPage() {
  const [q, setQ] = useUrlParam('q');
  const [statusParam, setStatus] = useUrlParam('status');
  const status = statusParam || 'active';
  const [debounced] = useDebouncedValue(q, 250);
  const list = useKnownErrors(debounced.trim(), status === 'all' ? '' : status);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Known errors"
        description="Symptoms and workarounds of problems whose cause is known. Search by any words people would use."
      />
      <Group gap="md" align="flex-end">
        <TextInput
          label="Search known errors"
          placeholder="e.g. mail stuck in outbox"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: 1, maxWidth: 480 }}
        />
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={setStatus}
          data={[
            ...optionsOf(KNOWN_ERROR_STATUSES, KNOWN_ERROR_STATUS_LABELS),
            { value: 'all', label: 'All' },
          ]}
        />
      </Group>
      <Loaded query={list} label="Loading known errors">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No known errors match">Try other words, or another status.</EmptyState>
          ) : (
            <Stack
              gap="sm"
              component="ul"
              aria-label="Known errors"
              style={{ listStyle: 'none', padding: 0 }}
            >
              {data.items.map((ke) => (
                <Paper key={ke.id} withBorder p="md" radius="md" component="li">
                  <Stack gap={6}>
                    <Group justify="space-between" align="flex-start">
                      <Text fw={600}>{ke.title}</Text>
                      <Group gap="xs">
                        <Badge variant="light" color={ke.status === 'active' ? 'orange' : 'gray'}>
                          {KNOWN_ERROR_STATUS_LABELS[ke.status]}
                        </Badge>
                        <Anchor component={Link} to={`/problems/${ke.problemNumber}`} size="sm">
                          {ke.problemNumber}
                        </Anchor>
                        <PublishKnownErrorButton knownErrorId={ke.id} title={ke.title} />
                      </Group>
                    </Group>
                    <Text size="sm">
                      <Text span fw={600} size="sm">
                        Symptoms:{' '}
                      </Text>
                      {ke.symptoms}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      <Text span fw={600} size="sm">
                        Workaround:{' '}
                      </Text>
                      {ke.workaround}
                    </Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Stack>
  );
}
