/** The change queue on the list kit: URL filters, saved views, columns, export, bulk edit, keyboard. */
import { IconGavel } from '@tabler/icons-react';
import { RecordTypeQueue } from '../../records/RecordTypeQueue.tsx';

export function ChangeQueuePage() {
  return (
    <RecordTypeQueue
      kind="change"
      description="Controlled changes, newest first."
      link={{ to: '/cab', icon: IconGavel, label: 'CAB agenda' }}
    />
  );
}
