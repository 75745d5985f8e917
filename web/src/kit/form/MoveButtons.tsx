/**
 * Reordering an item of an edited list: "Move <name> up" and "Move <name> down" buttons, the first
 * disabled on the first item and the second on the last. `across` names the moves left and right
 * (columns); `small` is the compact grey pair of a menu. `moveItem` is the move itself.
 */
import { ActionIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';

/** The items with the one at `i` swapped with its neighbour `by` away; unchanged past either end. */
export function moveItem<T>(items: readonly T[], i: number, by: -1 | 1): T[] {
  const next = [...items];
  const j = i + by;
  if (i < 0 || j < 0 || j >= next.length) return next;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export function MoveButtons({
  name,
  index,
  count,
  onMove,
  across = false,
  small = false,
}: {
  /** What moves, in the buttons' names ("field 2"). */
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  across?: boolean;
  small?: boolean;
}) {
  const look = small ? ({ color: 'gray', size: 'sm' } as const) : {};
  const icon = small ? 14 : 16;
  return (
    <>
      <ActionIcon
        variant="subtle"
        {...look}
        aria-label={`Move ${name} ${across ? 'left' : 'up'}`}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <IconArrowUp size={icon} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        {...look}
        aria-label={`Move ${name} ${across ? 'right' : 'down'}`}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <IconArrowDown size={icon} />
      </ActionIcon>
    </>
  );
}
