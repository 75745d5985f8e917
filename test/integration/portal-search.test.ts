/** The portal's search: catalog items a requester can order and their own records, never someone else's. */
import { describe, expect, it } from 'vitest';
import { buildIncident, setupTestEnv } from '../support/app.ts';
import { buildCatalogItem, buildService } from '../support/requests.ts';

const t = setupTestEnv({ manager: ['service_manager'], rita: ['requester'], bob: ['requester'] });

describe('portal search', () => {
  it("finds catalog items and the requester's own records", async () => {
    const service = await buildService(t.env);
    await buildCatalogItem(t.manager, service, { name: 'Docking station' });
    await buildIncident(t.rita, { title: 'Docking station flickers' });
    await buildIncident(t.bob, { title: 'Docking station missing' });
    const res = await t.rita.get('/api/v1/search?q=docking');
    expect(res.statusCode).toBe(200);
    const hits = res.json().items as { kind: string; name?: string; title?: string; serviceName?: string }[];
    expect(hits.filter((h) => h.kind === 'catalog_item').map((h) => h.name)).toEqual(['Docking station']);
    expect(hits.filter((h) => h.kind === 'record').map((h) => h.title)).toEqual(['Docking station flickers']);
    expect(hits.find((h) => h.kind === 'catalog_item')?.serviceName).toBeTruthy();
  });
});
