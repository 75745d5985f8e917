/** The "Service levels" section of the workspace navigation: services, agreements, calendars. */
import { IconBuildingStore, IconCalendarTime, IconFileCertificate } from '@tabler/icons-react';
import { NavSection } from '../../kit/nav/NavSection.tsx';

export function ServiceLevelNavSection({ pathname }: { pathname: string }) {
  return (
    <NavSection
      title="Service levels"
      pathname={pathname}
      items={[
        { to: '/services', label: 'Services', icon: <IconBuildingStore size={18} /> },
        { to: '/service-levels/agreements', label: 'Agreements', icon: <IconFileCertificate size={18} /> },
        {
          to: '/service-levels/calendars',
          label: 'Business calendars',
          icon: <IconCalendarTime size={18} />,
        },
      ]}
    />
  );
}
