/** The "Problems" section of the workspace navigation: the queue, a new problem, the known-error database. */
import { IconBook2, IconBug, IconPlus } from '@tabler/icons-react';
import { isAtOrBelow, NavSection } from '../../kit/nav/NavSection.tsx';
import { recordTypes } from '../../records/registry.ts';

const problems = recordTypes.problem;

export function ProblemNavSection({ pathname }: { pathname: string }) {
  const newPath = problems.newPath ?? '/problems/new';
  return (
    <NavSection
      title="Problems"
      pathname={pathname}
      items={[
        {
          to: problems.listPath,
          label: 'All problems',
          icon: <IconBug size={18} />,
          active: (p) => isAtOrBelow(p, '/problems') && p !== newPath,
        },
        { to: newPath, label: 'New problem', icon: <IconPlus size={18} />, active: (p) => p === newPath },
        { to: '/known-errors', label: 'Known errors', icon: <IconBook2 size={18} /> },
      ]}
    />
  );
}
