/** Service request pages: portal, workspace, approvals and catalog administration (called, not rendered). */
import { Outlet, Route } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { Forbidden } from '../../components/States.tsx';
import { lazyPage } from '../../kit/nav/lazyPage.ts';
import { canManageCatalog } from '../../lib/faces.ts';
import { recordTypes } from '../../records/registry.ts';
import { recordTypeRoutes } from '../../records/routes.tsx';
import { PortalRequestRoutes, StaffRequestRoutes } from './guards.tsx';

const CatalogPage = lazyPage(() => import('../catalog/CatalogPage.tsx'), 'CatalogPage');
const OrderItemPage = lazyPage(() => import('../catalog/OrderItemPage.tsx'), 'OrderItemPage');
const CatalogItemsAdminPage = lazyPage(
  () => import('../catalog/CatalogItemsAdminPage.tsx'),
  'CatalogItemsAdminPage',
);
const CatalogItemEditPage = lazyPage(
  () => import('../catalog/CatalogItemEditPage.tsx'),
  'CatalogItemEditPage',
);
const RequestQueuePage = lazyPage(() => import('./RequestQueuePage.tsx'), 'RequestQueuePage');
const TaskQueuePage = lazyPage(() => import('./TaskQueuePage.tsx'), 'TaskQueuePage');
const ApprovalsPage = lazyPage(() => import('../approvals/ApprovalsPage.tsx'), 'ApprovalsPage');

const PortalRequestPage = recordTypes.request.pages.portalRecord;

function CatalogAdminGuard() {
  return canManageCatalog(useMe()) ? <Outlet /> : <Forbidden what="catalog administration" />;
}

/** For inside the face shell, outside the agent-only and portal-only branches. */
export function requestRoutes() {
  return (
    <>
      <Route element={<StaffRequestRoutes />}>
        {recordTypeRoutes('request', RequestQueuePage)}
        {recordTypeRoutes('request_task', TaskQueuePage)}
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="catalog/:itemId" element={<OrderItemPage />} />
        <Route path="admin/catalog-items" element={<CatalogAdminGuard />}>
          <Route index element={<CatalogItemsAdminPage />} />
          <Route path=":id" element={<CatalogItemEditPage />} />
        </Route>
      </Route>
      <Route path="portal" element={<PortalRequestRoutes />}>
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="catalog/:itemId" element={<OrderItemPage />} />
        {PortalRequestPage && <Route path="requests/:ref" element={<PortalRequestPage />} />}
      </Route>
      <Route path="approvals" element={<ApprovalsPage />} />
    </>
  );
}
