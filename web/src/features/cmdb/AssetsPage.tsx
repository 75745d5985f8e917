/** The asset register: filters by state and text, book values, and registering a new asset. */
import { Badge, Select, Text } from '@mantine/core';
import {
  ASSET_STATE_LABELS,
  ASSET_STATES,
  type Asset,
  type AssetState,
  assets,
  useAssetList,
} from '../../api/queries/cmdb.ts';
import { useMe } from '../../auth/session.tsx';
import { CreateButton } from '../../kit/form/CreateDialog.tsx';
import type { ListColumn } from '../../kit/list/columns.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { RowLink } from '../../kit/list/RowLink.tsx';
import { cmdbAreas } from '../../lib/faces.ts';
import { optionsOf } from '../../lib/labels.ts';
import { AssetFields, assetBody, emptyAsset, validateAsset } from './AssetForm.tsx';
import { CiLink, formatMoney } from './shared.tsx';

const STATE_COLORS: Record<AssetState, string> = {
  ordered: 'grape',
  in_stock: 'blue',
  deployed: 'teal',
  in_repair: 'orange',
  retired: 'gray',
  disposed: 'dark',
};

export function AssetStateBadge({ state }: { state: AssetState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {ASSET_STATE_LABELS[state]}
    </Badge>
  );
}

export const assetPath = (tag: string) => `/cmdb/assets/${encodeURIComponent(tag)}`;

const FILTERS = { q: 'text', state: 'many' } as const;

const COLUMNS: ListColumn<Asset>[] = [
  {
    key: 'tag',
    label: 'Tag',
    width: 110,
    render: (a) => <RowLink to={assetPath(a.assetTag)}>{a.assetTag}</RowLink>,
  },
  { key: 'name', label: 'Name', render: (a) => a.name },
  { key: 'state', label: 'State', width: 110, render: (a) => <AssetStateBadge state={a.state} /> },
  { key: 'assignedTo', label: 'Assigned to', width: 150, render: (a) => a.assignedTo?.name ?? '—' },
  { key: 'location', label: 'Location', width: 130, render: (a) => a.location ?? '—' },
  { key: 'ci', label: 'CI', width: 130, render: (a) => (a.ci ? <CiLink ci={a.ci} /> : '—') },
  { key: 'cost', label: 'Cost', width: 110, hidden: true, render: (a) => formatMoney(a.cost, a.currency) },
  { key: 'value', label: 'Book value', width: 110, render: (a) => formatMoney(a.currentValue, a.currency) },
  {
    key: 'warranty',
    label: 'Warranty',
    width: 110,
    render: (a) =>
      a.underWarranty === null ? (
        '—'
      ) : a.underWarranty ? (
        `until ${a.warrantyEnd}`
      ) : (
        <Text span size="sm" c="red.8">
          expired
        </Text>
      ),
  },
];

export function AssetsPage() {
  const me = useMe();
  const state = useListState(FILTERS, { sort: 'tag', order: 'asc' });
  const list = useAssetList({ state: state.filters.state, q: state.filters.q || undefined });
  return (
    <ListPage
      title="Assets"
      description="IT assets from order to disposal: who has them, where they are and what they are worth."
      actions={
        cmdbAreas(me).manage && (
          <CreateButton
            label="Register asset"
            title="Register an asset"
            size="xl"
            useCreate={assets.useCreate}
            empty={emptyAsset}
            toBody={(d) => ({ ...assetBody(d), state: d.state })}
            validate={validateAsset}
            created={(a) => `${a.assetTag} registered`}
            pathOf={(a) => assetPath(a.assetTag)}
            submitLabel="Register asset"
            errorTitle="Not registered"
          >
            {(form) => (
              <>
                <Select
                  label="Initial state"
                  allowDeselect={false}
                  data={ASSET_STATES.filter((s) => s !== 'disposed').map((s) => ({
                    value: s,
                    label: ASSET_STATE_LABELS[s],
                  }))}
                  w={220}
                  {...form.choice('state', { fallback: 'in_stock' })}
                />
                <AssetFields form={form} withAssignment />
              </>
            )}
          </CreateButton>
        )
      }
      listKey="cmdb-assets"
      noun={['asset', 'assets']}
      columns={COLUMNS}
      list={list}
      state={state}
      rowHref={(a) => assetPath(a.assetTag)}
      rowLabel={(a) => a.assetTag}
      search="Tag, serial or name"
      fields={[{ name: 'state', label: 'State', data: optionsOf(ASSET_STATES, ASSET_STATE_LABELS) }]}
    />
  );
}
