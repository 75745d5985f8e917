/** Field history of an item, newest first: who changed which field from what to what. */
import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, PageLoader } from '../../components/States.tsx';
import { Time } from '../../lib/time.tsx';
import { DataTable } from '../list/DataTable.tsx';
import { Section } from './Section.tsx';

export type HistoryEntry = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
};

export function HistoryTable({ entries, label }: { entries: HistoryEntry[]; label: string }) {
  if (entries.length === 0) return <EmptyState title="No changes recorded yet" />;
  return (
    <DataTable
      minWidth={640}
      fz="sm"
      verticalSpacing="xs"
      aria-label={label}
      columns={[{ label: 'When', w: 170 }, { label: 'Who', w: 150 }, 'Field', 'From', 'To']}
    >
      {[...entries].reverse().map((h) => (
        <Table.Tr key={h.id}>
          <Table.Td>
            <Time iso={h.at} mode="absolute" size="sm" />
          </Table.Td>
          <Table.Td>{h.actor?.name ?? 'System'}</Table.Td>
          <Table.Td>{h.field.replace(/^attributes\./, '')}</Table.Td>
          <Table.Td c="dimmed">{h.oldValue ?? '—'}</Table.Td>
          <Table.Td>{h.newValue ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** The "History" section of a detail page, fed by the item's history hook. */
export function HistoryPanel({
  id,
  useHistory,
  label,
}: {
  id: string;
  useHistory: (id: string) => UseQueryResult<HistoryEntry[]>;
  label: string;
}) {
  const query = useHistory(id);
  return (
    <Section title="History">
      {query.isPending ? (
        <PageLoader label="Loading history" />
      ) : query.isError ? (
        <ErrorState error={query.error} />
      ) : (
        <HistoryTable entries={query.data} label={label} />
      )}
    </Section>
  );
}

/** A section body for a query: loader, error, empty state, or the rows. */
export function QueryBody<T>({
  query,
  what,
  empty,
  children,
}: {
  query: UseQueryResult<T[]>;
  what: string;
  empty: string;
  children: (rows: T[]) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={`Loading ${what}`} />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (query.data.length === 0) return <EmptyState title={empty} />;
  return <>{children(query.data)}</>;
}
