/** Record hooks of the catalog: records may only be raised against live services. */
import { registerRecordHook } from '../records/index.ts';
import { assertServiceTakesRecords } from './service.ts';

export function registerCatalogHooks(): void {
  registerRecordHook(
    'catalog.live-service',
    async (event, ec) => {
      if (event.kind === 'created' && event.record.serviceId) {
        await assertServiceTakesRecords(ec.tx, event.record.serviceId);
      } else if (event.kind === 'updated' && event.record.serviceId) {
        // Only choosing a service is checked: records already raised keep a service that retires later.
        if (event.changes.some((c) => c.field === 'serviceId'))
          await assertServiceTakesRecords(ec.tx, event.record.serviceId);
      }
    },
    ['created', 'updated'],
    // A record raised without a service has nothing to check.
    async (_ctx, _cfg, _kind, subject) => Boolean(subject.serviceId),
  );
}
