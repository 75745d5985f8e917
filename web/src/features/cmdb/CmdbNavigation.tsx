/** The "Configuration" section of the workspace navigation: CIs, assets, contracts, licences, import, classes. */
import {
  IconBinaryTree,
  IconCertificate,
  IconFileImport,
  IconFileText,
  IconServer2,
  IconSitemap,
} from '@tabler/icons-react';
import { useMe } from '../../auth/session.tsx';
import { NavSection } from '../../kit/nav/NavSection.tsx';
import { cmdbAreas } from '../../lib/faces.ts';

export function CmdbNavSection({ pathname }: { pathname: string }) {
  const areas = cmdbAreas(useMe());
  if (!areas.browse) return null;
  return (
    <NavSection
      title="Configuration"
      pathname={pathname}
      items={[
        { to: '/cmdb/cis', label: 'Configuration items', icon: <IconSitemap size={18} /> },
        { to: '/cmdb/assets', label: 'Assets', icon: <IconServer2 size={18} /> },
        { to: '/cmdb/contracts', label: 'Contracts', icon: <IconFileText size={18} /> },
        { to: '/cmdb/licences', label: 'Licences', icon: <IconCertificate size={18} /> },
        { to: '/cmdb/import', label: 'Import', icon: <IconFileImport size={18} />, show: areas.manage },
        { to: '/cmdb/classes', label: 'CI classes', icon: <IconBinaryTree size={18} />, show: areas.classes },
      ]}
    />
  );
}
