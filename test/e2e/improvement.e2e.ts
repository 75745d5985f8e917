/**
 * Continual improvement in the browser: a service manager opens a KPI that is off target for one
 * service, raises an improvement proposal from it (the form comes prefilled with the KPI and its
 * cut), sees the proposal with its baseline, and finds it in the register.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentInfo, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('a service manager raises an improvement from an off-target KPI', () => {
  const run = useBrowserRun();
  let page: Page;
  let manager: UserInfo;
  let serviceId = '';
  let number = '';
  const id = unique();

  beforeAll(async () => {
    ({ user: manager, page } = await run.signedInUser('Ines Improver', ['service_manager', 'agent'], id));
    const api = await run.apiAs(manager.email);
    serviceId = (await api.createService({ name: `Payroll ${id}` })).id;
    // Resolved, reopened and resolved again: the reopen rate for the service is 100 %, far off
    // its 5 % target.
    const inc = await api.call<IncidentInfo>('POST', '/incidents', {
      title: `Payslips missing ${id}`,
      serviceId,
    });
    const resolve = { to: 'resolved', resolutionCode: 'solved_permanently', resolutionNotes: 'Rerun.' };
    await api.call('POST', `/incidents/${inc.id}/transitions`, resolve);
    await api.call('POST', `/incidents/${inc.id}/transitions`, { to: 'reopen', comment: 'Still missing.' });
    await api.call('POST', `/incidents/${inc.id}/transitions`, resolve);
  });

  it('opens the off-target KPI and raises a proposal from it', async () => {
    await page.goto(`/reports/kpis/reopen_rate?serviceId=${serviceId}`);
    await visible(page.getByRole('heading', { name: 'Reopen rate' }));
    await visible(page.getByText('Off target'));
    expect(await text(page.getByTestId('kpi-value-reopen_rate'))).toBe('100.0 %');
    await page.getByRole('link', { name: 'Raise improvement' }).click();

    await visible(page.getByRole('heading', { name: 'Raise improvement' }));
    // The title is proposed from the KPI's label once the KPI list has loaded.
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Bring reopen rate back on target');
    expect(await page.getByRole('combobox', { name: 'KPI off target' }).inputValue()).toBe('Reopen rate');
    await visible(page.getByText(`Measured for Payroll ${id}.`));
    await page.getByLabel('Expected benefit').fill('Payroll incidents fixed for good the first time.');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Raise improvement' }).click();

    await page.waitForURL(/\/improvements\/CSI\d+$/);
    number = page.url().split('/').pop()!;
    await visible(page.getByRole('heading', { name: /Bring reopen rate back on target/ }));
    const outcome = page.getByRole('table', { name: `Outcome of ${number}` });
    expect(await text(outcome.getByTestId('before-reopen_rate'))).toBe('100.0 %');
    await visible(outcome.getByText('lower is better'));
    await visible(page.getByRole('region', { name: 'Proposal' }).getByText('A KPI off target:'));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('finds the proposal in the register and its report', async () => {
    await page.goto('/improvements?stateCategory=open');
    await visible(page.getByRole('heading', { name: 'Improvement register' }));
    await visible(page.getByRole('link', { name: number }));
    await page.goto(`/reports/improvements?serviceId=${serviceId}`);
    const byService = page.getByRole('region', { name: 'By service' });
    await visible(byService.getByText(`Payroll ${id}`));
    await visible(page.getByRole('region', { name: 'Proposals' }).getByRole('link', { name: number }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });
});
