/** Reporting pages in the agent workspace (called, not rendered): dashboards, the KPI library, one KPI. */
import { Route } from 'react-router-dom';
import { lazyPage } from '../../kit/nav/lazyPage.ts';

const DashboardPage = lazyPage(() => import('./DashboardPage.tsx'), 'DashboardPage');
const KpiLibraryPage = lazyPage(() => import('./KpiLibraryPage.tsx'), 'KpiLibraryPage');
const KpiPage = lazyPage(() => import('./KpiPage.tsx'), 'KpiPage');
const SlaCompliancePage = lazyPage(() => import('./ReportDocuments.tsx'), 'SlaCompliancePage');
const ServiceReviewPage = lazyPage(() => import('./ReportDocuments.tsx'), 'ServiceReviewPage');
const SchedulesPage = lazyPage(() => import('./SchedulesPage.tsx'), 'SchedulesPage');
const TimeReportPage = lazyPage(() => import('./TimeReportPage.tsx'), 'TimeReportPage');

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
