/**
 * The list kit in the browser: the default columns fitted to the screen, keyboard navigation of
 * the queue, saved views with their columns, CSV export of what the list shows, bulk transition
 * with one stale record, and the top bar's search opening a request and a configuration item.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv.ts';
import { type IncidentInfo, PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { fitsWidth, hidden, signIn, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('the list kit on the incident queue', () => {
  const run = useBrowserRun();
  let page: Page;
  let agent: UserInfo;
  const id = unique();
  const incidents: IncidentInfo[] = [];
  let requestNumber: string;
  let ci: { id: string; name: string };

  const rows = () => page.locator('tbody tr.queue-row');
  const activeRow = () => page.locator('tbody tr[data-active]');
  const openQueue = async (query = '') => {
    await page.goto(`/incidents${query}`);
    await visible(page.getByRole('heading', { name: 'Incidents', level: 1 }));
  };

  beforeAll(async () => {
    agent = await run.admin.createPerson('Kim Agent', ['agent'], id);
    const group = await run.admin.createGroup({ name: `Desk ${id}`, memberIds: [agent.id] });
    for (const n of [1, 2, 3])
      incidents.push(await run.admin.createIncident({ title: `Kit ${id} printer ${n}`, urgency: 2 }));
    const service = await run.admin.createService({ name: `Workplace ${id}` });
    const item = await run.admin.createCatalogItem({
      serviceId: service.id,
      name: `Headset ${id}`,
      taskTemplates: [{ title: 'Hand over', groupId: group.id, order: 1 }],
    });
    requestNumber = (
      await run.admin.call<{ number: string }>('POST', '/requests', { catalogItemId: item.id })
    ).number;
    ci = await run.admin.call('POST', '/cmdb/cis', {
      classKey: 'physical_server',
      name: `kit-gateway-${id}`,
      attributes: { hostname: `KIT-${id}`, cpu_count: '2', memory_gb: 8, os: 'Linux' },
    });
    ({ page } = await run.signedInPerson(agent.email));
  });

  it('gives the title column the room at 1440 px, and the priority its whole label', async () => {
    await openQueue(`?q=${id}`);
    await visible(rows().first());
    const width = await page.getByRole('columnheader', { name: 'Title' }).evaluate((el) => el.clientWidth);
    expect(width).toBeGreaterThan(350);
    expect(await seriousA11yProblems(page)).toEqual([]);
    // The longest priority labels show whole, not cut to an ellipsis.
    const wide = unique();
    await run.admin.createIncident({ title: `Wide ${wide}`, urgency: 3 });
    await openQueue(`?q=${wide}`);
    const label = rows()
      .first()
      .getByText(/^P5 Planning$/);
    await visible(label);
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  it('fits its default columns to a 1280 px screen, the last giving way, and takes them back on request', async () => {
    const narrow = await run.newPerson(1280, 800);
    await signIn(narrow.page, agent.email, PASSWORD);
    await narrow.page.goto(`/incidents?q=${id}`);
    const table = narrow.page.getByRole('table', { name: /Incidents/ });
    await visible(table.locator('tbody tr').first());
    expect(await fitsWidth(table)).toBe(true);
    await hidden(narrow.page.getByRole('columnheader', { name: 'Updated' }));
    const title = narrow.page.getByRole('columnheader', { name: 'Title' });
    expect(await title.evaluate((el) => el.clientWidth)).toBeGreaterThanOrEqual(280);
    // The column that gave way is under Columns, and comes back when asked for.
    await narrow.page.getByRole('button', { name: 'Columns' }).click();
    const updated = narrow.page.getByRole('checkbox', { name: 'Updated' });
    expect(await updated.isChecked()).toBe(false);
    await updated.check();
    await narrow.page.keyboard.press('Escape');
    await visible(narrow.page.getByRole('columnheader', { name: 'Updated' }));
    await narrow.context.close();
  });

  it('walks the queue with j and k, selects with x and opens with Enter', async () => {
    await openQueue(`?q=${id}&sort=number&order=asc`);
    await visible(rows().nth(2));
    await page.locator('body').click({ position: { x: 5, y: 500 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    expect(await activeRow().getByRole('link').textContent()).toBe(incidents[1]!.number);
    await page.keyboard.press('x');
    await visible(page.getByRole('region', { name: 'Bulk actions' }).getByText('1 selected'));
    expect(await page.getByRole('checkbox', { name: `Select ${incidents[1]!.number}` }).isChecked()).toBe(
      true,
    );
    await page.keyboard.press('x');
    await hidden(page.getByRole('region', { name: 'Bulk actions' }));

    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await visible(help.getByText('Open the current row'));
    await visible(help.getByText('Focus the search box'));
    await page.keyboard.press('Escape');
    await hidden(help);

    await page.keyboard.press('Enter');
    await page.waitForURL(`**/incidents/${incidents[1]!.number}`);
  });

  it('saves a view with its filters and columns, and opens it again from the menu', async () => {
    await openQueue(`?q=${id}`);
    await visible(rows().first());
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Assignee' }).uncheck();
    await page.getByRole('button', { name: 'Move Priority left' }).click();
    await page.keyboard.press('Escape');
    await hidden(page.getByRole('columnheader', { name: 'Assignee' }));

    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save current view' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`Printers ${id}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await hidden(dialog);
    await page.waitForURL(/[?&]view=/);

    // Back to the default view: the filter and the column choice go away.
    await page.getByRole('button', { name: `Printers ${id}` }).click();
    await page.getByRole('menuitem', { name: 'Default view' }).click();
    await visible(page.getByRole('columnheader', { name: 'Assignee' }));
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();

    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: `Printers ${id}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(id);
    await hidden(page.getByRole('columnheader', { name: 'Assignee' }));
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers.indexOf('Priority')).toBeLessThan(headers.indexOf('State'));
    await expect.poll(() => rows().count()).toBe(3);
  });

  it('exports exactly the list it shows as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const table = parseCsv(await readFile((await download.path()) ?? '', 'utf8'));
    const headers = (await page.getByRole('columnheader').allTextContents()).filter((h) => h.trim());
    expect(table.header).toEqual(headers.map((h) => (h === 'SLA' ? 'SLA due' : h)));
    const numbers = await page.locator('tbody tr.queue-row a').allTextContents();
    expect(table.rows.map((r) => r.cells[0])).toEqual(numbers);
    expect(table.rows.map((r) => r.cells[1])).toEqual(
      expect.arrayContaining([`Kit ${id} printer 1`, `Kit ${id} printer 2`, `Kit ${id} printer 3`]),
    );
  });

  it('moves the selected incidents and names the one someone else changed meanwhile', async () => {
    // With its live stream cut (a proxy dropped it), the queue keeps the versions it loaded: the
    // bulk action still checks each record's version and names the one changed meanwhile.
    await page.route('**/api/v1/live', (route) => route.abort());
    await openQueue(`?q=${id}&sort=number&order=asc`);
    await visible(rows().nth(2));
    const [first, second] = incidents;
    await page.getByRole('checkbox', { name: `Select ${first!.number}` }).check();
    await page.getByRole('checkbox', { name: `Select ${second!.number}` }).check();
    // Someone else edits the second one after the queue loaded it.
    await run.admin.call('PATCH', `/incidents/${second!.id}`, { urgency: 1 });
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByRole('combobox', { name: 'Transition' }).click();
    await page.getByRole('option', { name: 'Start work' }).click();
    await bar.getByRole('button', { name: 'Move' }).click();
    const failure = bar.getByRole('alert');
    await visible(failure.getByText('1 not changed'));
    expect(await failure.textContent()).toContain(
      `${second!.number}: ${second!.number} was changed by someone else`,
    );
    const moved = await run.admin.call<IncidentInfo>('GET', `/incidents/${first!.id}`);
    expect(moved.state).toBe('in_progress');
    const kept = await run.admin.call<IncidentInfo>('GET', `/incidents/${second!.id}`);
    expect(kept.state).toBe('new');
    await page.unroute('**/api/v1/live');
  });

  it('filters by any assignee with the person picker', async () => {
    await run.admin.call('PATCH', `/incidents/${incidents[2]!.id}`, { assigneeId: agent.id });
    await openQueue(`?q=${id}`);
    await visible(rows().first());
    const picker = page.getByRole('combobox', { name: 'Assignee' });
    await picker.click();
    await picker.fill('Kim');
    await page.getByRole('option', { name: 'Kim Agent' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('assigneeId')).toBe(agent.id);
    await expect.poll(() => rows().count()).toBe(1);
    await visible(page.getByRole('link', { name: incidents[2]!.number }));
  });

  it('opens a request by its number from the top bar search', async () => {
    const search = page.getByRole('textbox', { name: /Search records and configuration items/ });
    await search.fill(requestNumber.toLowerCase());
    await search.press('Enter');
    await page.waitForURL(`**/requests/${requestNumber}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(requestNumber) }));
  });

  it('finds a configuration item by name and opens it', async () => {
    const search = page.getByRole('textbox', { name: /Search records and configuration items/ });
    await search.fill(`kit-gateway-${id}`);
    await page.getByRole('option', { name: new RegExp(ci.name) }).click();
    await page.waitForURL(`**/cmdb/cis/${ci.id}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(ci.name) }));
  });
});
