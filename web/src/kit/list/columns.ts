/**
 * Columns of a list and which of them a person shows, in which order.
 *
 * A `ListColumn<Row>` describes one column: `key` (also the CSV export's column name), `label`,
 * `render(row)`, an optional fixed `width` (px; the one column without a width — usually the
 * title — takes the remaining room), `sort` (the API sort field it orders by, if any) and
 * `hidden` (not shown until the person adds it).
 *
 * `useColumnPrefs(listKey, columns)` keeps the chosen keys in localStorage under
 * `steward.list.<listKey>.columns`; a saved view carries its own columns and sets them with `set`.
 * Until a person chooses, the list shows its default columns, as many as fit (`fitColumns`): the
 * defaults fit a 1440-pixel screen, and on a narrower one the last of them give way to the title
 * instead of the table scrolling sideways. Those are still under "Columns", to add back.
 */
import { type ReactNode, useCallback, useState } from 'react';

export type ListColumn<Row> = {
  key: string;
  label: string;
  render: (row: Row) => ReactNode;
  width?: number;
  sort?: string;
  /** Order of the first click on the header: 'desc' for dates, 'asc' for priority and due dates. */
  firstOrder?: 'asc' | 'desc';
  hidden?: boolean;
};

const storageKey = (listKey: string) => `steward.list.${listKey}.columns`;

/** The flexible column (the title) never gets narrower than this; the table scrolls sideways instead. */
export const FLEX_MIN = 280;
/** The row checkboxes' column, on lists with bulk actions. */
export const CHECK_WIDTH = 44;

/** How wide the table must be for its columns: their fixed widths and the flexible ones' minimum. */
export const tableMinWidth = <Row>(columns: ListColumn<Row>[], withCheckboxes: boolean) =>
  columns.reduce((sum, c) => sum + (c.width ?? FLEX_MIN), withCheckboxes ? CHECK_WIDTH : 0);

/**
 * The columns that fit `width` pixels: the last fixed-width ones give way, one by one, until the
 * rest fit; the first column (the record's number or name) and the flexible ones always stay.
 */
export function fitColumns<Row>(
  columns: ListColumn<Row>[],
  width: number,
  withCheckboxes: boolean,
): ListColumn<Row>[] {
  const kept = [...columns];
  while (tableMinWidth(kept, withCheckboxes) > width) {
    const last = kept.findLastIndex((c, i) => i > 0 && c.width !== undefined);
    if (last < 0) break;
    kept.splice(last, 1);
  }
  return kept;
}

export const defaultColumnKeys = <Row>(columns: ListColumn<Row>[]) =>
  columns.filter((c) => !c.hidden).map((c) => c.key);

/** Keep only known keys, without duplicates; nothing left means the defaults. */
export function sanitizeColumnKeys<Row>(keys: readonly string[], columns: ListColumn<Row>[]): string[] {
  const known = new Set(columns.map((c) => c.key));
  const out = [...new Set(keys)].filter((k) => known.has(k));
  return out.length ? out : defaultColumnKeys(columns);
}

function readStored(listKey: string): string[] | null {
  try {
    const raw = window.localStorage.getItem(storageKey(listKey));
    const v: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(v) && v.every((k) => typeof k === 'string') ? v : null;
  } catch {
    return null;
  }
}

/**
 * The columns a list shows. `width` is the room the table has (0 while not yet measured) and
 * `withCheckboxes` whether it has a column of row checkboxes: the defaults are fitted to them
 * until the person chooses columns (or opens a saved view, which brings its own).
 */
export function useColumnPrefs<Row>(
  listKey: string,
  columns: ListColumn<Row>[],
  room: { width: number; withCheckboxes: boolean },
) {
  const [chosen, setChosen] = useState<string[] | null>(() => {
    const stored = readStored(listKey);
    return stored && sanitizeColumnKeys(stored, columns);
  });
  const set = useCallback(
    (next: readonly string[]) => {
      const clean = sanitizeColumnKeys(next, columns);
      setChosen(clean);
      try {
        window.localStorage.setItem(storageKey(listKey), JSON.stringify(clean));
      } catch {
        // Storage full or disabled: the choice still holds for this page.
      }
    },
    [listKey, columns],
  );
  const reset = useCallback(() => {
    setChosen(null);
    try {
      window.localStorage.removeItem(storageKey(listKey));
    } catch {
      // Storage disabled: the defaults hold for this page.
    }
  }, [listKey]);
  const byKey = (keys: readonly string[]) =>
    keys.map((k) => columns.find((c) => c.key === k)).filter((c): c is ListColumn<Row> => !!c);
  const defaults = byKey(defaultColumnKeys(columns));
  const visible = chosen
    ? byKey(chosen)
    : room.width > 0
      ? fitColumns(defaults, room.width, room.withCheckboxes)
      : defaults;
  return { keys: visible.map((c) => c.key), visible, set, reset };
}

export type ColumnPrefs<Row> = ReturnType<typeof useColumnPrefs<Row>>;
