/** The service portfolio: business and technical services, filtered by kind, lifecycle and criticality. */
import { Text } from '@mantine/core';
import {
  CRITICALITIES,
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  SERVICE_KINDS,
  type ServiceKind,
} from '../../../../src/domain/portfolio.ts';
import { type Service, useServiceList } from '../../api/queries/serviceLevels.ts';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { optionsOf } from '../../lib/labels.ts';
import { CRITICALITY_LABELS, LIFECYCLE_LABELS, SERVICE_KIND_LABELS } from '../sla/labels.ts';
import { useCanManageServiceLevels } from '../sla/permissions.ts';
import { CriticalityBadge, LifecycleBadge } from './ServiceBadges.tsx';
import { NewServiceButton } from './ServiceForm.tsx';

const FILTERS = { q: 'text', kind: 'one', lifecycle: 'many', criticality: 'many' } as const;
const href = (s: Service) => `/services/${s.id}`;
const oneOf = <T extends string>(allowed: readonly T[], v: string): v is T =>
  (allowed as readonly string[]).includes(v);

const COLUMNS: ListColumn<Service>[] = [
  {
    key: 'name',
    label: 'Name',
    render: (s) => (
      <RowLink to={href(s)} note={s.description} clampNote>
        {s.name}
      </RowLink>
    ),
  },
  { key: 'kind', label: 'Kind', width: 150, render: (s) => SERVICE_KIND_LABELS[s.kind] },
  {
    key: 'criticality',
    label: 'Criticality',
    width: 110,
    render: (s) => (s.criticality ? <CriticalityBadge criticality={s.criticality} /> : '—'),
  },
  {
    key: 'lifecycle',
    label: 'Lifecycle',
    width: 100,
    render: (s) => <LifecycleBadge status={s.lifecycleStatus} />,
  },
  { key: 'owner', label: 'Owner', width: 150, render: (s) => s.owner?.name ?? '—' },
  { key: 'supportGroup', label: 'Support group', width: 160, render: (s) => s.supportGroup?.name ?? '—' },
  {
    key: 'customers',
    label: 'Customers',
    width: 180,
    render: (s) => (
      <Text size="sm" lineClamp={1}>
        {s.customers.map((c) => c.name).join(', ') || '—'}
      </Text>
    ),
  },
];

export function ServicesPage() {
  const canManage = useCanManageServiceLevels();
  const state = useListState(FILTERS, { sort: 'name', order: 'asc' });
  const { q, kind, lifecycle, criticality } = state.filters;
  const list = useServiceList({
    kind: oneOf<ServiceKind>(SERVICE_KINDS, kind) ? kind : undefined,
    lifecycleStatus: lifecycle.length
      ? lifecycle.filter((l) => oneOf<LifecycleStatus>(LIFECYCLE_STATUSES, l))
      : undefined,
    q: q.trim() || undefined,
  });
  // Criticality is a service attribute the API does not filter on; the portfolio is small enough
  // to filter the loaded pages here.
  const data = list.data && {
    ...list.data,
    pages: list.data.pages.map((p) => ({
      ...p,
      items: p.items.filter(
        (s) => !criticality.length || (s.criticality && criticality.includes(s.criticality)),
      ),
    })),
  };

  return (
    <ListPage
      title="Services"
      description="The service portfolio: what IT delivers, to whom, and what it depends on."
      actions={canManage && <NewServiceButton />}
      listKey="services"
      noun={['service', 'services']}
      columns={COLUMNS}
      list={{ ...list, data } as typeof list}
      state={state}
      rowHref={href}
      rowLabel={(s) => s.name}
      search="Name or description"
      fields={[
        { name: 'kind', label: 'Kind', data: optionsOf(SERVICE_KINDS, SERVICE_KIND_LABELS) },
        { name: 'lifecycle', label: 'Lifecycle', data: optionsOf(LIFECYCLE_STATUSES, LIFECYCLE_LABELS) },
        { name: 'criticality', label: 'Criticality', data: optionsOf(CRITICALITIES, CRITICALITY_LABELS) },
      ]}
    />
  );
}
