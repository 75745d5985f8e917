/** Priority and state badges: colour plus text, never colour alone; and small lists of tags. */
import { Badge, type BadgeProps, Group } from '@mantine/core';
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

/** A row of small light badges, one per tag (a webhook's events, a token's scopes). */
export function TagBadges({
  tags,
  ...badge
}: { tags: readonly string[] } & Pick<BadgeProps, 'color' | 'tt'>) {
  return (
    <Group gap={4}>
      {tags.map((t) => (
        <Badge key={t} variant="light" size="sm" {...badge}>
          {t}
        </Badge>
      ))}
    </Group>
  );
}
