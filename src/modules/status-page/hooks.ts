/**
 * Incident changes reach the status page: an incident moving (resolved, reopened) or changing
 * (service, priority) may start or end an outage, so any such event drops every instance's
 * cached page once the changing transaction commits. Recomputing is on the next read.
 */
import { registerRecordHook } from '../records/index.ts';
import { statusSourceChanged } from './sources.ts';

export function registerStatusPageHooks(): void {
  registerRecordHook(
    'status-page.incident-changed',
    async (_event, ec) => {
      if (ec.cfg.type !== 'incident') return;
      await statusSourceChanged(ec.ctx, ec.tx);
    },
    ['updated', 'transitioned'],
  );
}
