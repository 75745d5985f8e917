/** The service request queue for agents, on the list kit. */
import { Button } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useRequestLifecycle } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';
import { lifecycleStateOptions, queueDescription } from '../../kit/list/records.tsx';

export function RequestQueuePage() {
  const lifecycle = useRequestLifecycle('request');
  return (
    <RecordQueue
      kind="request"
      label="Service requests"
      noun={['request', 'requests']}
      states={lifecycleStateOptions(lifecycle.data)}
      header={(state) => (
        <PageHeader
          title={state.filters.assigneeId === 'me' ? 'My requests to coordinate' : 'Service requests'}
          description={queueDescription(state, 'Newest first.')}
          actions={
            <Button component={Link} to="/catalog" leftSection={<IconShoppingCart size={16} />}>
              Order from the catalog
            </Button>
          }
        />
      )}
    />
  );
}
