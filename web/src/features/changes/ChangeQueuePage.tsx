/** The change queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { Button, Group } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useProcessLifecycle } from '../../api/queries/process.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions, queueDescription } from '../../kit/list/records.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';

export function ChangeQueuePage() {
  const lifecycle = useProcessLifecycle('change');
  return (
    <RecordQueue
      kind="change"
      label="Changes"
      noun={['change', 'changes']}
      states={lifecycleStateOptions(lifecycle.data)}
      header={(state) => (
        <PageHeader
          title="Changes"
          description={queueDescription(state, 'Controlled changes, newest first.')}
          actions={
            <Group gap="sm">
              <Button component={Link} to="/cab" variant="default" leftSection={<IconGavel size={16} />}>
                CAB agenda
              </Button>
              <NewButton to="/changes/new">New change</NewButton>
            </Group>
          }
        />
      )}
    />
  );
}
