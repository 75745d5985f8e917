/**
 * Keeping the working-time durations of met clocks exact: after the SLA module has moved a
 * record's clocks (its hook runs earlier in the same transaction), recompute the record's rows.
 */
import { registerRecordHook } from '../records/index.ts';
import { refreshClockDurations } from './durations.ts';

export function registerReportHooks(): void {
  registerRecordHook(
    'reports.clock-durations',
    async (event, ec) => {
      await refreshClockDurations(ec.tx, [event.record.id]);
    },
    ['updated', 'transitioned'],
  );
}
