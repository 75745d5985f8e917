/** Major incidents, newest declaration first: active ones by default, stood-down ones on request. */
import { Anchor, Badge, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { useMajorIncidents } from '../../api/queries/process.ts';
import { StateBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { Time } from '../../lib/time.tsx';
import { recordPath } from '../../records/registry.ts';

const FILTERS = [
  { value: 'active', label: 'Active' },
  { value: 'stood_down', label: 'Stood down' },
  { value: 'all', label: 'All' },
];

export function MajorIncidentsPage() {
  const [params, setParams] = useSearchParams();
  const filter = params.get('status') ?? 'active';
  const status = filter === 'active' || filter === 'stood_down' ? filter : undefined;
  const list = useMajorIncidents(status);
  return (
    <>
      <PageHeader
        title="Major incidents"
        description="Declared outages with a coordinator, linked incidents and a communication log."
        actions={
          <SegmentedControl
            aria-label="Show"
            data={FILTERS}
            value={filter}
            onChange={(v) => setParams(v === 'active' ? {} : { status: v })}
          />
        }
      />
      {list.isPending ? (
        <PageLoader label="Loading major incidents" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState title={status === 'active' ? 'No active major incidents' : 'No major incidents'}>
          Service managers declare a major incident from the incident page.
        </EmptyState>
      ) : (
        <Paper p="md">
          <DataTable
            minWidth={760}
            verticalSpacing="sm"
            aria-label="Major incidents"
            columns={['Incident', 'State', 'Coordinator', 'Linked', 'Declared', 'Review']}
          >
            {list.data.map((m) => (
              <Table.Tr key={m.recordId}>
                <Table.Td>
                  <Anchor component={Link} to={recordPath('incident', m.number)} fw={600}>
                    {m.number} {m.title}
                  </Anchor>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {m.summary}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge label={m.stateLabel} category={m.stateCategory} />
                  {m.status === 'stood_down' && (
                    <Badge ml={4} color="gray.7" variant="filled" size="sm">
                      Stood down
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{m.coordinator.name}</Table.Td>
                <Table.Td>{m.childCount}</Table.Td>
                <Table.Td>
                  <Time iso={m.declaredAt} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{m.reviewedAt ? 'Written' : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Paper>
      )}
    </>
  );
}
