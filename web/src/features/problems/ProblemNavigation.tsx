/** The "Problems" section of the workspace navigation: the queue, a new problem, the known-error database. */
import { IconBook2 } from '@tabler/icons-react';
import { NavSection } from '../../kit/nav/NavSection.tsx';
import { recordQueueEntries } from '../../kit/nav/recordQueueEntries.tsx';
import { recordTypes } from '../../records/registry.ts';

export function ProblemNavSection({ pathname }: { pathname: string }) {
  return (
    <NavSection
      title="Problems"
      pathname={pathname}
      items={[
        ...recordQueueEntries(recordTypes.problem),
        { to: '/known-errors', label: 'Known errors', icon: <IconBook2 size={18} /> },
      ]}
    />
  );
}
