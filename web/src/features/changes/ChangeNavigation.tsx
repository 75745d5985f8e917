/** The "Changes" section of the workspace navigation: the queue, a new change, the CAB agenda and boards, templates, the questionnaire. */
import {
  IconFileCheck,
  IconGavel,
  IconGitPullRequest,
  IconListCheck,
  IconPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { isAtOrBelow, NavSection } from '../../kit/nav/NavSection.tsx';
import { recordTypes } from '../../records/registry.ts';

const changes = recordTypes.change;

export function ChangeNavSection({ pathname }: { pathname: string }) {
  const newPath = changes.newPath ?? '/changes/new';
  return (
    <NavSection
      title="Changes"
      pathname={pathname}
      items={[
        {
          to: changes.listPath,
          label: 'All changes',
          icon: <IconGitPullRequest size={18} />,
          active: (p) => isAtOrBelow(p, '/changes') && p !== newPath,
        },
        { to: newPath, label: 'New change', icon: <IconPlus size={18} />, active: (p) => p === newPath },
        { to: '/cab', label: 'CAB agenda', icon: <IconGavel size={18} /> },
        { to: '/cab-boards', label: 'CAB boards', icon: <IconUsersGroup size={18} /> },
        { to: '/change-templates', label: 'Standard templates', icon: <IconFileCheck size={18} /> },
        { to: '/change-risk', label: 'Risk questionnaire', icon: <IconListCheck size={18} /> },
      ]}
    />
  );
}
