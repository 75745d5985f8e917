/** The priority an impact and urgency lead to, from the configured matrix. */
import { Group, Text } from '@mantine/core';
import { usePriorityMatrix } from '../../api/queries/admin.ts';
import { PriorityBadge } from '../../components/Badges.tsx';

export function useDerivedPriority(impact: number, urgency: number): number | null {
  const m = usePriorityMatrix();
  return m.data?.matrix[impact - 1]?.[urgency - 1] ?? null;
}

export function PriorityPreview({ impact, urgency }: { impact: number; urgency: number }) {
  const p = useDerivedPriority(impact, urgency);
  return (
    <Group gap="xs" aria-live="polite">
      <Text size="sm" fw={500}>
        Priority
      </Text>
      {p ? <PriorityBadge priority={p} /> : <Text size="sm">—</Text>}
      <Text size="xs" c="dimmed">
        from impact × urgency
      </Text>
    </Group>
  );
}
