/**
 * Changes on the public status page: a change that is scheduled or being implemented shows as
 * planned maintenance on its service and the services its CIs support, and as "under maintenance"
 * while it runs. The public sees only "Planned maintenance", never the change's internal title.
 */

import { CHANGE_STATES } from '../../domain/changes/lifecycle.ts';
import { registerRecordHook } from '../records/index.ts';
import { registerStatusSource, statusSourceChanged } from '../status-page/index.ts';
import { listScheduledChanges } from './conflicts.ts';

const SHOWN = new Set<string>([CHANGE_STATES.scheduled, CHANGE_STATES.implement]);

export function registerChangeStatus(): void {
  registerStatusSource({
    key: 'changes',
    async items(ctx, window) {
      const scheduled = await listScheduledChanges(ctx.db, window, {});
      return scheduled
        .filter((c) => SHOWN.has(c.state))
        .map((c) => ({
          id: c.number,
          title: 'Planned maintenance',
          serviceIds: c.serviceIds,
          ciIds: c.ciIds,
          start: c.start,
          end: c.end,
          impact: 'under_maintenance' as const,
        }));
    },
  });
  // A change moving on or rescheduled changes what the page shows: recompute it on commit.
  registerRecordHook(
    'changes.status-page',
    async (_event, ec) => statusSourceChanged(ec.tx),
    ['updated', 'transitioned'],
    async (_ctx, cfg) => cfg.type === 'change',
  );
}
