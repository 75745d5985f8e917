/**
 * A plain table of rows under a header of column labels (see TableHead), scrolling sideways
 * below `minWidth` when one is given, and within itself, not the page, whenever its content is
 * wider than the screen (a phone). The caller gives the rows; Mantine's table props pass through
 * (striped, verticalSpacing, aria-label, …).
 */
import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { type HeadCell, TableHead } from './TableHead.tsx';

export function DataTable({
  columns,
  minWidth,
  children,
  ...table
}: TableProps & {
  columns: readonly (HeadCell | false | null | undefined)[];
  minWidth?: number;
  children: ReactNode;
}) {
  const body = (
    <Table {...table}>
      <TableHead columns={columns} />
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
  return <Table.ScrollContainer minWidth={minWidth ?? 0}>{body}</Table.ScrollContainer>;
}
