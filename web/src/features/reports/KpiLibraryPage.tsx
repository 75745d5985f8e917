/** The KPI library: every KPI grouped by area, with its definition and its value over the chosen period and cut. */
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { type KpiDefinitionView, useKpi, useKpiDefinitions } from '../../api/queries/reports.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, PageLoader } from '../../components/States.tsx';
import { ReportFilterBar, useReportFilters } from './filters.tsx';
import { KpiHeadline, kpiPath } from './KpiWidget.tsx';

function KpiCard({
  kpi,
  query,
  search,
}: {
  kpi: KpiDefinitionView;
  query: Record<string, string>;
  search: string;
}) {
  const r = useKpi(kpi.key, query);
  return (
    <Paper p="md" withBorder component="article" aria-label={kpi.label}>
      <Stack gap={6}>
        <Anchor component={Link} to={kpiPath(kpi.key, search)} fw={600}>
          {kpi.label}
        </Anchor>
        <Text size="sm">{kpi.definition}</Text>
        {r.data ? (
          <KpiHeadline result={r.data} />
        ) : r.isError ? (
          <Text size="sm" c="red.8">
            {String((r.error as Error).message)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Computing…
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const CATEGORY_ORDER = [
  'volume',
  'speed',
  'quality',
  'service levels',
  'requests',
  'problems',
  'changes',
  'knowledge',
  'cmdb',
  'effort',
];
const CATEGORY_LABELS: Record<string, string> = {
  volume: 'Volume and backlog',
  speed: 'Speed',
  quality: 'Quality',
  'service levels': 'Service levels',
  requests: 'Service requests',
  problems: 'Problems',
  changes: 'Changes',
  knowledge: 'Knowledge',
  cmdb: 'CMDB',
  effort: 'Effort',
};

export function KpiLibraryPage() {
  const { search } = useLocation();
  const { state, query } = useReportFilters();
  const defs = useKpiDefinitions();
  if (defs.isPending) return <PageLoader label="Loading the KPI library" />;
  if (defs.isError) return <ErrorState error={defs.error} onRetry={() => defs.refetch()} />;
  const categories = [...new Set(defs.data.items.map((k) => k.category))].sort(
    (a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b),
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="KPI library"
        description="Every key performance indicator Steward measures, what it means, and its value in the period against its target and the previous period. Open one to cut it, drill into its records and export."
      />
      <ReportFilterBar state={state} />
      {categories.map((c) => (
        <Stack key={c} gap="sm" component="section" aria-label={CATEGORY_LABELS[c] ?? c}>
          <Title order={2} size="h4">
            {CATEGORY_LABELS[c] ?? c}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {defs.data.items
              .filter((k) => k.category === c)
              .map((k) => (
                <KpiCard key={k.key} kpi={k} query={query} search={search} />
              ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
