/**
 * Impact analysis of a CI: downstream impact up to the services (with their customers and SLAs),
 * or its dependency tree, as an interactive graph and as tables. The depth is chosen here.
 */
import {
  Alert,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { type Impact, useCiWalk } from '../../api/queries/cmdb.ts';
import { EmptyState } from '../../components/States.tsx';
import { Loaded } from '../../kit/detail/Loaded.tsx';
import { DataTable } from '../../kit/list/DataTable.tsx';
import { ImpactGraph } from './ImpactGraph.tsx';
import { CiCells, CiLink } from './shared.tsx';

const DEPTHS = [
  { value: '1', label: '1 step' },
  { value: '2', label: '2 steps' },
  { value: '3', label: '3 steps' },
  { value: '5', label: '5 steps' },
  { value: '10', label: '10 steps' },
  { value: 'all', label: 'All' },
];

export function ServicesTable({ impact, label }: { impact: Impact; label: string }) {
  if (impact.services.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No service is affected.
      </Text>
    );
  return (
    <DataTable
      minWidth={700}
      fz="sm"
      verticalSpacing="xs"
      aria-label={label}
      columns={['Service', { label: 'Distance', w: 80 }, 'Why', 'Customers', 'Agreements']}
    >
      {impact.services.map((s) => (
        <Table.Tr key={s.ci.id}>
          <Table.Td>
            <CiLink ci={s.ci} />
            <Text size="xs" c="dimmed">
              {s.ci.classLabel}
            </Text>
          </Table.Td>
          <Table.Td>{s.depth}</Table.Td>
          <Table.Td>
            <Text size="xs">{s.because}</Text>
          </Table.Td>
          <Table.Td>{s.customers.map((c) => c.name).join(', ') || '—'}</Table.Td>
          <Table.Td>
            {s.slas.length
              ? s.slas.map((a) => (
                  <Text size="xs" key={a.id}>
                    {a.name}
                    {a.detail ? ` (${a.detail})` : ''}
                  </Text>
                ))
              : '—'}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function ItemsTable({ impact }: { impact: Impact }) {
  return (
    <DataTable
      minWidth={700}
      fz="sm"
      verticalSpacing="xs"
      aria-label="Everything reached"
      columns={[
        'Configuration item',
        { label: 'Class', w: 160 },
        { label: 'Status', w: 120 },
        { label: 'Distance', w: 80 },
        'Why',
      ]}
    >
      {[...impact.items]
        .sort((a, b) => a.depth - b.depth || a.ci.name.localeCompare(b.ci.name))
        .map((i) => (
          <Table.Tr key={i.ci.id}>
            <CiCells ci={i.ci} />
            <Table.Td>{i.depth}</Table.Td>
            <Table.Td>
              <Text size="xs">{i.because}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
    </DataTable>
  );
}

/** A count in bold and what it counts: "125,095 CIs affected". */
function Stat({ value, label }: { value: number; label: string }) {
  return (
    <Text size="sm">
      <Text span fw={700}>
        {value.toLocaleString()}
      </Text>{' '}
      {label}
    </Text>
  );
}

/** Everything the walk reached, counted: totals, classes, customers and agreements hit. */
function ImpactSummary({ impact }: { impact: Impact }) {
  const noun = impact.mode === 'impact' ? 'affected' : 'depended on';
  return (
    <Paper withBorder p="sm">
      <Stack gap={6} aria-label="Summary" component="section">
        <Group gap="lg">
          <Stat value={impact.counts.cis} label={`CIs ${noun}`} />
          <Stat value={impact.counts.services} label="services" />
          {impact.mode === 'impact' && (
            <>
              <Stat value={impact.customers.length} label="customers" />
              <Stat value={impact.slas.length} label="agreements" />
            </>
          )}
        </Group>
        <Group gap={6}>
          {impact.counts.byClass.map((c) => (
            <Badge key={c.classKey} variant="default" tt="none">
              {c.label}: {c.count.toLocaleString()}
            </Badge>
          ))}
        </Group>
        {impact.mode === 'impact' && impact.customers.length > 0 && (
          <Text size="xs">Customers hit: {impact.customers.map((c) => c.name).join(', ')}</Text>
        )}
        {impact.mode === 'impact' && impact.slas.length > 0 && (
          <Text size="xs">
            Agreements at risk:{' '}
            {impact.slas.map((a) => (a.detail ? `${a.name} (${a.detail})` : a.name)).join(', ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function ImpactPanel({ ciId, isService }: { ciId: string; isService: boolean }) {
  const [mode, setMode] = useState<'impact' | 'dependencies'>(isService ? 'dependencies' : 'impact');
  const [depth, setDepth] = useState<string>('all');
  const walk = useCiWalk(ciId, mode, depth === 'all' ? null : Number(depth));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Analysis"
          value={mode}
          onChange={(v) => setMode(v as 'impact' | 'dependencies')}
          data={[
            { value: 'impact', label: 'Impact of an outage' },
            { value: 'dependencies', label: 'Dependencies' },
          ]}
        />
        <Select
          label="Depth"
          data={DEPTHS}
          value={depth}
          onChange={(v) => setDepth(v ?? 'all')}
          allowDeselect={false}
          w={140}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {mode === 'impact'
          ? 'Everything an outage of this CI reaches, up to the services it hits.'
          : 'Everything this CI relies on: for a service, its full dependency tree.'}
      </Text>
      <Loaded query={walk} label="Analysing">
        {(data) =>
          data.nodes.length <= 1 ? (
            <EmptyState
              title={mode === 'impact' ? 'Nothing else is affected' : 'This CI depends on nothing recorded'}
            >
              Relationships decide what an outage reaches; add them on the Relationships tab.
            </EmptyState>
          ) : (
            <>
              <ImpactSummary impact={data} />
              {data.truncated && (
                <Alert color="blue" role="status">
                  The lists and the graph show the nearest {data.items.length.toLocaleString()} CIs and{' '}
                  {data.services.length.toLocaleString()} services; the counts above cover everything reached.
                </Alert>
              )}
              <Paper withBorder p="sm" aria-busy={walk.isFetching}>
                <ImpactGraph
                  nodes={data.nodes}
                  edges={data.edges}
                  label={mode === 'impact' ? 'Impact graph' : 'Dependency graph'}
                />
              </Paper>
              {mode === 'impact' && (
                <Stack gap="xs">
                  <Group gap="xs">
                    <Title order={3} size="h5">
                      Services affected
                    </Title>
                    <Badge variant="light">{data.counts.services}</Badge>
                  </Group>
                  <ServicesTable impact={data} label="Services affected" />
                </Stack>
              )}
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {mode === 'impact' ? 'Everything affected' : 'Everything depended on'} (
                  {data.counts.cis.toLocaleString()})
                </Title>
                <ItemsTable impact={data} />
              </Stack>
            </>
          )
        }
      </Loaded>
    </Stack>
  );
}
