/** The service request queue for agents, on the list kit. */
import { Button } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useRequestLifecycle } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RecordQueue } from '../../kit/list/RecordQueue.tsx';

export function RequestQueuePage() {
  const lifecycle = useRequestLifecycle('request');
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  return (
    <RecordQueue
      kind="request"
      label="Service requests"
      noun={['request', 'requests']}
      states={states}
      header={(state) => (
        <PageHeader
          title={state.filters.assigneeId === 'me' ? 'My requests to coordinate' : 'Service requests'}
          description={state.filters.q ? `Matching “${state.filters.q}”` : 'Newest first.'}
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
