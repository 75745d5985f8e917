/** How a breach probability and its factors read: a percentage badge and signed factor lines. */
import { Badge, Group, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { PredictionItem } from '../../api/queries/prediction.ts';

export type Factor = PredictionItem['clock']['factors'][number];

export const percent = (p: number) => `${Math.round(p * 100)}%`;

export function ProbabilityBadge({ probability }: { probability: number }) {
  const color =
    probability >= 0.7
      ? 'red.8'
      : probability >= 0.5
        ? 'orange.8'
        : probability >= 0.3
          ? 'yellow.9'
          : 'gray.7';
  return (
    <Badge color={color} variant="filled" size="md" aria-label={`${percent(probability)} likely to breach`}>
      {percent(probability)}
    </Badge>
  );
}

/** The factor that pushes hardest towards a breach (the largest one when none does). */
export function topFactor(factors: readonly Factor[]): Factor | undefined {
  return factors.find((f) => f.contribution > 0) ?? factors[0];
}

export function FactorLine({ factor }: { factor: Factor }) {
  const up = factor.contribution > 0;
  const Icon = up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon size={16} color={up ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-teal-8)'} aria-hidden />
      <Text size="sm">
        {factor.label}: {factor.shown}{' '}
        <Text span size="xs" c="dimmed">
          ({up ? 'raises' : 'lowers'} the odds, {factor.contribution >= 0 ? '+' : '−'}
          {Math.abs(factor.contribution).toFixed(2)})
        </Text>
      </Text>
    </Group>
  );
}
