/** The problem queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { Group } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useProcessLifecycle } from '../../api/queries/process.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions, queueDescription } from '../../kit/list/records.tsx';
import { LinkButton } from '../../kit/nav/LinkButton.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';

export function ProblemQueuePage() {
  const lifecycle = useProcessLifecycle('problem');
  return (
    <RecordQueue
      kind="problem"
      label="Problems"
      noun={['problem', 'problems']}
      states={lifecycleStateOptions(lifecycle.data)}
      header={(state) => (
        <PageHeader
          title="Problems"
          description={queueDescription(state, 'Causes behind incidents, newest first.')}
          actions={
            <Group gap="sm">
              <LinkButton to="/known-errors" icon={<IconSearch size={16} />}>
                Known errors
              </LinkButton>
              <NewButton to="/problems/new">New problem</NewButton>
            </Group>
          }
        />
      )}
    />
  );
}
