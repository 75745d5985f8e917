/** The "Reporting" section of the workspace navigation: dashboards and the KPI library. */
import { IconChartBar, IconLayoutDashboard } from '@tabler/icons-react';
import { isAtOrBelow, NavSection } from '../../kit/nav/NavSection.tsx';

export function ReportNavSection({ pathname }: { pathname: string }) {
  return (
    <NavSection
      title="Reporting"
      pathname={pathname}
      items={[
        {
          to: '/dashboard',
          label: 'Dashboard',
          icon: <IconLayoutDashboard size={18} />,
          active: (p) => isAtOrBelow(p, '/dashboard'),
        },
        {
          to: '/reports',
          label: 'KPIs and reports',
          icon: <IconChartBar size={18} />,
          active: (p) => isAtOrBelow(p, '/reports'),
        },
      ]}
    />
  );
}
