/** The queue table: sortable headers, coloured priority, live SLA time left, click or keyboard to open a row. */
import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import type { WithSlaDue } from '../../api/queries/serviceLevels.ts';
import type { Incident, SortField } from '../../api/types.ts';
import { PriorityBadge, StateBadge } from '../../components/Badges.tsx';
import { Time } from '../../lib/time.tsx';
import { SlaDue } from '../sla/SlaDue.tsx';

type Sort = { sort: SortField; order: 'asc' | 'desc' };

function SortHeader({
  field,
  label,
  current,
  onSort,
  firstOrder = 'desc',
  w,
}: {
  field: SortField;
  label: string;
  current: Sort;
  onSort: (s: Sort) => void;
  firstOrder?: 'asc' | 'desc';
  w?: number;
}) {
  const active = current.sort === field;
  const Icon = !active ? IconArrowsSort : current.order === 'asc' ? IconArrowUp : IconArrowDown;
  const next: Sort = active
    ? { sort: field, order: current.order === 'asc' ? 'desc' : 'asc' }
    : { sort: field, order: firstOrder };
  return (
    <Table.Th w={w} aria-sort={active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton className="sort-button" onClick={() => onSort(next)}>
        {label}
        <Icon size={14} aria-hidden stroke={active ? 2.2 : 1.5} />
      </UnstyledButton>
    </Table.Th>
  );
}

export function IncidentTable({
  items,
  sort,
  onSort,
}: {
  items: (Incident & WithSlaDue)[];
  sort: Sort;
  onSort: (s: Sort) => void;
}) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing="xs" fz="sm" stickyHeader layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="number" label="Number" current={sort} onSort={onSort} w={115} />
            <Table.Th>Title</Table.Th>
            <Table.Th w={130}>State</Table.Th>
            <SortHeader
              field="priority"
              label="Priority"
              current={sort}
              onSort={onSort}
              firstOrder="asc"
              w={130}
            />
            <SortHeader field="sla_due" label="SLA" current={sort} onSort={onSort} firstOrder="asc" w={120} />
            <Table.Th w={160}>Group</Table.Th>
            <Table.Th w={130}>Assignee</Table.Th>
            <Table.Th w={130}>Requester</Table.Th>
            <SortHeader field="updated" label="Updated" current={sort} onSort={onSort} w={105} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr
              key={r.id}
              className="queue-row"
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(`/incidents/${r.number}`);
              }}
            >
              <Table.Td>
                <Anchor component={Link} to={`/incidents/${r.number}`} fw={600} size="sm">
                  {r.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} title={r.title}>
                  {r.title}
                </Text>
                {r.category && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {r.category}
                    {r.subcategory ? ` › ${r.subcategory}` : ''}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StateBadge label={r.stateLabel} category={r.stateCategory} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={r.priority} />
              </Table.Td>
              <Table.Td>
                <SlaDue recordId={r.id} dueAt={r.slaDueAt} stateCategory={r.stateCategory} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {r.group?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1} c={r.assignee ? undefined : 'dimmed'}>
                  {r.assignee?.name ?? 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {r.requester?.name ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Time iso={r.updatedAt} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
