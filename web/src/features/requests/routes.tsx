/** Service request pages: portal, workspace, approvals and catalog administration (called, not rendered). */
import { type ComponentType, lazy } from 'react';
import { Outlet, Route } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { Forbidden } from '../../components/States.tsx';
import { canManageCatalog } from '../../lib/faces.ts';
import { PortalRequestRoutes, StaffRequestRoutes } from './guards.tsx';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const CatalogPage = page(() => import('../catalog/CatalogPage.tsx'), 'CatalogPage');
const OrderItemPage = page(() => import('../catalog/OrderItemPage.tsx'), 'OrderItemPage');
const CatalogItemsAdminPage = page(
  () => import('../catalog/CatalogItemsAdminPage.tsx'),
  'CatalogItemsAdminPage',
);
const CatalogItemEditPage = page(() => import('../catalog/CatalogItemEditPage.tsx'), 'CatalogItemEditPage');
const PortalRequestPage = page(() => import('../portal/PortalRequestPage.tsx'), 'PortalRequestPage');
const RequestQueuePage = page(() => import('./RequestQueuePage.tsx'), 'RequestQueuePage');
const RequestPage = page(() => import('./RequestPage.tsx'), 'RequestPage');
const TaskQueuePage = page(() => import('./TaskQueuePage.tsx'), 'TaskQueuePage');
const TaskPage = page(() => import('./TaskPage.tsx'), 'TaskPage');
const ApprovalsPage = page(() => import('../approvals/ApprovalsPage.tsx'), 'ApprovalsPage');

function CatalogAdminGuard() {
  return canManageCatalog(useMe()) ? <Outlet /> : <Forbidden what="catalog administration" />;
}

/** For inside the face shell, outside the agent-only and portal-only branches. */
export function requestRoutes() {
  return (
    <>
      <Route element={<StaffRequestRoutes />}>
        <Route path="requests" element={<RequestQueuePage />} />
        <Route path="requests/:ref" element={<RequestPage />} />
        <Route path="tasks" element={<TaskQueuePage />} />
        <Route path="tasks/:ref" element={<TaskPage />} />
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
        <Route path="requests/:ref" element={<PortalRequestPage />} />
      </Route>
      <Route path="approvals" element={<ApprovalsPage />} />
    </>
  );
}
