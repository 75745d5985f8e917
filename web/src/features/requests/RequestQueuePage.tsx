/** The service request queue for agents, on the list kit. */
import { Button } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { RecordTypeQueue } from '../../records/RecordTypeQueue.tsx';

export function RequestQueuePage() {
  return (
    <RecordTypeQueue
      kind="request"
      title={(state) =>
        state.filters.assigneeId === 'me' ? 'My requests to coordinate' : 'Service requests'
      }
      description="Newest first."
      actions={
        <Button component={Link} to="/catalog" leftSection={<IconShoppingCart size={16} />}>
          Order from the catalog
        </Button>
      }
    />
  );
}
