/** The problem queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { IconSearch } from '@tabler/icons-react';
import { RecordTypeQueue } from '../../records/RecordTypeQueue.tsx';

export function ProblemQueuePage() {
  return (
    <RecordTypeQueue
      kind="problem"
      description="Causes behind incidents, newest first."
      link={{ to: '/known-errors', icon: IconSearch, label: 'Known errors' }}
    />
  );
}
