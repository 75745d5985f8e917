/** The CMDB's pages in the agent workspace, each loaded on first visit. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const CiListPage = page(() => import('./CiListPage.tsx'), 'CiListPage');
const CiNewPage = page(() => import('./CiNewPage.tsx'), 'CiNewPage');
const CiPage = page(() => import('./CiPage.tsx'), 'CiPage');
const ClassesPage = page(() => import('./ClassesPage.tsx'), 'ClassesPage');
const AssetsPage = page(() => import('./AssetsPage.tsx'), 'AssetsPage');
const AssetPage = page(() => import('./AssetPage.tsx'), 'AssetPage');
const ContractsPage = page(() => import('./ContractsPage.tsx'), 'ContractsPage');
const ContractPage = page(() => import('./ContractPage.tsx'), 'ContractPage');
const LicencesPage = page(() => import('./LicencesPage.tsx'), 'LicencesPage');
const LicencePage = page(() => import('./LicencePage.tsx'), 'LicencePage');
const ImportPage = page(() => import('./ImportPage.tsx'), 'ImportPage');

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
