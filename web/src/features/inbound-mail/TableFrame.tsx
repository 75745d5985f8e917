/** A labelled, horizontally scrolling table inside a flat paper: the frame of the email-in lists. */
import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableFrame({
  label,
  minWidth,
  striped,
  children,
}: {
  label: string;
  minWidth: number;
  striped?: boolean;
  children: ReactNode;
}) {
  return (
    <Paper p={0} withBorder style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="xs" striped={striped} aria-label={label}>
          {children}
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
