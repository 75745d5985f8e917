/** The CMDB's pages in the agent workspace, each loaded on first visit. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';

const CiListPage = lazyPage(() => import('./CiListPage.tsx'), 'CiListPage');
const CiNewPage = lazyPage(() => import('./CiNewPage.tsx'), 'CiNewPage');
const CiPage = lazyPage(() => import('./CiPage.tsx'), 'CiPage');
const ClassesPage = lazyPage(() => import('./ClassesPage.tsx'), 'ClassesPage');
const AssetsPage = lazyPage(() => import('./AssetsPage.tsx'), 'AssetsPage');
const AssetPage = lazyPage(() => import('./AssetPage.tsx'), 'AssetPage');
const ContractsPage = lazyPage(() => import('./ContractsPage.tsx'), 'ContractsPage');
const ContractPage = lazyPage(() => import('./ContractPage.tsx'), 'ContractPage');
const LicencesPage = lazyPage(() => import('./LicencesPage.tsx'), 'LicencesPage');
const LicencePage = lazyPage(() => import('./LicencePage.tsx'), 'LicencePage');
const ImportPage = lazyPage(() => import('./ImportPage.tsx'), 'ImportPage');

/** Route elements for inside the agent-only branch of the route map (called, not rendered). */
export function cmdbRoutes() {
  return (
    <Route path="cmdb">
      <Route path="cis" element={<CiListPage />} />
      <Route path="cis/new" element={<CiNewPage />} />
      <Route path="cis/:id" element={<CiPage />} />
      <Route path="classes" element={<ClassesPage />} />
      <Route path="assets" element={<AssetsPage />} />
      <Route path="assets/:ref" element={<AssetPage />} />
      <Route path="contracts" element={<ContractsPage />} />
      <Route path="contracts/:id" element={<ContractPage />} />
      <Route path="licences" element={<LicencesPage />} />
      <Route path="licences/:id" element={<LicencePage />} />
      <Route path="import" element={<ImportPage />} />
    </Route>
  );
}
