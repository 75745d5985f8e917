/** The "Knowledge" section of the workspace navigation. */
import { IconBooks, IconCategory, IconChecklist, IconPlus } from '@tabler/icons-react';
import { fixedNavSection } from '../../kit/nav/fixedNavSection.tsx';
import { isAtOrBelow } from '../../kit/nav/NavSection.tsx';

const SUBPAGES = ['/knowledge/new', '/knowledge/review', '/knowledge/categories'];

export const KnowledgeNavSection = fixedNavSection('Knowledge', [
  {
    to: '/knowledge',
    label: 'Knowledge base',
    icon: <IconBooks size={18} />,
    active: (p) => isAtOrBelow(p, '/knowledge') && !SUBPAGES.includes(p),
  },
  { to: '/knowledge/new', label: 'New article', icon: <IconPlus size={18} /> },
  { to: '/knowledge/review', label: 'Review queue', icon: <IconChecklist size={18} /> },
  { to: '/knowledge/categories', label: 'Categories', icon: <IconCategory size={18} /> },
]);
