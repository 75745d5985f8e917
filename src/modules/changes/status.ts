/**
 * Changes on the public status page: a change that is scheduled or being implemented shows as
 * planned maintenance on its service and the services its CIs support, and as "under maintenance"
 * while it runs. The public sees only "Planned maintenance", never the change's internal title.
 */

import { CHANGE_STATES } from '../../domain/changes/lifecycle.ts';
import { registerRecordHook } from '../records/index.ts';
import { registerStatusSource, statusSourceChanged } from '../status-page/index.ts';
import { listScheduledChanges } from './conflicts.ts';

/** How far back an implementation still running may have been planned to start. */
const LOOK_BACK_MS = 30 * 86_400_000;

export function registerChangeStatus(): void {
  registerStatusSource({
    key: 'changes',
    async items(ctx, window) {
      const now = ctx.clock.now();
      // A change being implemented is in progress whatever its plan said (it may have started
      // early or be overrunning): look back far enough to find it.
      const scheduled = await listScheduledChanges(
        ctx.db,
        { from: new Date(Math.min(window.from.getTime(), now.getTime()) - LOOK_BACK_MS), to: window.to },
        {},
      );
      return scheduled.flatMap((c) => {
        const running = c.state === CHANGE_STATES.implement;
        if (!running && (c.state !== CHANGE_STATES.scheduled || c.end <= window.from)) return [];
        return [
          {
            id: c.number,
            title: 'Planned maintenance',
            serviceIds: c.serviceIds,
            ciIds: c.ciIds,
            start: running && c.start > now ? now : c.start,
            end: running && c.end <= now ? null : c.end,
            impact: 'under_maintenance' as const,
          },
        ];
      });
    },
  });
  // A change moving on or rescheduled changes what the page shows: recompute it on commit.
  registerRecordHook(
    'changes.status-page',
    async (_event, ec) => statusSourceChanged(ec.ctx, ec.tx),
    ['updated', 'transitioned'],
    async (_ctx, cfg) => cfg.type === 'change',
  );
}
