/**
 * Processes and the catalog administered in the browser: an administrator builds a catalog item
 * in the item editor (a required text field, a choice, a manager approval, a task for a group),
 * a requester orders it in the portal and sees it waiting for approval; the administrator sets a
 * transition's notify effect in the lifecycle editor; an agent reads the process's roles and
 * responsibilities.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

describe('catalog and process administration', () => {
  const run = useBrowserRun();
  let mia: UserInfo;
  let rob: UserInfo;
  let agent: UserInfo;
  let adminPage: Page;
  const id = unique();
  const itemName = `Conference room booking ${id}`;
  const serviceName = `Facilities ${id}`;
  const groupName = `Facilities desk ${id}`;

  beforeAll(async () => {
    mia = await run.admin.createPerson('Mia Manager', ['requester'], id);
    rob = await run.admin.createPerson('Rob Requester', ['requester'], id, { managerId: mia.id });
    agent = await run.admin.createPerson('Ada Agent', ['agent'], id);
    await run.admin.createGroup({ name: groupName, memberIds: [agent.id] });
    await run.admin.createService({ name: serviceName, description: 'Rooms, desks and catering.' });
  });

  it('lets an administrator build a catalog item in the item editor', async () => {
    const { page } = await run.signedInPerson(ADMIN_EMAIL, ADMIN_PASSWORD);
    adminPage = page;
    await page.getByRole('link', { name: 'Catalog items' }).click();
    await visible(page.getByRole('heading', { name: 'Catalog items', level: 1 }));
    await page.getByRole('link', { name: 'New catalog item' }).click();
    await visible(page.getByRole('heading', { name: 'New catalog item', level: 1 }));

    await page.getByRole('textbox', { name: 'Name' }).fill(itemName);
    const service = page.getByRole('combobox', { name: 'Service' });
    await service.click();
    await service.fill(serviceName);
    await page.getByRole('option', { name: serviceName }).click();
    await page.getByRole('textbox', { name: 'Category' }).fill('Facilities');
    await page.getByRole('textbox', { name: 'Description' }).fill('Book a room for a meeting.');

    // Form: a required short text and a choice with two options.
    await page.getByRole('button', { name: 'Add field' }).click();
    const purpose = page.getByRole('group', { name: 'Field 1' });
    await purpose.getByRole('textbox', { name: 'Label' }).fill('Purpose of the meeting');
    await purpose.getByRole('checkbox', { name: 'Required' }).check();
    await page.getByRole('button', { name: 'Add field' }).click();
    const size = page.getByRole('group', { name: 'Field 2' });
    await size.getByRole('textbox', { name: 'Label' }).fill('Room size');
    await size.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Choice (one)' }).click();
    await size.getByRole('button', { name: 'Add option' }).click();
    await size.getByRole('textbox', { name: 'Option 1 label' }).fill('Small (4 people)');
    await size.getByRole('button', { name: 'Add option' }).click();
    await size.getByRole('textbox', { name: 'Option 2 label' }).fill('Large (12 people)');
    expect(await size.getByRole('textbox', { name: 'Option 2 value' }).inputValue()).toBe('large_12_people');

    // Approval by the requester's manager.
    await page.getByRole('tab', { name: /^Approvals/ }).click();
    await page.getByRole('switch', { name: 'Orders need approval' }).check();
    const level = page.getByRole('group', { name: 'Approval level 1' });
    await visible(level);
    expect(await level.getByRole('checkbox', { name: 'The requester’s manager' }).isChecked()).toBe(true);

    // One fulfilment task for the facilities group.
    await page.getByRole('tab', { name: /^Fulfilment tasks/ }).click();
    await page.getByRole('button', { name: 'Add task' }).click();
    const task = page.getByRole('group', { name: 'Task 1' });
    await task.getByRole('textbox', { name: 'Task title' }).fill('Reserve the room');
    const group = task.getByRole('combobox', { name: 'Group' });
    await group.click();
    await group.fill(groupName);
    await page.getByRole('option', { name: groupName }).click();
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add item' }).click();
    await page.waitForURL(/\/admin\/catalog-items\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { name: itemName, level: 1 }));
    await visible(page.getByText(`${itemName} saved`));
    await page.getByRole('tab', { name: /^Fulfilment tasks \(1\)/ }).click();
    expect(await page.getByRole('textbox', { name: 'Task title' }).inputValue()).toBe('Reserve the room');
  });

  it('lets a requester order it in the portal and see it waiting for approval', async () => {
    const { page } = await run.signedInPerson(rob.email);
    await page.waitForURL('**/portal');
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByRole('textbox', { name: 'Search the catalog' }).fill(`room booking ${id}`);
    const section = page.getByRole('region', { name: serviceName });
    await section.getByRole('link', { name: itemName }).click();
    await visible(page.getByRole('heading', { name: itemName, level: 1 }));

    await page.getByRole('button', { name: 'Order', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Some answers need attention' });
    await visible(summary);
    expect(await text(summary)).toContain('Purpose of the meeting is required');

    await page.getByRole('textbox', { name: 'Purpose of the meeting' }).fill('Quarterly planning');
    await page.getByRole('radio', { name: 'Large (12 people)' }).check();
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/portal\/requests\/REQ\d+$/);
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Awaiting approval$/ }));
    const progress = page.getByRole('region', { name: 'Progress' });
    await visible(progress.getByText('Waiting for Mia Manager'));
    await visible(progress.getByRole('list', { name: 'Tasks' }).getByText('Reserve the room'));
    const answers = page.getByRole('region', { name: /what was asked for/ });
    await visible(answers.getByText('Quarterly planning'));
    await visible(answers.getByText('Large (12 people)'));
    await visible(page.getByRole('region', { name: 'Activity' }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the administrator choose who a transition notifies in the lifecycle editor', async () => {
    const page = adminPage;
    await page.getByRole('link', { name: 'Processes', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Incident process', level: 1 }));
    const notify = page.getByRole('group', { name: 'Notify when “Resolve” is taken' });
    await visible(notify);
    expect(await notify.getByRole('checkbox', { name: 'Requester' }).isChecked()).toBe(true);
    expect(await notify.getByRole('checkbox', { name: 'Informed (RACI)' }).isChecked()).toBe(true);
    await notify.getByRole('checkbox', { name: 'Watchers' }).check();
    // Consulted and informed parties need a RACI activity: the server says so for "Start work".
    await page
      .getByRole('group', { name: 'Notify when “Start work” is taken' })
      .getByRole('checkbox', { name: 'Informed (RACI)' })
      .check();
    await page.getByRole('button', { name: 'Save lifecycle' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'The lifecycle was not saved' });
    await visible(problems);
    expect(await text(problems)).toContain('has no RACI activity');
    await page
      .getByRole('group', { name: 'Notify when “Start work” is taken' })
      .getByRole('checkbox', { name: 'Informed (RACI)' })
      .uncheck();
    await page.getByRole('button', { name: 'Save lifecycle' }).click();
    await visible(page.getByText('Incident lifecycle saved'));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('shows an agent the roles and responsibilities of each process, read-only', async () => {
    const { page } = await run.signedInPerson(agent.email);
    await page.waitForURL('**/incidents');
    await page.getByRole('link', { name: 'Roles and responsibilities' }).click();
    await visible(page.getByRole('heading', { name: 'Roles and responsibilities', level: 1 }));
    const matrix = page.getByRole('table', { name: 'RACI matrix' });
    await visible(matrix);
    const resolve = matrix.getByRole('row').filter({ hasText: 'Resolve' });
    await visible(resolve);
    expect(await text(resolve)).toMatch(/R/);
    await visible(page.getByText('Process owner'));
    await visible(page.getByText('Process manager'));
    const told = page.getByRole('listitem').filter({ hasText: 'Resolve' });
    await visible(told);
    expect(await text(told)).toContain('the requester, the watchers and the informed parties (RACI)');
    // Read-only: no way to edit the matrix here.
    expect(await page.getByRole('button', { name: 'Edit matrix' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit the matrix' }).count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByText('Service request', { exact: true }).click();
    await page.waitForURL('**/processes/request/roles');
    await visible(
      page.getByRole('table', { name: 'RACI matrix' }).getByRole('row').filter({ hasText: 'Approve' }),
    );
    expect(await text(page.getByRole('listitem').filter({ hasText: 'Approved' }))).toContain(
      'notifies the requester',
    );
    await page.context().close();
    expect(run.pageErrors).toEqual([]);
  });
});
