/** The "Reporting" section of the workspace navigation: dashboards, the KPI library, reports and the improvement register. */
import {
  IconBulb,
  IconChartBar,
  IconClockHour4,
  IconFileAnalytics,
  IconLayoutDashboard,
  IconMailForward,
  IconReportAnalytics,
} from '@tabler/icons-react';
import { fixedNavSection } from '../../kit/nav/fixedNavSection.tsx';
import { isAtOrBelow } from '../../kit/nav/NavSection.tsx';

export const ReportNavSection = fixedNavSection('Reporting', [
  {
    to: '/dashboard',
    label: 'Dashboard',
    icon: <IconLayoutDashboard size={18} />,
    active: (p) => isAtOrBelow(p, '/dashboard'),
  },
  {
    to: '/reports',
    label: 'KPI library',
    icon: <IconChartBar size={18} />,
    active: (p) => p === '/reports' || isAtOrBelow(p, '/reports/kpis'),
  },
  { to: '/reports/sla-compliance', label: 'SLA compliance', icon: <IconReportAnalytics size={18} /> },
  { to: '/reports/service-review', label: 'Service review', icon: <IconFileAnalytics size={18} /> },
  { to: '/reports/time', label: 'Time report', icon: <IconClockHour4 size={18} /> },
  { to: '/reports/schedules', label: 'Scheduled reports', icon: <IconMailForward size={18} /> },
  {
    to: '/improvements?stateCategory=open',
    label: 'Improvement register',
    icon: <IconBulb size={18} />,
    active: (p) => isAtOrBelow(p, '/improvements'),
  },
  { to: '/reports/improvements', label: 'Improvement report', icon: <IconFileAnalytics size={18} /> },
]);
