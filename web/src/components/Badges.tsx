/** Priority and state badges: colour plus text, never colour alone. */
import { Badge } from '@mantine/core';
import type { StateCategory } from '../api/types.ts';
import { CATEGORY_COLORS, PRIORITY_COLORS, PRIORITY_LABELS } from '../lib/labels.ts';

export function PriorityBadge({ priority }: { priority: number }) {
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray'} autoContrast variant="filled" miw={96}>
      P{priority} {PRIORITY_LABELS[priority] ?? ''}
    </Badge>
  );
}

export function StateBadge({ label, category }: { label: string; category: StateCategory }) {
  return (
    <Badge color={CATEGORY_COLORS[category] ?? 'gray'} variant="light">
      {label}
    </Badge>
  );
}
