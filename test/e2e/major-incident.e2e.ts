/**
 * A service manager declares a major incident on an incident with a coordinator, links two
 * related incidents as its children, logs a communication and resolves it: the children resolve
 * with it. An administrator's invalid lifecycle is refused with a readable reason.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentInfo, PASSWORD, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, hidden, signIn, text, visible } from './support/browser.ts';
import { resolveSolvedPermanently } from './support/incident.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

describe('major incident', () => {
  const run = useBrowserRun();
  let page: Page;
  const id = unique();
  const managerEmail = `mona.${id}@example.com`;
  const coordinatorName = `Carl Coordinator ${id}`;
  let parent: IncidentInfo;
  let children: IncidentInfo[];

  beforeAll(async () => {
    await run.admin.createUser({
      name: `Mona Manager ${id}`,
      email: managerEmail,
      roles: ['service_manager'],
    });
    await run.admin.createUser({
      name: coordinatorName,
      email: `carl.${id}@example.com`,
      roles: ['agent'],
    });
    parent = await run.admin.createIncident({ title: 'Core switch failure in data centre A' });
    children = [
      await run.admin.createIncident({ title: 'Cannot reach the file share' }),
      await run.admin.createIncident({ title: 'Printing fails on floor 3' }),
    ];
    ({ page } = await run.newPerson());
  });

  const majorPanel = () => page.getByRole('region', { name: 'Major incident' });
  const linked = () => page.getByRole('region', { name: /Linked incidents/ });

  it('declares a major incident with a coordinator', async () => {
    await signIn(page, managerEmail, PASSWORD);
    await page.getByRole('link', { name: 'Major incidents', exact: true }).click();
    await visible(page.getByText('No active major incidents'));

    await page.goto(`/incidents/${parent.number}`);
    // The first record page loads its chunk and several queries: allow a busy machine time.
    await visible(page.getByRole('heading', { name: new RegExp(parent.number), level: 1 }), 45_000);
    const declare = page.getByRole('button', { name: 'Declare major incident' });
    await visible(declare, 30_000);
    await declare.click();
    const dialog = page.getByRole('dialog', { name: `Declare ${parent.number} a major incident` });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Declare major incident' }).click();
    await visible(dialog.getByText('Describe the impact'));

    await choose(page, 'Coordinator', new RegExp(coordinatorName), 'Carl');
    await dialog
      .getByRole('textbox', { name: 'Summary' })
      .fill('All services in data centre A are unreachable.');
    await dialog.getByRole('button', { name: 'Declare major incident' }).click();
    await hidden(dialog);

    await visible(majorPanel());
    await expect.poll(() => text(majorPanel().getByTestId('major-coordinator'))).toBe(coordinatorName);
    await visible(majorPanel().getByText('Active', { exact: true }));
    await visible(page.locator('main .mantine-Badge-root', { hasText: /P1/ }));
    await hidden(page.getByRole('button', { name: 'Declare major incident' }));
  });

  it('links two incidents as its children', async () => {
    for (const child of children) {
      await linked().getByRole('textbox', { name: 'Link an incident as a child' }).fill(child.number);
      await linked().getByRole('button', { name: 'Link', exact: true }).click();
      await visible(linked().getByRole('link', { name: child.number }));
    }
    await visible(linked().getByRole('heading', { name: 'Linked incidents (2)' }));
    // The child shows its parent.
    await page.goto(`/incidents/${children[0]!.number}`);
    await visible(page.getByText(`Child of ${parent.number}`));
    await page.goto(`/incidents/${parent.number}`);
    await visible(linked().getByRole('link', { name: children[1]!.number }));
  });

  it('logs a communication', async () => {
    const message = 'Network team on site; next update at 10:30.';
    await majorPanel().getByRole('textbox', { name: 'Message sent' }).fill(message);
    await majorPanel().getByRole('button', { name: 'Log communication' }).click();
    const log = majorPanel().getByRole('list', { name: 'Communication log' });
    await visible(log.getByText(message));
    expect(await text(log)).toContain('Stakeholders');
    await visible(majorPanel().getByRole('heading', { name: 'Communication log (1)' }));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('resolves the parent and the children resolve with it', async () => {
    await page.getByRole('button', { name: 'Resolve…' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog);
    await resolveSolvedPermanently(page, dialog, 'Replaced the failed core switch.');

    for (const child of children) {
      const row = linked().getByRole('listitem').filter({ hasText: child.number });
      await visible(row.getByText('Resolved', { exact: true }));
    }
    await visible(majorPanel().getByRole('button', { name: 'Write review' }));

    await page.goto(`/incidents/${children[1]!.number}`);
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Resolved$/ }));
    await visible(page.getByText(`Resolved together with ${parent.number}`).first());

    await page.getByRole('link', { name: 'Major incidents', exact: true }).click();
    await page.locator('main label', { hasText: /^All$/ }).click();
    await page.waitForURL((u) => u.search === '?status=all');
    const row = page.getByRole('row').filter({ hasText: parent.number });
    await visible(row);
    expect(await text(row)).toContain(coordinatorName);
    expect(run.pageErrors).toEqual([]);
  });

  it('refuses an invalid lifecycle with a readable reason', async () => {
    const admin = await run.signedInPerson(ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.page.getByRole('link', { name: 'Processes', exact: true }).click();
    await visible(admin.page.getByRole('heading', { name: 'Incident process', level: 1 }));
    await visible(admin.page.getByRole('cell', { name: 'Resolve' }).first());

    await admin.page.getByRole('button', { name: 'Add state' }).click();
    const rows = admin.page.getByRole('textbox', { name: /^Label of state/ });
    await rows.last().fill('Escalated');
    await admin.page.getByRole('button', { name: 'Save lifecycle' }).click();
    const alert = admin.page.getByRole('alert').filter({ hasText: 'The lifecycle was not saved' });
    await visible(alert);
    expect(await text(alert)).toContain('State "Escalated" cannot be reached from "new".');
    expect(await seriousA11yProblems(admin.page)).toEqual([]);

    const stored = await run.admin.call<{ lifecycle: { states: { key: string }[] } }>(
      'GET',
      '/settings/incident/lifecycle',
    );
    expect(stored.lifecycle.states.map((s) => s.key)).not.toContain('escalated');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });
});
