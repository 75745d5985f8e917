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

export function useColumnPrefs<Row>(listKey: string, columns: ListColumn<Row>[]) {
  const [keys, setKeys] = useState<string[]>(() =>
    sanitizeColumnKeys(readStored(listKey) ?? defaultColumnKeys(columns), columns),
  );
  const set = useCallback(
    (next: readonly string[]) => {
      const clean = sanitizeColumnKeys(next, columns);
      setKeys(clean);
      try {
        window.localStorage.setItem(storageKey(listKey), JSON.stringify(clean));
      } catch {
        // Storage full or disabled: the choice still holds for this page.
      }
    },
    [listKey, columns],
  );
  const visible = keys.map((k) => columns.find((c) => c.key === k)).filter((c): c is ListColumn<Row> => !!c);
  return { keys, visible, set, reset: () => set(defaultColumnKeys(columns)) };
}

export type ColumnPrefs<Row> = ReturnType<typeof useColumnPrefs<Row>>;
