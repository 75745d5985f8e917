/**
 * Edits of a list kept in an editor's state, each returning a new list: the item at `i` replaced,
 * merged with a patch, or left out. (Reordering is `moveItem` beside the move buttons.)
 */

export function replaceAt<T>(items: readonly T[], i: number, item: T): T[] {
  return items.map((x, j) => (j === i ? item : x));
}

export function patchAt<T>(items: readonly T[], i: number, patch: Partial<T>): T[] {
  return items.map((x, j) => (j === i ? { ...x, ...patch } : x));
}

export function removeAt<T>(items: readonly T[], i: number): T[] {
  return items.filter((_, j) => j !== i);
}
