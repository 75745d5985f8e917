/**
 * The record page's keys: c comment, a assign to me, e edit the fields, t change the state. They
 * join the workspace's "?" help dialog while the page is open.
 */
import { useShortcuts } from '../shortcuts.tsx';
import { COMMENT_BOX_ID } from './CommentBox.tsx';
import { TRANSITIONS_ID } from './TransitionBar.tsx';

/** The id of the first editable field of a record page (where "e" puts the cursor). */
export const EDIT_FIELD_ID = 'record-edit';

function focus(el: HTMLElement | null | undefined) {
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

const byId = (id: string) => document.getElementById(id);

export function useRecordShortcuts({ assignToMe }: { assignToMe: (() => void) | null }) {
  useShortcuts('On a record', [
    { keys: 'c', label: 'Write a comment', run: () => focus(byId(COMMENT_BOX_ID)) },
    ...(assignToMe ? [{ keys: 'a', label: 'Assign to me', run: assignToMe }] : []),
    {
      keys: 'e',
      label: 'Edit the fields',
      run: () => {
        const el = byId(EDIT_FIELD_ID);
        if (el && !el.hasAttribute('readonly') && !el.hasAttribute('disabled')) focus(el);
      },
    },
    {
      keys: 't',
      label: 'Change the state (lifecycle buttons)',
      run: () => focus(byId(TRANSITIONS_ID)?.querySelector<HTMLElement>('button:not(:disabled)')),
    },
  ]);
}
