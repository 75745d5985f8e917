/**
 * The change calendar in the browser: a change manager adds a freeze from the windows page (which
 * says how each window repeats in words), sees it and a weekly maintenance window in the month,
 * week and list views (titles whole, not cut), filters by service (the filter lands in the URL),
 * and makes a personal feed address that serves iCalendar without a session.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, fitsWidth, hidden, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('the change calendar shows windows and freezes, filtered, and offers a feed', () => {
  const run = useBrowserRun();
  let page: Page;
  let manager: UserInfo;
  const id = unique();
  const serviceName = `Payroll ${id}`;
  const otherService = `Intranet ${id}`;

  beforeAll(async () => {
    ({ user: manager, page } = await run.signedInUser('Chris Change', ['change_manager'], id));
    const payroll = await run.admin.createService({ name: serviceName });
    const intranet = await run.admin.createService({ name: otherService });
    const api = await run.apiAs(manager.email);
    // Saturdays 02:00–06:00 Berlin time on payroll; Wednesdays 19:00–21:00 on the intranet.
    const weekly = (name: string, serviceId: string, start: string, end: string, day: string) =>
      api.call('POST', '/change-windows', {
        kind: 'maintenance',
        name: `${name} ${id}`,
        serviceId,
        timeZone: 'Europe/Berlin',
        start,
        end,
        rrule: `FREQ=WEEKLY;BYDAY=${day}`,
      });
    await weekly('Payroll Saturday', payroll.id, '2026-12-05T01:00:00Z', '2026-12-05T05:00:00Z', 'SA');
    await weekly('Intranet Wednesday', intranet.id, '2026-12-02T18:00:00Z', '2026-12-02T20:00:00Z', 'WE');
  });

  it('adds a global freeze from the windows page', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Maintenance and freezes' }).click();
    await visible(page.getByRole('heading', { name: 'Maintenance and freeze windows' }));
    await page.getByRole('button', { name: 'New window' }).click();
    const dialog = page.getByRole('dialog', { name: 'New window' });
    const pick = async (label: string, option: string) => {
      await dialog.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option }).first().click();
    };
    await pick('Kind', 'Freeze (no changes)');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`Year-end freeze ${id}`);
    await pick('Repeats', 'Does not repeat');
    await dialog.getByLabel('Starts (Europe/Berlin)').fill('2026-12-21T00:00');
    await dialog.getByLabel('Ends (Europe/Berlin)').fill('2027-01-04T00:00');
    await dialog.getByRole('button', { name: 'Add window' }).click();
    await page.waitForURL(/\/change-windows\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: `Year-end freeze ${id}` }));
    await visible(page.getByText('Global · once · Europe/Berlin'));
    // The windows list says how each window repeats in words, and fits the screen.
    await page.goto(`/change-windows?q=${id}`);
    const windows = page.getByRole('table', { name: 'Windows' });
    await visible(
      windows.getByRole('row', { name: new RegExp(`Payroll Saturday ${id}.*Every week on Saturday`) }),
    );
    await visible(windows.getByRole('row', { name: new RegExp(`Year-end freeze ${id}.*No$`) }));
    expect(await fitsWidth(windows)).toBe(true);
  });

  it('shows the freeze and the windows in the month, the week and the list', async () => {
    await page.getByRole('link', { name: 'Change calendar' }).first().click();
    await visible(page.getByRole('heading', { name: 'Change calendar' }));
    await page.goto('/change-calendar?day=2026-12-15');
    const grid = page.getByRole('table', { name: 'December 2026 (Europe/Berlin)' });
    await visible(grid.getByRole('cell', { name: '2026-12-21' }).getByText(`Freeze: Year-end freeze ${id}`));
    // A freeze of two weeks names itself once a week; its other days carry a bar, read out as the
    // freeze continued and naming it on hover.
    expect(await grid.locator('.mantine-Badge-root', { hasText: `Year-end freeze ${id}` }).count()).toBe(2);
    const continued = grid
      .getByRole('cell', { name: '2026-12-24' })
      .getByTitle(`Freeze: Year-end freeze ${id}`);
    expect(await continued.count()).toBe(1);
    expect(await text(continued)).toBe(`Freeze: Year-end freeze ${id} (continued)`);
    await visible(
      grid.getByRole('cell', { name: '2026-12-12' }).getByText(`Maintenance window: Payroll Saturday ${id}`),
    );
    // A title longer than its day is wide wraps within the day instead of being cut, and the kind
    // is in its hover text.
    const chip = grid
      .getByRole('cell', { name: '2026-12-12' })
      .locator('.mantine-Badge-root', { hasText: `Payroll Saturday ${id}` });
    expect(
      await chip
        .locator('.mantine-Badge-label')
        .evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight),
    ).toBe(true);
    expect(await chip.getAttribute('title')).toMatch(
      new RegExp(`^Maintenance window: Payroll Saturday ${id}\n`),
    );
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByText('Week', { exact: true }).click();
    await page.waitForURL(/view=week/);
    await visible(page.getByRole('heading', { name: 'Week of 2026-12-14 to 2026-12-20' }));
    await page.getByRole('button', { name: 'Next week' }).click();
    const week = page.getByRole('table', { name: /Week of 2026-12-21/ });
    await visible(
      week
        .getByRole('cell', { name: '2026-12-23' })
        .getByText(`Maintenance window: Intranet Wednesday ${id}`),
    );
    await visible(week.getByRole('cell', { name: '2026-12-21' }).getByText(`Freeze: Year-end freeze ${id}`));
    expect(await text(week.getByRole('cell', { name: '2026-12-23' }))).toContain(
      `Freeze: Year-end freeze ${id} (continued)`,
    );

    // The list view of the same month, as a bookmarked address opens it.
    await page.goto(page.url().replace('view=week', 'view=list'));
    const list = page.getByRole('table', { name: 'Scheduled changes and windows' });
    await visible(list.getByRole('row', { name: new RegExp(`Freeze Year-end freeze ${id}`) }));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('filters by service, keeping the global freeze, with the filter in the URL', async () => {
    await choose(page, 'Service', serviceName);
    await page.waitForURL(/serviceId=/);
    const list = page.getByRole('table', { name: 'Scheduled changes and windows' });
    // The previous answer stays on screen until the filtered one arrives.
    await hidden(list.getByText(`Intranet Wednesday ${id}`));
    await visible(list.getByText(`Payroll Saturday ${id}`));
    await visible(list.getByText(`Year-end freeze ${id}`));
    await page.reload();
    await visible(
      page.getByRole('table', { name: 'Scheduled changes and windows' }).getByText(`Payroll Saturday ${id}`),
    );
    expect(await page.getByText(`Intranet Wednesday ${id}`).count()).toBe(0);
  });

  it('makes a feed address that serves the calendar as iCalendar without a session', async () => {
    await page.getByRole('button', { name: 'Calendar feed' }).click();
    await page.getByRole('button', { name: 'Make my feed address' }).click();
    const address = await (await visible(page.getByRole('textbox', { name: 'Your feed address' })))
      .first()
      .inputValue();
    expect(address).toMatch(/\/api\/v1\/change-calendar\/feed\/stwcal_[\w-]+\.ics$/);
    await visible(page.getByRole('button', { name: 'Copy feed address' }));
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain(`SUMMARY:Freeze: Year-end freeze ${id}`);
    expect(run.pageErrors).toEqual([]);
  });
});
