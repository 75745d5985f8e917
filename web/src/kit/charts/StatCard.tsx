/**
 * A reporting card: a title, the current value, how it moved since the previous period, and a
 * sparkline of the series it comes from (Mantine charts). Not used yet; reporting builds on it.
 */
import { Sparkline } from '@mantine/charts';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconTrendingDown, IconTrendingUp } from '@tabler/icons-react';

export function StatCard({
  title,
  value,
  series,
  unit = '',
  goodWhen = 'up',
}: {
  title: string;
  value: number;
  /** Values of the previous periods, oldest first; the last one is the previous period. */
  series: number[];
  unit?: string;
  /** Whether a rise is good news (resolved records) or bad news (breaches). */
  goodWhen?: 'up' | 'down';
}) {
  const previous = series.at(-1);
  const change = previous === undefined || previous === 0 ? null : ((value - previous) / previous) * 100;
  const good = change === null || (goodWhen === 'up' ? change >= 0 : change <= 0);
  const Trend = change !== null && change < 0 ? IconTrendingDown : IconTrendingUp;
  return (
    <Paper p="md" component="section" aria-label={title}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {title}
        </Text>
        <Group justify="space-between" align="flex-end">
          <Text size="xl" fw={700}>
            {value.toLocaleString()}
            {unit}
          </Text>
          {change !== null && (
            <Group gap={2} c={good ? 'teal.8' : 'red.8'}>
              <Trend size={16} aria-hidden />
              <Text size="sm" inherit>
                {change >= 0 ? '+' : ''}
                {change.toFixed(0)}% since the previous period
              </Text>
            </Group>
          )}
        </Group>
        {series.length > 1 && (
          <Sparkline
            h={40}
            data={[...series, value]}
            curveType="linear"
            color={good ? 'teal' : 'red'}
            aria-hidden
          />
        )}
      </Stack>
    </Paper>
  );
}
