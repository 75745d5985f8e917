/**
 * The record events people hear of: a record opened, assigned (assignee or group changed), and
 * commented (public comments and internal notes are separate events; internal notes never reach
 * requesters). State changes go through the lifecycle's notify effects (transition-effects.ts).
 */
import { registerCommentHook, registerRecordHook } from '../records/index.ts';
import { mayNotifyOnCreate, notifyEvent } from './dispatch.ts';

export function registerRecordNotificationHooks(): void {
  registerRecordHook(
    'notify.record-events',
    async (event, ec) => {
      const base = { record: event.record, actorId: ec.actorId, at: ec.at };
      if (event.kind === 'created') {
        await notifyEvent(ec.ctx, ec.tx, {
          ...base,
          event: 'record.created',
          vars: { description: event.record.description },
        });
      } else if (event.kind === 'updated') {
        const moved = event.changes.filter((c) => c.field === 'assigneeId' || c.field === 'groupId');
        if (moved.length === 0) return;
        await notifyEvent(ec.ctx, ec.tx, { ...base, event: 'record.assigned' });
      }
    },
    ['created', 'updated'],
    // A record opened by its requester with nobody else on it tells nobody: its create needs no
    // transaction on this hook's account.
    async (ctx, _cfg, kind, subject) =>
      kind !== 'created' || mayNotifyOnCreate(ctx, 'record.created', subject),
  );
  registerCommentHook('notify.comments', async (e) => {
    await notifyEvent(e.ctx, e.tx, {
      event: e.comment.visibility === 'internal' ? 'record.commented_internal' : 'record.commented',
      record: e.record,
      actorId: e.actorId,
      at: e.at,
      vars: { comment: e.comment.body },
    });
  });
}
