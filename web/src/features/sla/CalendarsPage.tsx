/** Business calendars: the working hours, time zone and holidays SLA clocks count in. */
import { Table } from '@mantine/core';
import { useCalendars } from '../../api/queries/serviceLevels.ts';
import { EmptyState } from '../../components/States.tsx';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { TablePage } from '../../kit/list/TablePage.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { Time } from '../../lib/time.tsx';
import { useCanManageServiceLevels } from './permissions.ts';

export function CalendarsPage() {
  const calendars = useCalendars();
  const canManage = useCanManageServiceLevels();
  return (
    <TablePage
      title="Business calendars"
      description="Working hours in a time zone, with holidays. SLA clocks only count time inside them."
      actions={canManage && <NewButton to="/service-levels/calendars/new">New calendar</NewButton>}
      query={calendars}
      label="Loading calendars"
      rows={(data) => [...data].sort((a, b) => a.name.localeCompare(b.name))}
      empty={
        <EmptyState title="No business calendars yet">
          Every agreement counts its targets in a calendar; add one first.
        </EmptyState>
      }
      verticalSpacing="sm"
      fz="sm"
      columns={[
        'Name',
        { label: 'Time zone', w: 200 },
        { label: 'Hours a week', w: 150 },
        { label: 'Holidays', w: 110 },
        { label: 'Changed', w: 150 },
      ]}
      cells={(c) => (
        <>
          <Table.Td>
            <RowLink to={`/service-levels/calendars/${c.id}`} note={c.description} clampNote>
              {c.name}
            </RowLink>
          </Table.Td>
          <Table.Td>{c.timeZone}</Table.Td>
          <Table.Td>{Math.round(c.weeklyHours * 100) / 100} h</Table.Td>
          <Table.Td>{c.holidays.length}</Table.Td>
          <Table.Td>
            <Time iso={c.updatedAt} size="sm" />
          </Table.Td>
        </>
      )}
    />
  );
}
