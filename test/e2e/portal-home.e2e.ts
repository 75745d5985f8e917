/**
 * The portal's home for a requester, on a desktop and on a 390 px phone: an announcement meant
 * for them (dismissible), search that finds a catalog item and their own incident, the services'
 * status, and nothing wider than the screen.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { hidden, signIn, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

type Doc = { document: { documentElement: { scrollWidth: number } } };

describe('portal home', () => {
  const run = useBrowserRun();
  let rita: UserInfo;
  const id = unique();

  beforeAll(async () => {
    rita = await run.admin.createPerson('Rita Requester', ['requester'], id);
    const service = await run.admin.createService({ name: `Laptops ${id}` });
    await run.admin.createCatalogItem({
      serviceId: service.id,
      name: `Docking station ${id}`,
      description: 'USB-C dock',
    });
    await run.admin.call('PUT', `/status-page/services/${service.id}`, {});
    await run.admin.call('POST', '/announcements', {
      title: `Office closed on Friday ${id}`,
      body: 'The building is closed for maintenance.',
      audience: 'everyone',
      severity: 'warning',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const session = await run.apiAs(rita.email);
    await session.createIncident({ title: `Docking station flickers ${id}` });
  });

  const open = async (width: number): Promise<{ page: Page; errors: string[] }> => {
    const { page, errors } = await run.newPerson(width);
    await signIn(page, rita.email, PASSWORD);
    await page.waitForURL('**/portal');
    return { page, errors };
  };

  for (const width of [1440, 390])
    it(`searches, shows the service status and the announcement at ${width} px`, async () => {
      const { page, errors } = await open(width);
      await visible(page.getByRole('heading', { name: 'My incidents and requests', level: 1 }));
      await visible(page.getByRole('region', { name: 'Service status' }).getByText(`Laptops ${id}`));
      await page.getByRole('searchbox', { name: 'What do you need?' }).fill('Docking');
      const results = page.getByRole('list', { name: 'Search results' });
      await visible(results.getByRole('link', { name: `Docking station ${id}` }));
      await visible(results.getByRole('link', { name: `Docking station flickers ${id}` }));
      if (width === 390)
        expect(
          await page.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth),
        ).toBeLessThanOrEqual(390);
      await visible(page.getByText(`Office closed on Friday ${id}`));
      expect(await seriousA11yProblems(page)).toEqual([]);
      if (width === 390) {
        await page.getByRole('button', { name: `Dismiss “Office closed on Friday ${id}”` }).click();
        await hidden(page.getByText(`Office closed on Friday ${id}`));
        await page.reload();
        await visible(page.getByRole('heading', { name: 'My incidents and requests', level: 1 }));
        expect(await page.getByText(`Office closed on Friday ${id}`).count()).toBe(0);
      } else {
        await results.getByRole('link', { name: `Docking station ${id}` }).click();
        await page.waitForURL(/\/portal\/catalog\//);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
});
