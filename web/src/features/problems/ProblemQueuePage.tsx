/** The problem queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { Button, Group } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useProcessLifecycle } from '../../api/queries/process.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';

export function ProblemQueuePage() {
  const lifecycle = useProcessLifecycle('problem');
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  return (
    <RecordQueue
      kind="problem"
      label="Problems"
      noun={['problem', 'problems']}
      states={states}
      header={(state) => (
        <PageHeader
          title="Problems"
          description={
            state.filters.q ? `Matching “${state.filters.q}”` : 'Causes behind incidents, newest first.'
          }
          actions={
            <Group gap="sm">
              <Button
                component={Link}
                to="/known-errors"
                variant="default"
                leftSection={<IconSearch size={16} />}
              >
                Known errors
              </Button>
              <NewButton to="/problems/new">New problem</NewButton>
            </Group>
          }
        />
      )}
    />
  );
}
