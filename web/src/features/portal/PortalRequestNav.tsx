/** The portal's top-bar entries for the service catalog and the approvals inbox. */
import { Badge, Button } from '@mantine/core';
import { Link } from 'react-router-dom';
import { usePendingApprovals } from '../../api/queries/requests.ts';

export function PortalRequestNav({ pathname }: { pathname: string }) {
  const pending = usePendingApprovals();
  const waiting = pending.data?.items.length ?? 0;
  const catalog = pathname.startsWith('/portal/catalog');
  const approvals = pathname === '/approvals';
  return (
    <>
      <Button
        component={Link}
        to="/portal/catalog"
        variant={catalog ? 'light' : 'subtle'}
        aria-current={catalog ? 'page' : undefined}
      >
        Catalog
      </Button>
      <Button
        component={Link}
        to="/approvals"
        variant={approvals ? 'light' : 'subtle'}
        aria-current={approvals ? 'page' : undefined}
        rightSection={
          waiting > 0 ? (
            <Badge size="sm" variant="filled" circle aria-label={`${waiting} waiting`}>
              {waiting}
            </Badge>
          ) : undefined
        }
      >
        Approvals
      </Button>
    </>
  );
}
