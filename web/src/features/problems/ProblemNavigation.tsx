/** The "Problems" section of the workspace navigation: the queue, a new problem, the known-error database. */
import { IconBook2 } from '@tabler/icons-react';
import { fixedNavSection } from '../../kit/nav/fixedNavSection.tsx';
import { recordQueueEntries } from '../../kit/nav/recordQueueEntries.tsx';
import { recordTypes } from '../../records/registry.ts';

export const ProblemNavSection = fixedNavSection('Problems', [
  ...recordQueueEntries(recordTypes.problem),
  { to: '/known-errors', label: 'Known errors', icon: <IconBook2 size={18} /> },
]);
