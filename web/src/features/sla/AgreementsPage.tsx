/** SLAs, OLAs and underpinning contracts, every version, filtered by kind, status and name. */
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { AGREEMENT_KINDS, type AgreementKind, useAgreementList } from '../../api/queries/serviceLevels.ts';
import { ListPage } from '../../kit/list/ListPage.tsx';
import { useListState } from '../../kit/list/listState.ts';
import { optionsOf } from '../../lib/labels.ts';
import { AGREEMENT_COLUMNS, agreementHref } from './AgreementTable.tsx';
import { KIND_LABELS } from './labels.ts';
import { useCanManageServiceLevels } from './permissions.ts';

const FILTERS = { q: 'text', kind: 'one', status: 'one' } as const;
const STATUSES = [
  { value: 'draft', label: 'Draft' },
  { value: 'agreed', label: 'Agreed' },
];

function NewAgreementMenu() {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button leftSection={<IconPlus size={16} />} rightSection={<IconChevronDown size={14} />}>
          New agreement
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {AGREEMENT_KINDS.map((k) => (
          <Menu.Item key={k} component={Link} to={`/service-levels/agreements/new?kind=${k}`}>
            {KIND_LABELS[k]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export function AgreementsPage() {
  const canManage = useCanManageServiceLevels();
  const state = useListState(FILTERS, { sort: 'name', order: 'asc' });
  const { q, kind, status } = state.filters;
  const list = useAgreementList({
    kind: (AGREEMENT_KINDS as readonly string[]).includes(kind) ? (kind as AgreementKind) : undefined,
    status: status === 'draft' || status === 'agreed' ? status : undefined,
    q: q.trim() || undefined,
  });
  return (
    <ListPage
      title="Agreements"
      description="Service level agreements with customers, operational level agreements with support groups, and underpinning contracts with suppliers."
      actions={canManage && <NewAgreementMenu />}
      listKey="service-level-agreements"
      noun={['agreement', 'agreements']}
      columns={AGREEMENT_COLUMNS}
      list={list}
      state={state}
      rowHref={agreementHref}
      rowLabel={(a) => `${a.name} v${a.versionNumber}`}
      search="Name"
      fields={[
        {
          name: 'kind',
          label: 'Kind',
          placeholder: 'Every kind',
          data: optionsOf(AGREEMENT_KINDS, KIND_LABELS),
        },
        { name: 'status', label: 'Status', placeholder: 'Any status', data: STATUSES },
      ]}
    />
  );
}
