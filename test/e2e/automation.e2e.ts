/**
 * Automation rules in the browser: an administrator builds a rule that comments on new incidents
 * about printers, sees it described in words, and finds its run in the rule's log once an incident
 * matches; a record that does not match leaves no run.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

describe('an administrator automates a comment on new incidents', () => {
  const run = useBrowserRun();
  let page: Page;
  const id = Date.now().toString(36);

  beforeAll(async () => {
    ({ page } = await run.signedInPerson(ADMIN_EMAIL, ADMIN_PASSWORD));
  });

  it('builds the rule, and logs the incident it applied to', async () => {
    await page.goto('/admin/automation/incident/new');
    await visible(page.getByRole('heading', { name: 'New automation rule', level: 1 }));
    await page.getByRole('textbox', { name: 'Name' }).fill(`Printer triage ${id}`);
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('textbox', { name: 'Condition 1 value' }).fill(`printer-${id}`);
    await choose(page, 'Add an action', 'Add a comment');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('textbox', { name: 'Action 1 comment' }).fill('Check the paper tray first.');
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.waitForURL(/\/admin\/automation\/incident\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: `Printer triage ${id}`, level: 1 }));
    // The rule in words under its name.
    await visible(
      page.getByText(new RegExp(`^When a record is created, if .*contains.*printer-${id}.*, then `)),
    );
    await visible(page.getByText('No runs yet'));

    const matching = await run.admin.createIncident({ title: `The printer-${id} jams on every page` });
    await run.admin.createIncident({ title: `The scanner ${id} is slow` });
    await page.reload();
    const log = page.getByRole('table', { name: 'Run log' });
    await visible(log.getByRole('link', { name: matching.number }));
    expect(await log.getByRole('row').count()).toBe(2); // the header and the one run
    expect(await text(log.getByRole('row').nth(1))).toContain('Applied');

    // The comment is on the incident.
    await log.getByRole('link', { name: matching.number }).click();
    await page.waitForURL(new RegExp(`/incidents/${matching.number}$`));
    await visible(page.getByText('Check the paper tray first.'));
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });
});
