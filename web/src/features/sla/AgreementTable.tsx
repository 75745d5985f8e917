/** A table of agreements: name and version, kind, party, status, calendar and effective window. */
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Agreement } from '../../api/queries/serviceLevels.ts';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListTable } from '../../kit/list/ListTable.tsx';
import { Time } from '../../lib/time.tsx';
import { KIND_SHORT } from './labels.ts';

export function AgreementStatus({ a }: { a: Agreement }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={a.status === 'agreed' ? 'teal' : 'gray'} size="sm">
        {a.status === 'agreed' ? 'Agreed' : 'Draft'}
      </Badge>
      {a.inForce && (
        <Badge variant="filled" color="teal.9" size="sm">
          In force
        </Badge>
      )}
      {a.status === 'agreed' && !a.inForce && (
        <Badge variant="outline" color="gray" size="sm">
          {new Date(a.effectiveFrom).getTime() > Date.now() ? 'Upcoming' : 'Ended'}
        </Badge>
      )}
    </Group>
  );
}

export const partyOf = (a: Agreement) => a.customer?.name ?? a.group?.name ?? a.supplier?.name ?? null;

const dimmed = (text: string) => (
  <Text span size="sm" c="dimmed">
    {text}
  </Text>
);

export const agreementHref = (a: Agreement) => `/service-levels/agreements/${a.id}`;

export const AGREEMENT_COLUMNS: ListColumn<Agreement>[] = [
  {
    key: 'name',
    label: 'Name',
    render: (a) => (
      <>
        <Anchor component={Link} to={agreementHref(a)} fw={600} size="sm">
          {a.name}
        </Anchor>{' '}
        <Text span size="xs" c="dimmed">
          v{a.versionNumber}
        </Text>
      </>
    ),
  },
  { key: 'kind', label: 'Kind', width: 70, render: (a) => KIND_SHORT[a.kind] },
  { key: 'service', label: 'Service', width: 170, render: (a) => a.service?.name ?? dimmed('Every service') },
  { key: 'party', label: 'Party', width: 170, render: (a) => partyOf(a) ?? dimmed('Any') },
  { key: 'status', label: 'Status', width: 180, render: (a) => <AgreementStatus a={a} /> },
  {
    key: 'effective',
    label: 'Effective',
    width: 200,
    render: (a) => (
      <>
        <Time iso={a.effectiveFrom} mode="absolute" size="sm" />
        {a.effectiveTo && (
          <>
            {' – '}
            <Time iso={a.effectiveTo} mode="absolute" size="sm" />
          </>
        )}
      </>
    ),
  },
];

/**
 * The agreements of one service, without the list page's filters: the kind column left out (a
 * section holds one kind), and the columns in `omit` (what the section already says, e.g. the
 * service on its own page; the effective dates, which the status and the agreement's page give).
 */
export function AgreementTable({
  items,
  label,
  omit = [],
}: {
  items: Agreement[];
  label: string;
  omit?: readonly string[];
}) {
  return (
    <ListTable
      label={label}
      columns={AGREEMENT_COLUMNS.filter((c) => c.key !== 'kind' && !omit.includes(c.key))}
      rows={items}
      rowKey={(a) => a.id}
      rowHref={agreementHref}
      rowLabel={(a) => `${a.name} v${a.versionNumber}`}
      sort={{ sort: 'name', order: 'asc' }}
      onSort={() => undefined}
      activeIndex={-1}
    />
  );
}
