/**
 * Time tracking in the browser: an agent starts the timer on an incident (the header shows it),
 * stops it, logs time by hand with "1h 30m", sees the total on the record, and finds the time in
 * the time report under Reporting.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { hidden, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('time tracking', () => {
  const run = useBrowserRun();
  let page: Page;
  let incident: IncidentInfo;
  let service: { id: string; name: string };
  const id = unique();

  beforeAll(async () => {
    const group = await run.admin.createGroup({ name: `Desk ${id}` });
    ({ page } = await run.signedInUser('Tess Timer', ['agent'], id, {
      groupIds: [group.id],
    }));
    service = await run.admin.createService({ name: `Payroll ${id}` });
    incident = await run.admin.call<IncidentInfo>('POST', '/incidents', {
      title: `Payslips missing ${id}`,
      description: 'Nobody got one.',
      impact: 2,
      urgency: 2,
      serviceId: service.id,
      groupId: group.id,
    });
  });

  const panel = () => page.getByRole('region', { name: /^Time/ });
  const total = () => page.getByTestId('time-total');

  it('starts and stops the timer on an incident, the header showing it meanwhile', async () => {
    await page.goto(`/incidents/${incident.number}`);
    await visible(panel());
    expect(await text(total())).toBe('0m');
    await panel().getByRole('button', { name: 'Start timer' }).click();
    await visible(panel().getByText('Timer running'));
    const indicator = page.getByRole('status', { name: 'Running timer' });
    await visible(indicator);
    expect(await text(indicator)).toContain(incident.number);
    expect(await seriousA11yProblems(page)).toEqual([]);

    await panel().getByRole('button', { name: 'Stop timer' }).click();
    await hidden(indicator);
    // A timer stopped at once books the shortest entry, a minute.
    await expect.poll(() => text(total())).toBe('1m');
    await visible(panel().getByRole('listitem').filter({ hasText: 'Tess Timer' }));
  });

  it('logs time by hand, refusing a duration it cannot read, and totals it', async () => {
    await panel().getByRole('button', { name: 'Log time' }).click();
    const form = page.getByRole('form', { name: 'Log time' });
    await form.getByRole('textbox', { name: 'Duration' }).fill('soon');
    await form.getByRole('button', { name: 'Log time' }).click();
    await visible(form.getByText(/Not a duration/));
    await form.getByRole('textbox', { name: 'Duration' }).fill('1h 30m');
    await form.getByRole('textbox', { name: 'Note' }).fill('Re-ran the payslip batch');
    await form.getByRole('checkbox', { name: 'Billable' }).check();
    await form.getByRole('button', { name: 'Log time' }).click();
    await hidden(form);
    await expect.poll(() => text(total())).toBe('1h 31m');
    await visible(panel().getByText('1h 30m billable'));
    await visible(panel().getByText('Re-ran the payslip batch'));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('shows the time in the time report, grouped by service, with a CSV download', async () => {
    await page.getByRole('link', { name: 'Time report' }).click();
    await visible(page.getByRole('heading', { name: 'Time report' }));
    const table = page.getByRole('table', { name: 'Time by service' });
    const row = table.getByRole('row').filter({ hasText: service.name });
    await visible(row);
    expect(await text(row)).toContain('1h 31m');
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toMatch(/^\/api\/v1\/time\/report\?.*by=service.*format=csv/);
    const body = await page.evaluate(
      async (href) => (await fetch(href as string)).text(),
      await csv.getAttribute('href'),
    );
    expect(body).toContain(`Payroll ${id},91,90,1,`);
    expect(await seriousA11yProblems(page)).toEqual([]);

    // A row opens the effort KPI cut by that service.
    await row.getByRole('cell').first().click();
    await page.waitForURL(/\/reports\/kpis\/effort\?.*serviceId=/);
    await visible(page.getByRole('heading', { name: 'Effort', exact: true }));
    await expect.poll(async () => text(page.locator('main'))).toContain('1.5 h');
    expect(run.pageErrors).toEqual([]);
  });
});
