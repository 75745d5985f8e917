/** The "Changes" section of the workspace navigation: the queue, a new change, the CAB agenda and boards, templates, the questionnaire. */
import { IconFileCheck, IconGavel, IconListCheck, IconUsersGroup } from '@tabler/icons-react';
import { fixedNavSection } from '../../kit/nav/fixedNavSection.tsx';
import { recordQueueEntries } from '../../kit/nav/recordQueueEntries.tsx';
import { recordTypes } from '../../records/registry.ts';

export const ChangeNavSection = fixedNavSection('Changes', [
  ...recordQueueEntries(recordTypes.change),
  { to: '/cab', label: 'CAB agenda', icon: <IconGavel size={18} /> },
  { to: '/cab-boards', label: 'CAB boards', icon: <IconUsersGroup size={18} /> },
  { to: '/change-templates', label: 'Standard templates', icon: <IconFileCheck size={18} /> },
  { to: '/change-risk', label: 'Risk questionnaire', icon: <IconListCheck size={18} /> },
]);
