/**
 * One KPI on a dashboard or in the library: its value against the target (red, amber, green in
 * words and colour), the change on the previous period, its definition, a chart, and a link to
 * the records behind the number.
 */
import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { kpiCutOf, mayRaiseImprovement, raiseImprovementPath } from '../../api/queries/improvements.ts';
import type { DashboardWidget, KpiResult } from '../../api/queries/reports.ts';
import { useMe } from '../../auth/session.tsx';
import { ErrorState } from '../../components/States.tsx';
import { changeText, formatValue, RAG_COLORS, RAG_LABELS } from './format.ts';
import { BreakdownBars, HeatMap, Spark, StackedBars, TrendChart } from './KpiChart.tsx';

export function kpiPath(key: string, search: string) {
  return `/reports/kpis/${encodeURIComponent(key)}${search}`;
}

export function KpiHeadline({ result }: { result: KpiResult }) {
  const k = result.kpi;
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="xl" fw={700} data-testid={`kpi-value-${k.key}`}>
          {k.available ? result.formatted : 'No data yet'}
        </Text>
        {result.rag && k.available && (
          <Badge color={RAG_COLORS[result.rag]} variant="light">
            {RAG_LABELS[result.rag]}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Target {formatValue(k.target, k)} · {changeText(result.changePercent)} (
        {formatValue(result.previous, k)}) · {result.count.toLocaleString('en')}{' '}
        {result.count === 1 ? 'row' : 'rows'}
      </Text>
    </Stack>
  );
}

export function KpiWidget({
  widget,
  result,
  search,
  pending,
  error,
  onRetry,
  actions,
}: {
  widget: DashboardWidget;
  result: KpiResult | undefined;
  /** The page's query string, carried to the drill-down. */
  search: string;
  pending: boolean;
  error?: unknown;
  onRetry?: () => void;
  actions?: ReactNode;
}) {
  const me = useMe();
  const title = result?.kpi.label ?? widget.kpi;
  return (
    <Paper p="md" withBorder component="section" aria-label={title} h="100%">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={600}>
              {title}
            </Text>
            {result && (
              <Tooltip label={result.kpi.definition} multiline w={320} withArrow>
                <IconInfoCircle size={16} aria-label={`Definition: ${result.kpi.definition}`} tabIndex={0} />
              </Tooltip>
            )}
          </Group>
          {actions}
        </Group>
        {error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : !result || pending ? (
          <Skeleton h={120} />
        ) : (
          <>
            <KpiHeadline result={result} />
            {!result.kpi.available ? (
              <Text size="sm" c="dimmed">
                This KPI lights up once {result.kpi.defaultTypes.join(', ')} records exist.
              </Text>
            ) : widget.chart === 'value' ? (
              <Spark result={result} />
            ) : widget.chart === 'trend' ? (
              <TrendChart result={result} />
            ) : widget.chart === 'bars' ? (
              <BreakdownBars result={result} />
            ) : widget.chart === 'stacked' ? (
              <StackedBars result={result} />
            ) : (
              <HeatMap result={result} />
            )}
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={kpiPath(result.kpi.key, search)} size="sm">
                Records behind {result.kpi.label.toLowerCase()}
              </Anchor>
              {result.rag === 'red' && result.kpi.available && mayRaiseImprovement(me) && (
                <Anchor
                  component={Link}
                  to={raiseImprovementPath({ kind: 'kpi', ref: result.kpi.key, cut: kpiCutOf(search) })}
                  size="sm"
                  aria-label={`Raise improvement for ${result.kpi.label}`}
                >
                  Raise improvement
                </Anchor>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
