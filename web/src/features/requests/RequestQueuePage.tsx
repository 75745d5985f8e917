/** The service request queue for agents. */
import { Button } from '@mantine/core';
import { IconShoppingCart } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useRequestLifecycle, useRequestList } from '../../api/queries/requests.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  hasFilters,
  RecordFilterBar,
  RecordQueueBody,
  useListQuery,
  useRecordFilters,
} from './RecordQueue.tsx';

export function RequestQueuePage() {
  const { filters, update } = useRecordFilters();
  const list = useRequestList(useListQuery(filters));
  const lifecycle = useRequestLifecycle('request');
  const states = (lifecycle.data?.lifecycle.states ?? []).map((s) => ({ value: s.key, label: s.label }));
  return (
    <>
      <PageHeader
        title={filters.assigneeId === 'me' ? 'My requests to coordinate' : 'Service requests'}
        description={filters.q ? `Matching “${filters.q}”` : 'Newest first.'}
        actions={
          <Button component={Link} to="/catalog" leftSection={<IconShoppingCart size={16} />}>
            Order from the catalog
          </Button>
        }
      />
      <RecordFilterBar filters={filters} onChange={update} states={states} />
      <RecordQueueBody
        list={list}
        linkTo={(n) => `/requests/${n}`}
        label="Service requests"
        noun={['request', 'requests']}
        filtered={hasFilters(filters)}
      />
    </>
  );
}
