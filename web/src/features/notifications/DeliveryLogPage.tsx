/** The notification delivery log for administrators: every mail a notification caused, with its state. */
import { Badge, Select, Table, Text } from '@mantine/core';
import { useDeliveryLog } from '../../api/queries/notifications.ts';
import { LogPage } from '../../kit/list/LogPage.tsx';
import type { HeadCell } from '../../kit/list/TableHead.tsx';
import { WhenCell } from '../../kit/list/WhenCell.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';

const STATUS_COLORS: Record<string, string> = {
  sent: 'teal',
  queued: 'blue',
  sending: 'blue',
  digest: 'grape',
  failed: 'red',
  skipped: 'gray',
};

const COLUMNS: HeadCell[] = [
  { label: 'When', w: 180 },
  'Recipient',
  'Subject',
  { label: 'Channel', w: 80 },
  { label: 'Status', w: 100 },
  { label: 'Attempts', w: 80 },
  'Error',
];

export function DeliveryLogPage() {
  const [status, setStatus] = useUrlParam('status');
  const log = useDeliveryLog(status || undefined);
  return (
    <LogPage
      title="Notification delivery log"
      description="Mail sent for notifications: to whom, about what, and how delivery went."
      filters={
        <Select
          label="Status"
          placeholder="Any"
          clearable
          w={200}
          value={status || null}
          data={['queued', 'sending', 'digest', 'sent', 'failed', 'skipped']}
          onChange={setStatus}
        />
      }
      query={log}
      loadingLabel="Loading the delivery log"
      emptyTitle="No deliveries"
      columns={COLUMNS}
      cells={(d) => (
        <>
          <WhenCell iso={d.createdAt} />
          <Table.Td>
            <Text size="sm">{d.recipient.name}</Text>
            <Text size="xs" c="dimmed">
              {d.recipient.email}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{d.subject}</Text>
            <Text size="xs" c="dimmed">
              {d.event}
            </Text>
          </Table.Td>
          <Table.Td>{d.channel}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={STATUS_COLORS[d.status] ?? 'gray'}>
              {d.status}
            </Badge>
          </Table.Td>
          <Table.Td>{d.attempts}</Table.Td>
          <Table.Td>
            <Text size="xs">{d.error ?? ''}</Text>
          </Table.Td>
        </>
      )}
    />
  );
}
