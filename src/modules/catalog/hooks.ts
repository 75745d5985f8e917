/** Record hooks of the catalog: records may only be raised against live services. */
import { registerRecordHook } from '../records/index.ts';
import { liveServiceIds } from './repository.ts';
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
    // A record raised without a service has nothing to check, nor one raised against a service
    // the cache knows to be live: the create then needs no transaction on the catalog's account.
    // Any other service is checked in the database, with the reason it takes no records.
    async (ctx, _cfg, kind, subject) =>
      Boolean(subject.serviceId) &&
      (kind !== 'created' || !(await liveServiceIds(ctx.configCache, ctx.db)).has(subject.serviceId!)),
  );
}
