/** The priority an impact and urgency lead to, from the configured matrix. */
import { Group, Select, type SelectProps, Text } from '@mantine/core';
import { usePriorityMatrix } from '../../api/queries/admin.ts';
import { PriorityBadge } from '../../components/Badges.tsx';
import { LEVEL_OPTIONS } from '../../lib/labels.ts';

/** An impact or urgency level, 1 (highest) to 5; one is always chosen. */
export function LevelSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: number; onChange: (level: number) => void }) {
  return (
    <Select
      data={LEVEL_OPTIONS}
      allowDeselect={false}
      {...props}
      value={String(value)}
      onChange={(v) => {
        if (v) onChange(Number(v));
      }}
    />
  );
}

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
