/**
 * The list's table: the shown columns in order, sortable headers, optional row checkboxes, the
 * keyboard cursor row, click (or Enter) to open. Fixed-width columns are as narrow as their
 * content allows so the one flexible column (the title) gets the room.
 */
import { Checkbox, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { CHECK_WIDTH, type ListColumn, tableMinWidth } from './columns.ts';
import type { SortState } from './listState.ts';

function SortHeader<Row>({
  column,
  current,
  onSort,
}: {
  column: ListColumn<Row> & { sort: string };
  current: SortState;
  onSort: (s: SortState) => void;
}) {
  const active = current.sort === column.sort;
  const Icon = !active ? IconArrowsSort : current.order === 'asc' ? IconArrowUp : IconArrowDown;
  const next: SortState = active
    ? { sort: column.sort, order: current.order === 'asc' ? 'desc' : 'asc' }
    : { sort: column.sort, order: column.firstOrder ?? 'desc' };
  return (
    <Table.Th
      w={column.width}
      aria-sort={active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton className="sort-button" onClick={() => onSort(next)}>
        {column.label}
        <Icon size={14} aria-hidden stroke={active ? 2.2 : 1.5} />
      </UnstyledButton>
    </Table.Th>
  );
}

export type Selection = {
  selected: ReadonlySet<string>;
  toggle: (key: string) => void;
  setAll: (keys: string[], on: boolean) => void;
};

export function ListTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowHref,
  rowLabel,
  sort,
  onSort,
  selection,
  activeIndex,
}: {
  label: string;
  columns: ListColumn<Row>[];
  rows: Row[];
  rowKey: (r: Row) => string;
  rowHref: (r: Row) => string;
  /** What a row is called for screen readers (its number), used on its checkbox. */
  rowLabel: (r: Row) => string;
  sort: SortState;
  onSort: (s: SortState) => void;
  selection?: Selection | undefined;
  activeIndex: number;
}) {
  const navigate = useNavigate();
  const activeRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (activeIndex >= 0) activeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);
  const keys = rows.map(rowKey);
  const all = selection ? keys.length > 0 && keys.every((k) => selection.selected.has(k)) : false;
  const some = selection ? keys.some((k) => selection.selected.has(k)) : false;
  return (
    <Table.ScrollContainer minWidth={tableMinWidth(columns, Boolean(selection))}>
      <Table verticalSpacing="xs" fz="sm" stickyHeader layout="fixed" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={CHECK_WIDTH}>
                <Checkbox
                  aria-label="Select all shown rows"
                  checked={all}
                  indeterminate={some && !all}
                  onChange={(e) => selection.setAll(keys, e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            {columns.map((c) =>
              c.sort ? (
                <SortHeader key={c.key} column={{ ...c, sort: c.sort }} current={sort} onSort={onSort} />
              ) : (
                <Table.Th key={c.key} w={c.width}>
                  {c.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => {
            const key = rowKey(r);
            const checked = selection?.selected.has(key) ?? false;
            return (
              <Table.Tr
                key={key}
                ref={i === activeIndex ? activeRef : undefined}
                className="queue-row"
                data-active={i === activeIndex || undefined}
                aria-selected={selection ? checked : undefined}
                bg={i === activeIndex ? 'var(--mantine-primary-color-light)' : undefined}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a, input, button, label')) return;
                  navigate(rowHref(r));
                }}
              >
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${rowLabel(r)}`}
                      checked={checked}
                      onChange={() => selection.toggle(key)}
                    />
                  </Table.Td>
                )}
                {columns.map((c) => (
                  <Table.Td key={c.key}>{c.render(r)}</Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
