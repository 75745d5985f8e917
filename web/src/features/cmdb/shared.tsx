/** Small pieces every CMDB page shares: status badges, CI links and money. */
import { Badge, Table } from '@mantine/core';
import type { CiClass, CiRef, CiStatus } from '../../api/queries/cmdb.ts';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { humanize } from '../../lib/labels.ts';

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

/** Whether class `key` is `ancestor` or inherits from it (a cycle in the data stops the walk). */
export function isSubclass(classes: CiClass[], key: string, ancestor: string): boolean {
  const byKey = new Map(classes.map((c) => [c.key, c]));
  for (let k: string | null = key, n = 0; k && n < 50; n++) {
    if (k === ancestor) return true;
    k = byKey.get(k)?.parent ?? null;
  }
  return false;
}

export const ciPath = (id: string) => `/cmdb/cis/${id}`;

export function CiLink({ ci }: { ci: Pick<CiRef, 'id' | 'name'> }) {
  return <RowLink to={ciPath(ci.id)}>{ci.name}</RowLink>;
}

/** A CI's cells in a table row: its name as a link, its class and its status. */
export function CiCells({ ci }: { ci: Pick<CiRef, 'id' | 'name' | 'classLabel' | 'status'> }) {
  return (
    <>
      <Table.Td>
        <CiLink ci={ci} />
      </Table.Td>
      <Table.Td>{ci.classLabel}</Table.Td>
      <Table.Td>
        <CiStatusBadge status={ci.status} />
      </Table.Td>
    </>
  );
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
