/** A log table's time cell: when the entry happened, as a full date and time on one line. */
import { Table } from '@mantine/core';
import { Time } from '../../lib/time.tsx';

export function WhenCell({ iso }: { iso: string }) {
  return (
    <Table.Td>
      <Time iso={iso} mode="absolute" size="sm" style={{ whiteSpace: 'nowrap' }} />
    </Table.Td>
  );
}
