/**
 * "Assign to me": one click for the agent who takes a record. Offered while the record is open,
 * the user may assign it, is not already the assignee, and belongs to its group (or it has none:
 * then the user's only group, if they have exactly one, becomes the record's group too).
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCheck } from '@tabler/icons-react';
import type { User } from '../../api/types.ts';
import { useMe } from '../../auth/session.tsx';
import type { RecordView } from './types.ts';
import { whenStaleOrFailed } from './whenStale.ts';

export type AssignInput = { assigneeId: string; groupId?: string };

/** What "Assign to me" would send for this user, or null when it is not on offer. */
export function assignToMeInput(rec: RecordView, me: Pick<User, 'id' | 'groupIds'>): AssignInput | null {
  if (!rec.allowedActions.includes('assign')) return null;
  if (rec.stateCategory === 'resolved' || rec.stateCategory === 'closed') return null;
  if (rec.assignee?.id === me.id) return null;
  if (rec.group) return me.groupIds.includes(rec.group.id) ? { assigneeId: me.id } : null;
  const [only, ...more] = me.groupIds;
  return only && more.length === 0 ? { assigneeId: me.id, groupId: only } : { assigneeId: me.id };
}

export type AssignAction = { run: (input: AssignInput) => void; pending: boolean };

export function AssignToMeButton({ rec, assign }: { rec: RecordView; assign: AssignAction }) {
  const me = useMe();
  const input = assignToMeInput(rec, me);
  if (!input) return null;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconUserCheck size={14} />}
      loading={assign.pending}
      onClick={() => assign.run(input)}
    >
      Assign to me
    </Button>
  );
}

export type AssignSave = {
  mutate: (
    input: AssignInput,
    opts: { onSuccess: (r: RecordView) => void; onError: (e: Error) => void },
  ) => void;
  isPending: boolean;
};

/** A record type's update mutation that sends a patch with the version it was read at (If-Match). */
type VersionedUpdate = {
  mutate: (
    input: { patch: AssignInput; version: number },
    opts: { onSuccess: (r: RecordView) => void; onError: (e: Error) => void },
  ) => void;
  isPending: boolean;
};

/** "Assign to me" through a record type's update that takes a minimal patch with If-Match. */
export function assignByPatch(save: VersionedUpdate, rec: RecordView): AssignSave {
  return {
    isPending: save.isPending,
    mutate: (patch, opts) => save.mutate({ patch, version: rec.version }, opts),
  };
}

/** "Assign to me" through a record type's update mutation; a 412 goes to `onStale`. */
export function assignAction(save: AssignSave, onStale: () => void): AssignAction {
  return {
    pending: save.isPending,
    run: (input) =>
      save.mutate(input, {
        onSuccess: (r) => notifications.show({ color: 'teal', message: `${r.number} is assigned to you` }),
        onError: whenStaleOrFailed(onStale, 'Not assigned'),
      }),
  };
}
