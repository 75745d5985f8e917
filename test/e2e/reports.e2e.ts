/**
 * Reporting in the browser: a service manager opens the dashboard, cuts it to one service,
 * drills from the SLA breaches widget into the records behind the number, and exports them.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type IncidentInfo, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('a service manager reads the dashboard and drills into breaches', () => {
  const run = useBrowserRun();
  let page: Page;
  let manager: UserInfo;
  let api: ApiSession;
  let raisedAt = 0;
  const late: IncidentInfo[] = [];
  let other: IncidentInfo;
  let mailId = '';
  let proposal = '';
  const id = unique();

  beforeAll(async () => {
    ({ user: manager, page } = await run.signedInUser('Maren Manager', ['service_manager', 'agent'], id));
    api = await run.apiAs(manager.email);
    const calendar = await api.createAlwaysCalendar(`Always ${id}`);
    const mail = await api.createService({ name: `Mail ${id}` });
    const print = await api.createService({ name: `Print ${id}` });
    mailId = mail.id;
    proposal = (
      await api.call<{ number: string }>('POST', '/improvements', {
        title: `Filter bounces at the gateway ${id}`,
        expectedBenefit: 'Fewer mail incidents',
        sourceKind: 'person',
        serviceIds: [mail.id],
      })
    ).number;
    // One minute to respond and to resolve: the incidents below breach while the test runs.
    await api.createAgreedAgreement({
      kind: 'sla',
      name: `Mail SLA ${id}`,
      serviceId: mail.id,
      calendarId: calendar.id,
      targets: [1, 2, 3, 4, 5].map((priority) => ({ priority, responseMinutes: 1, resolutionMinutes: 1 })),
    });
    raisedAt = Date.now();
    for (const title of [`Mail bounces ${id}`, `Calendar invites lost ${id}`])
      late.push(await api.call<IncidentInfo>('POST', '/incidents', { title, serviceId: mail.id }));
    other = await api.call<IncidentInfo>('POST', '/incidents', {
      title: `Printer jam ${id}`,
      serviceId: print.id,
    });
  });

  it('opens the service manager dashboard and cuts it to one service', async () => {
    await page.goto('/dashboard');
    await visible(page.getByRole('heading', { name: 'Service manager dashboard' }));
    const volume = page.getByRole('region', { name: 'Volume' }).first();
    await visible(volume.getByTestId('kpi-value-volume'));
    expect(await volume.getByTestId('kpi-value-volume').textContent()).toBe('3');
    await choose(page, 'Service', `Mail ${id}`);
    await page.waitForURL(/serviceId=/);
    await expect
      .poll(() => volume.getByTestId('kpi-value-volume').textContent(), { timeout: 15_000 })
      .toBe('2');
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('reads the service review of one service, with satisfaction and improvement actions', async () => {
    await page.goto(`/reports/service-review?serviceId=${mailId}`);
    await visible(page.getByRole('heading', { name: `Service review: Mail ${id}` }));
    const satisfaction = page.getByRole('region', { name: 'Customer satisfaction' });
    await visible(satisfaction.getByText('Mean satisfaction score (1–5)'));
    const actions = page.getByRole('region', { name: 'Improvement actions' });
    await visible(actions.getByRole('link', { name: proposal }));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('drills from the breaches widget into the breached records and exports them', async () => {
    // Back on the dashboard cut to the mail service; let the one-minute targets pass.
    await page.goto(`/dashboard?serviceId=${mailId}`);
    const wait = raisedAt + 65_000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await page.reload();
    const breaches = page.getByRole('region', { name: 'SLA breaches' }).first();
    await expect
      .poll(() => breaches.getByTestId('kpi-value-sla_breaches').textContent(), { timeout: 15_000 })
      .toBe('4');
    await breaches.getByRole('link', { name: 'Records behind sla breaches' }).click();
    await visible(page.getByRole('heading', { name: 'SLA breaches' }));
    const rows = page.getByRole('table', { name: 'Records behind SLA breaches' });
    for (const inc of late) await visible(rows.getByText(inc.number).first());
    expect(await rows.getByText(other.number).count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Number,Title');
    expect(lines).toHaveLength(5);
    for (const inc of late) expect(csv).toContain(inc.number);
    expect(csv).not.toContain(other.number);
    expect(run.pageErrors).toEqual([]);
  });
});
