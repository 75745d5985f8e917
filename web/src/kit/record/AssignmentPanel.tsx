/**
 * Who works a record: its group and assignee, saved as a minimal patch with If-Match. A record
 * changed by someone else meanwhile is followed, or flagged with a reload that keeps the choice.
 */
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { PersonRef } from '../../api/types.ts';
import { GroupSelect, MemberSelect } from '../../components/Pickers.tsx';
import { ErrorAlert } from '../../components/States.tsx';
import { RecordPanel } from './RecordPanel.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import type { RecordView } from './types.ts';
import { useRecordDraft } from './useRecordDraft.ts';
import { EDIT_FIELD_ID } from './useRecordShortcuts.ts';

type Draft = { groupId: string | null; assignee: PersonRef | null };
const draftOf = (r: RecordView): Draft => ({ groupId: r.group?.id ?? null, assignee: r.assignee });

export type AssignmentPatch = { groupId?: string | null; assigneeId?: string | null };

export type AssignmentSave = {
  mutate: (patch: AssignmentPatch, opts: { onSuccess: (r: RecordView) => void }) => void;
  isPending: boolean;
  error: unknown;
  reset: () => void;
};

export function AssignmentPanel<R extends RecordView>({
  rec,
  title,
  noun,
  labels,
  save,
  reload,
  groupRequired = false,
  children,
}: {
  rec: R;
  title: string;
  noun: string;
  labels: { group: string; assignee: string };
  save: AssignmentSave;
  reload: () => Promise<R | undefined>;
  /** The record must keep a group (it can move, not be cleared). */
  groupRequired?: boolean;
  /** Facts shown above the fields. */
  children?: ReactNode;
}) {
  const form = useRecordDraft<R, Draft>(rec, draftOf, save, reload);
  const canAssign = rec.allowedActions.includes('assign');
  const open = rec.stateCategory !== 'closed' && rec.stateCategory !== 'resolved';
  const editable = canAssign && open;
  const patch: AssignmentPatch = {};
  if (form.draft.groupId !== form.base.groupId) patch.groupId = form.draft.groupId;
  if (form.draft.assignee?.id !== form.base.assignee?.id) patch.assigneeId = form.draft.assignee?.id ?? null;
  const dirty = Object.keys(patch).length > 0;
  const id = `${noun}-assignment-title`;

  return (
    <RecordPanel id={id} title={title}>
      <Stack gap="sm">
        {children}
        {form.stale && <StaleNotice number={rec.number} noun={noun} onReload={form.reloadKeepingDraft} />}
        <GroupSelect
          id={EDIT_FIELD_ID}
          label={labels.group}
          placeholder="No group"
          value={form.draft.groupId}
          onChange={(v) => form.update(() => ({ groupId: v, assignee: null }))}
          disabled={!editable}
          clearable={!groupRequired}
        />
        <MemberSelect
          label={labels.assignee}
          placeholder="Unassigned"
          groupId={form.draft.groupId}
          value={form.draft.assignee}
          onChange={(p) => form.set('assignee', p)}
          disabled={!editable}
        />
        {!form.stale && <ErrorAlert error={save.error} title="The change was not saved" />}
        {editable && (
          <Group justify="flex-end" gap="xs">
            {dirty && (
              <Button variant="default" onClick={form.discard} disabled={save.isPending}>
                Discard
              </Button>
            )}
            <Button
              disabled={!dirty || form.stale}
              loading={save.isPending}
              onClick={() =>
                save.mutate(patch, {
                  onSuccess: (r) => {
                    form.saved(r);
                    notifications.show({ color: 'teal', message: `${r.number} saved` });
                  },
                })
              }
            >
              Save
            </Button>
          </Group>
        )}
      </Stack>
    </RecordPanel>
  );
}
