/** Configuration items on the list kit: filters (class, status, text) in the URL, saved views, keyset "Load more". */
import { CI_STATUSES, type Ci, type CiClass, useCiClasses, useCiList } from '../../api/queries/cmdb.ts';
import { userCan } from '../../auth/can.ts';
import { useMe } from '../../auth/session.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { NewButton } from '../../kit/nav/NewButton.tsx';
import { optionsOf } from '../../lib/labels.ts';
import { Time } from '../../lib/time.tsx';
import { CI_STATUS_LABELS, CiStatusBadge, ciPath } from './shared.tsx';

/** Classes in tree order with their depth, for selects that show the hierarchy. */
export function classOptions(classes: CiClass[], opts: { concreteOnly?: boolean } = {}) {
  const byParent = new Map<string | null, CiClass[]>();
  for (const c of classes) {
    const list = byParent.get(c.parent) ?? [];
    list.push(c);
    byParent.set(c.parent, list);
  }
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of (byParent.get(parent) ?? []).sort((a, b) => a.label.localeCompare(b.label))) {
      if (!(opts.concreteOnly && c.abstract))
        out.push({ value: c.key, label: `${'\u2003'.repeat(depth)}${c.label}${c.abstract ? ' (all)' : ''}` });
      walk(c.key, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const FILTERS = { q: 'text', class: 'one', status: 'many' } as const;

const COLUMNS: ListColumn<Ci>[] = [
  {
    key: 'name',
    label: 'Name',
    render: (ci) => (
      <RowLink
        to={ciPath(ci.id)}
        note={
          typeof ci.attributes.hostname === 'string' && ci.attributes.hostname !== ci.name
            ? ci.attributes.hostname
            : undefined
        }
      >
        {ci.name}
      </RowLink>
    ),
  },
  { key: 'class', label: 'Class', width: 170, render: (ci) => ci.classLabel },
  { key: 'status', label: 'Status', width: 130, render: (ci) => <CiStatusBadge status={ci.status} /> },
  { key: 'supportGroup', label: 'Support group', width: 170, render: (ci) => ci.supportGroup?.name ?? '—' },
  { key: 'owner', label: 'Owner', width: 150, render: (ci) => ci.owner?.name ?? '—' },
  { key: 'location', label: 'Location', width: 120, render: (ci) => ci.location ?? '—' },
  { key: 'updated', label: 'Updated', width: 110, render: (ci) => <Time iso={ci.updatedAt} size="sm" /> },
];

export function CiListPage() {
  const me = useMe();
  const state = useListState(FILTERS, { sort: 'name', order: 'asc' });
  const classes = useCiClasses();
  const { class: classKey, status, q } = state.filters;
  const list = useCiList({ class: classKey || undefined, status, q: q || undefined });
  const canCreate = userCan(me, 'cmdb.manage');
  return (
    <ListPage
      title="Configuration items"
      description="Servers, applications, databases, services and everything else the CMDB records."
      actions={canCreate && <NewButton to="/cmdb/cis/new">New CI</NewButton>}
      listKey="cmdb-cis"
      noun={['item', 'items']}
      columns={COLUMNS}
      list={list}
      state={state}
      rowHref={(ci) => ciPath(ci.id)}
      rowLabel={(ci) => ci.name}
      search="Name, hostname, serial or tag"
      fields={[
        { name: 'class', label: 'Class', data: classOptions(classes.data ?? []) },
        { name: 'status', label: 'Status', data: optionsOf(CI_STATUSES, CI_STATUS_LABELS) },
      ]}
    />
  );
}
