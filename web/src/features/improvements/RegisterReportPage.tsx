/**
 * The improvement register as a report for management: proposals counted by status, owner and
 * service, each with its owner, source and measured outcome (before and after, the KPI's good
 * direction); filtered in the URL and exported to CSV or XLSX.
 */
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { API_BASE, toQueryString } from '../../api/client.ts';
import { type RegisterReport, useRegister } from '../../api/queries/improvements.ts';
import { useProcessLifecycle } from '../../api/queries/process.ts';
import { PriorityBadge, StateBadge } from '../../components/Badges.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { lifecycleStateOptions } from '../../kit/list/records.tsx';
import { useUrlParam } from '../../kit/nav/useUrlParam.ts';
import { recordPath } from '../../records/registry.ts';
import { ServiceSelect } from '../sla/pickers.tsx';
import { SOURCE_LABELS } from './labels.ts';
import { OutcomeTable } from './OutcomeTable.tsx';

function Counts({ title, rows }: { title: string; rows: RegisterReport['byStatus'] }) {
  return (
    <Paper p="md" withBorder component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <Table verticalSpacing={2}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key ?? 'none'}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td c="dimmed">No proposals</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function RegisterReportPage() {
  const [state, setState] = useUrlParam('state');
  const [serviceId, setServiceId] = useUrlParam('serviceId');
  const query = Object.fromEntries(Object.entries({ state, serviceId }).filter(([, v]) => v));
  const report = useRegister(query);
  const lifecycle = useProcessLifecycle('improvement');
  const href = (format: 'csv' | 'xlsx') =>
    `${API_BASE}/improvements/register${toQueryString({ ...query, format })}`;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Improvement register"
        description="Continual improvement proposals by status, owner and service, with the KPIs they are measured by before and after."
        actions={
          <Group gap="xs">
            {(['csv', 'xlsx'] as const).map((f) => (
              <Button
                key={f}
                component="a"
                href={href(f)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                Export {f.toUpperCase()}
              </Button>
            ))}
            <Button component={Link} to="/improvements" variant="default">
              Open the register
            </Button>
          </Group>
        }
      />
      <Group gap="sm">
        <Select
          label="Status"
          clearable
          data={lifecycleStateOptions(lifecycle.data)}
          value={state || null}
          onChange={setState}
        />
        <ServiceSelect label="Service" clearable value={serviceId || null} onChange={setServiceId} />
      </Group>
      {report.isPending ? (
        <PageLoader label="Reading the register" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Counts title="By status" rows={report.data.byStatus} />
            <Counts title="By owner" rows={report.data.byOwner} />
            <Counts title="By service" rows={report.data.byService} />
          </SimpleGrid>
          <Stack gap="sm" component="section" aria-label="Proposals">
            <Title order={2} size="h4">
              Proposals ({report.data.items.length})
            </Title>
            {report.data.items.length === 0 && <Text c="dimmed">No proposals match.</Text>}
            {report.data.items.map((r) => (
              <Paper key={r.id} p="md" withBorder>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap">
                    <Group gap="xs">
                      <Anchor component={Link} to={recordPath('improvement', r.number)} fw={600}>
                        {r.number}
                      </Anchor>
                      <Text fw={600}>{r.title}</Text>
                    </Group>
                    <Group gap="xs">
                      <PriorityBadge priority={r.priority} />
                      <StateBadge label={r.stateLabel} category={r.stateCategory as 'open'} />
                    </Group>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {SOURCE_LABELS[r.sourceKind]}
                    {r.sourceRef && r.sourceKind !== 'service_review' ? ` (${r.sourceRef})` : ''} · Owner:{' '}
                    {r.owner ?? 'none'} · Services: {r.services.join(', ') || 'none'}
                  </Text>
                  <Text size="sm">{r.expectedBenefit}</Text>
                  {r.outcomes.length > 0 && (
                    <OutcomeTable outcomes={r.outcomes} label={`Outcome of ${r.number}`} />
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
