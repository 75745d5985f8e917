/**
 * Service level management in the browser: a service manager defines a business calendar (the
 * server's field errors shown readably first), a live service and an SLA for it, and agrees the
 * SLA; an agent raises an incident against the service, sees its due time in the SLA panel and
 * the queue, puts it on hold and sees the clock paused, with the SLA timeline explaining why.
 * Targets are entered in working days and hours of the calendar, and the time left reads the same
 * in the queue as on the record: working time of an office-hours calendar.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, fitsWidth, hidden, signIn, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('service levels', () => {
  const run = useBrowserRun();
  let manager: UserInfo;
  let agent: UserInfo;
  let managerPage: Page;
  let agentPage: Page;
  const id = unique();
  const calendarName = `Follow the sun ${id}`;
  const serviceName = `Payroll ${id}`;
  const slaName = `Payroll SLA ${id}`;
  const title = `Payslips do not open ${id}`;
  let incidentNumber = '';

  beforeAll(async () => {
    manager = await run.admin.createPerson('Maria Manager', ['service_manager', 'agent'], id);
    agent = await run.admin.createPerson('Sam Agent', ['agent'], id);
    ({ page: managerPage } = await run.newPerson());
    ({ page: agentPage } = await run.newPerson());
  });

  it('defines a business calendar, with the server’s objections shown on the hours they concern', async () => {
    const page = managerPage;
    await signIn(page, manager.email, PASSWORD);
    await page.getByRole('link', { name: 'Business calendars' }).click();
    await visible(page.getByRole('heading', { name: 'Business calendars', level: 1 }));
    await page.getByRole('link', { name: 'New calendar' }).click();
    await visible(page.getByRole('heading', { name: 'New business calendar', level: 1 }));

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(calendarName);
    // New calendars start as weekdays 09:00–17:00; add an overlapping Monday afternoon.
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByRole('textbox', { name: 'Monday from (2)' }).fill('16:00');
    await page.getByRole('textbox', { name: 'Monday to (2)' }).fill('18:00');
    await page.getByRole('button', { name: 'Save calendar' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The calendar was not saved' });
    await visible(alert);
    expect(await text(alert)).toContain('Monday 16:00–18:00:');
    expect(await text(alert)).toContain('overlaps Monday 09:00–17:00');
    expect(await seriousA11yProblems(page)).toEqual([]);

    // Around the clock, so the clock runs whenever this test runs; plus a yearly holiday.
    await page.getByRole('button', { name: 'Around the clock' }).click();
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByRole('textbox', { name: 'Holiday 1 name' }).fill('Founders day');
    await page.getByLabel('Holiday 1 date').fill('2026-02-27');
    await page.getByRole('checkbox', { name: 'Every year' }).check();
    await page.getByRole('button', { name: 'Save calendar' }).click();
    await page.waitForURL(/\/service-levels\/calendars\/[0-9a-f-]{36}$/);
    await hidden(alert);
    await visible(page.getByRole('heading', { name: calendarName, level: 1 }));
    expect(await text(page.locator('main'))).toContain('168 hours a week');
  });

  it('adds a live service to the portfolio', async () => {
    const page = managerPage;
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Services', level: 1 }));
    await page.getByRole('button', { name: 'New service' }).click();
    const dialog = page.getByRole('dialog', { name: 'New service' });
    await visible(dialog);
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(serviceName);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Monthly payslips and tax forms.');
    await dialog.getByRole('combobox', { name: 'Criticality' }).click();
    await page.getByRole('option', { name: 'High', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Lifecycle status' }).click();
    await page.getByRole('option', { name: 'Live', exact: true }).click();
    await dialog.getByRole('button', { name: 'Add service' }).click();
    await page.waitForURL(/\/services\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: serviceName, level: 1 }));
    await visible(page.getByText('No SLA names this service.', { exact: false }));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('drafts an SLA for the service and agrees it', async () => {
    const page = managerPage;
    await page.getByRole('link', { name: 'New SLA' }).click();
    await visible(page.getByRole('heading', { name: 'New agreement', level: 1 }));
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Service', exact: true }).inputValue())
      .toBe(serviceName);
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(slaName);
    await choose(page, 'Business calendar', new RegExp(calendarName));
    // Targets are entered in working time of the chosen calendar: here a day is all 24 hours.
    await visible(page.getByText('Targets per priority (in 1 d = 24 h of working time)'));
    await page.getByRole('textbox', { name: 'P3 resolution target' }).fill('8 h');
    await page.getByRole('textbox', { name: 'P4 resolution target' }).fill('1 d 6 h');
    await visible(page.getByText('1800 working min'));
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/service-levels\/agreements\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: new RegExp(slaName), level: 1 }));
    await visible(page.getByText('Draft', { exact: true }));
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await visible(page.getByText('In force', { exact: true }));
    await expect.poll(() => text(page.locator('main'))).toContain('Maria Manager');
    expect(await text(page.locator('main'))).toContain('8 h');
    expect(await text(page.locator('main'))).toContain('1 d 6 h');

    // The service's page lists it in force, its table fitting the page's column: no service
    // column (it is this service) and no dates (the status says it is in force).
    await page.goBack();
    await page.goBack();
    const slas = page.getByRole('table', { name: 'Service level agreements' });
    await visible(slas.getByRole('row', { name: new RegExp(`${slaName}.*Agreed.*In force`) }));
    expect(await slas.getByRole('columnheader').allTextContents()).toEqual(['Name', 'Party', 'Status']);
    expect(await fitsWidth(slas)).toBe(true);
  });

  it('shows the agent the due time of an incident raised against the service', async () => {
    const page = agentPage;
    await signIn(page, agent.email, PASSWORD);
    await page.getByRole('link', { name: 'Services', exact: true }).click();
    await page.getByRole('link', { name: serviceName }).click();
    await visible(page.getByRole('heading', { name: serviceName, level: 1 }));
    await visible(page.getByRole('link', { name: slaName }));
    await page.getByRole('button', { name: 'Raise incident' }).click();
    const dialog = page.getByRole('dialog', { name: `Raise an incident on ${serviceName}` });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await choose(page, 'Impact', '2 – Medium');
    await choose(page, 'Urgency', '2 – Medium');
    await dialog.getByRole('button', { name: 'Raise incident' }).click();
    await page.waitForURL(/\/incidents\/INC\d+$/, { timeout: 30_000 });
    incidentNumber = new URL(page.url()).pathname.split('/').pop() ?? '';

    const sla = page.getByRole('region', { name: 'Service levels' });
    const resolution = sla.getByRole('listitem', { name: 'SLA resolution clock' });
    await visible(resolution);
    await expect.poll(() => text(resolution)).toContain('Running');
    expect(await text(resolution)).toContain(`${slaName} v1`);
    expect(await text(resolution)).toMatch(/Due .+ · (8 h|7 h 5\d min) left in working time/);
    expect(await text(resolution)).toContain('Target 8 h (P3');
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'All incidents' }).click();
    const row = page.getByRole('row').filter({ hasText: incidentNumber });
    await visible(row);
    // The queue counts down to the earliest due instant: the 60-minute response target.
    await expect.poll(() => text(row)).toMatch(/(1 h|5\d min) left/);
  });

  it('pauses the clock while the incident is on hold, and the timeline says why', async () => {
    const page = agentPage;
    await page.getByRole('link', { name: incidentNumber }).click();
    await visible(page.getByRole('heading', { name: new RegExp(title), level: 1 }));
    await page.getByRole('button', { name: 'Put on hold' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Waiting for the payroll export.');
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await hidden(dialog);

    const sla = page.getByRole('region', { name: 'Service levels' });
    const resolution = sla.getByRole('listitem', { name: 'SLA resolution clock' });
    await expect.poll(() => text(resolution)).toMatch(/Paused · (8 h|7 h 5\d min) left in working time/);
    const response = sla.getByRole('listitem', { name: 'SLA response clock' });
    expect(await text(response)).toContain('Met');

    await sla.getByRole('button', { name: 'SLA timeline' }).click();
    const timeline = page.getByRole('dialog', { name: 'SLA timeline' });
    await visible(timeline.getByText(/SLA resolution clock \(.+ v1\) paused/));
    const all = await text(timeline);
    expect(all).toContain(`SLA resolution clock (${slaName} v1) started: target 8 h for priority 3`);
    expect(all).toContain('Cause: State New → On hold · by Sam Agent');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await hidden(timeline);

    await page.getByRole('link', { name: 'All incidents' }).click();
    const row = page.getByRole('row').filter({ hasText: incidentNumber });
    await visible(row.getByText('Paused', { exact: true }));
    expect(run.pageErrors).toEqual([]);
  });

  it('engages a supplier: their underpinning contract clocks start, and release meets them', async () => {
    const supplierName = `Carrier ${id}`;
    const supplier = await run.admin.call<{ id: string }>('POST', '/organisations', {
      name: supplierName,
      kind: 'supplier',
    });
    const services = await run.admin.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/services?q=${encodeURIComponent(serviceName)}`,
    );
    const calendars = await run.admin.call<{ id: string; name: string }[]>('GET', '/calendars');
    await run.admin.createAgreedAgreement({
      kind: 'uc',
      name: `Carrier contract ${id}`,
      calendarId: calendars.find((c) => c.name === calendarName)?.id,
      supplierId: supplier.id,
      serviceId: services.items.find((s) => s.name === serviceName)?.id,
      targets: [1, 2, 3, 4, 5].map((priority) => ({ priority, responseMinutes: 30, resolutionMinutes: 240 })),
    });

    const page = agentPage;
    await page.getByRole('link', { name: incidentNumber }).click();
    // The supplier was added after this page loaded its list of organisations.
    await page.reload();
    const sla = page.getByRole('region', { name: 'Service levels' });
    await visible(sla.getByText('No supplier engaged.'));
    await choose(page, 'Engage a supplier', supplierName);
    await sla.getByRole('textbox', { name: 'Their ticket' }).fill('CASE-77');
    await sla.getByRole('button', { name: 'Engage', exact: true }).click();
    await visible(sla.getByRole('listitem', { name: 'UC resolution clock' }));
    await visible(sla.getByText(`${supplierName} · CASE-77`));
    await sla.getByRole('button', { name: 'Fulfilled' }).click();
    await visible(sla.getByText('Released', { exact: true }));
    await expect
      .poll(() => text(sla.getByRole('listitem', { name: 'UC resolution clock' })))
      .toContain('Met');
    expect(run.pageErrors).toEqual([]);
  });

  it('counts SLA time left in working hours, the same in the queue as on the record page', async () => {
    const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));
    const office = await run.admin.call<{ id: string }>('POST', '/calendars', {
      name: `Office ${id}`,
      timeZone: 'UTC',
      intervals: weekdays,
    });
    const service = await run.admin.call<{ id: string }>('POST', '/services', {
      kind: 'business',
      name: `Expenses ${id}`,
      criticality: 'high',
      lifecycleStatus: 'live',
    });
    await run.admin.createAgreedAgreement({
      kind: 'sla',
      name: `Expenses SLA ${id}`,
      calendarId: office.id,
      serviceId: service.id,
      targets: [1, 2, 3, 4, 5].map((priority) => ({
        priority,
        responseMinutes: 240,
        resolutionMinutes: 960,
      })),
    });
    const inc = await run.admin.call<{ number: string }>('POST', '/incidents', {
      title: `Expense report bounced ${id}`,
      impact: 2,
      urgency: 2,
      serviceId: service.id,
    });
    const minutesOf = (s: string) => {
      const m = /(?:(\d+) h)?\s*(?:(\d+) min)? left/.exec(s);
      if (!m || (!m[1] && !m[2])) throw new Error(`no time left in “${s}”`);
      return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
    };

    const page = agentPage;
    await page.goto(`${run.baseUrl}/incidents/${inc.number}`);
    const response = page
      .getByRole('region', { name: 'Service levels' })
      .getByRole('listitem', { name: 'SLA response clock' });
    await expect.poll(() => text(response)).toMatch(/left in working time/);
    const onRecord = minutesOf(await text(response));

    await page.getByRole('link', { name: 'All incidents' }).click();
    const row = page.getByRole('row').filter({ hasText: inc.number });
    await expect.poll(() => text(row)).toMatch(/\d+ (h|min) left/);
    const inQueue = minutesOf(await text(row));
    // Four working hours at most, whatever the hour of the day: working time, not wall-clock time.
    expect(inQueue).toBeLessThanOrEqual(240);
    expect(Math.abs(inQueue - onRecord)).toBeLessThanOrEqual(1);
    expect(run.pageErrors).toEqual([]);
  });
});
