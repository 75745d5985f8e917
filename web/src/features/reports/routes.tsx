/** Reporting pages in the agent workspace (called, not rendered): dashboards, the KPI library, one KPI. */
import { type ComponentType, lazy } from 'react';
import { Route } from 'react-router-dom';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const DashboardPage = page(() => import('./DashboardPage.tsx'), 'DashboardPage');
const KpiLibraryPage = page(() => import('./KpiLibraryPage.tsx'), 'KpiLibraryPage');
const KpiPage = page(() => import('./KpiPage.tsx'), 'KpiPage');
const SlaCompliancePage = page(() => import('./ReportDocuments.tsx'), 'SlaCompliancePage');
const ServiceReviewPage = page(() => import('./ReportDocuments.tsx'), 'ServiceReviewPage');
const SchedulesPage = page(() => import('./SchedulesPage.tsx'), 'SchedulesPage');
const TimeReportPage = page(() => import('./TimeReportPage.tsx'), 'TimeReportPage');

export function reportRoutes() {
  return (
    <>
      <Route path="dashboard" element={<DashboardPage />} />
      <Route path="dashboard/:board" element={<DashboardPage />} />
      <Route path="reports" element={<KpiLibraryPage />} />
      <Route path="reports/kpis/:key" element={<KpiPage />} />
      <Route path="reports/sla-compliance" element={<SlaCompliancePage />} />
      <Route path="reports/service-review" element={<ServiceReviewPage />} />
      <Route path="reports/schedules" element={<SchedulesPage />} />
      <Route path="reports/time" element={<TimeReportPage />} />
    </>
  );
}
