/** The change queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { Group } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useProcessLifecycle } from '../../api/queries/process.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions, queueDescription } from '../../kit/list/records.tsx';
import { LinkButton } from '../../kit/nav/LinkButton.tsx';
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
              <LinkButton to="/cab" icon={<IconGavel size={16} />}>
                CAB agenda
              </LinkButton>
              <NewButton to="/changes/new">New change</NewButton>
            </Group>
          }
        />
      )}
    />
  );
}
