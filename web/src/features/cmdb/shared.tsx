/** Small pieces every CMDB page shares: status badges, CI links, facts, history and error mapping. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import type { CiRef, CiStatus, HistoryEntry } from '../../api/queries/cmdb.ts';
import { EmptyState } from '../../components/States.tsx';
import { humanize } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';

export const CI_STATUS_LABELS: Record<CiStatus, string> = {
  planned: 'Planned',
  in_use: 'In use',
  maintenance: 'Maintenance',
  retired: 'Retired',
};
const CI_STATUS_COLORS: Record<CiStatus, string> = {
  planned: 'blue',
  in_use: 'teal',
  maintenance: 'orange',
  retired: 'gray',
};

export function CiStatusBadge({ status }: { status: CiStatus }) {
  return (
    <Badge color={CI_STATUS_COLORS[status] ?? 'gray'} variant="light">
      {CI_STATUS_LABELS[status] ?? humanize(status)}
    </Badge>
  );
}

export const ciPath = (id: string) => `/cmdb/cis/${id}`;

export function CiLink({ ci }: { ci: Pick<CiRef, 'id' | 'name'> }) {
  return (
    <Anchor component={Link} to={ciPath(ci.id)} size="sm" fw={600}>
      {ci.name}
    </Anchor>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Field history, newest first. */
export function HistoryTable({ entries, label }: { entries: HistoryEntry[]; label: string }) {
  if (entries.length === 0) return <EmptyState title="No changes recorded yet" />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={150}>Who</Table.Th>
            <Table.Th>Field</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Field errors of a problem by field, keeping nested paths (`attributes.hostname`) whole so each
 * attribute input can show its own message; `body.` prefixes are dropped.
 */
export function fieldErrorMap(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const e of err.fieldErrors) {
    const name = e.field.replace(/^(body|query|params|querystring)\./, '');
    if (!out[name]) out[name] = e.message.charAt(0).toUpperCase() + e.message.slice(1);
  }
  return out;
}

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, {
      style: currency ? 'currency' : 'decimal',
      currency: currency ?? undefined,
      maximumFractionDigits: 2,
    }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

/** A number input's value as number | null (Mantine gives '' when cleared). */
export const numberOrNull = (v: string | number): number | null =>
  v === '' || v === null || Number.isNaN(Number(v)) ? null : Number(v);
