/**
 * A table's header row from its column labels: `<TableHead columns={['Name', { label: 'Status',
 * w: 120 }, canEdit && { label: 'Actions', hidden: true }]} />`. A hidden label is read by screen
 * readers only (an actions column); a falsy entry is a column the viewer does not get.
 */
import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export type HeadCell = ReactNode | { label: ReactNode; w?: number | string; hidden?: boolean };

function isCell(c: HeadCell): c is { label: ReactNode; w?: number | string; hidden?: boolean } {
  return typeof c === 'object' && c !== null && 'label' in c;
}

export function TableHead({ columns }: { columns: readonly (HeadCell | false | null | undefined)[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c, i) => {
          if (c === false || c === null || c === undefined) return null;
          const cell = isCell(c) ? c : { label: c };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table
            <Table.Th key={i} w={cell.w}>
              {cell.hidden ? <VisuallyHidden>{cell.label}</VisuallyHidden> : cell.label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
