/** The "Change schedule" section of the workspace navigation: the calendar and the windows. */
import { IconCalendarEvent, IconCalendarTime } from '@tabler/icons-react';
import { isAtOrBelow, NavSection } from '../../kit/nav/NavSection.tsx';

export function ScheduleNavSection({ pathname }: { pathname: string }) {
  return (
    <NavSection
      title="Change schedule"
      pathname={pathname}
      items={[
        { to: '/change-calendar', label: 'Change calendar', icon: <IconCalendarEvent size={18} /> },
        {
          to: '/change-windows',
          label: 'Maintenance and freezes',
          icon: <IconCalendarTime size={18} />,
          active: (p) => isAtOrBelow(p, '/change-windows'),
        },
      ]}
    />
  );
}
