/**
 * A service request end to end in the browser: a requester orders a laptop from the portal
 * catalog (the form checks its answers and shows a field only when it applies), their manager
 * approves it in the Approvals inbox, members of two groups complete their parallel fulfilment
 * tasks, and the requester follows the progress and closes the fulfilled request.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CatalogItemInfo, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { hidden, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('service request from order to closure', () => {
  const run = useBrowserRun();
  let rita: UserInfo;
  let mona: UserInfo;
  let hank: UserInfo;
  let alice: UserInfo;
  let item: CatalogItemInfo;
  let number = '';
  const id = unique();
  const itemName = `New laptop ${id}`;

  beforeAll(async () => {
    mona = await run.admin.createPerson('Mona Manager', ['requester'], id);
    rita = await run.admin.createPerson('Rita Requester', ['requester'], id, { managerId: mona.id });
    hank = await run.admin.createPerson('Hank Hardware', ['agent'], id);
    alice = await run.admin.createPerson('Alice Access', ['agent'], id);
    const hardware = await run.admin.createGroup({
      name: `End-User Computing ${id}`,
      memberIds: [hank.id],
    });
    const access = await run.admin.createGroup({
      name: `Identity and Access ${id}`,
      memberIds: [alice.id],
    });
    const service = await run.admin.createService({
      name: `Workplace ${id}`,
      description: 'Laptops, phones and the accounts to use them.',
    });
    item = await run.admin.createCatalogItem({
      serviceId: service.id,
      name: itemName,
      description: 'A laptop for your work, set up and ready to use.',
      category: 'Hardware',
      form: [
        {
          key: 'model',
          label: 'Model',
          type: 'choice',
          required: true,
          options: [
            { value: 'standard', label: 'Standard 14 inch' },
            { value: 'pro', label: 'Performance 16 inch' },
          ],
        },
        {
          key: 'justification',
          label: 'Why do you need this model?',
          type: 'textarea',
          required: true,
          visibleIf: { field: 'model', equals: 'pro' },
        },
        { key: 'quantity', label: 'Quantity', type: 'number', min: 1, max: 3 },
        { key: 'needed_by', label: 'Needed by', type: 'date' },
        {
          key: 'extras',
          label: 'Extras',
          type: 'multi_choice',
          options: [
            { value: 'dock', label: 'Docking station' },
            { value: 'headset', label: 'Headset' },
          ],
        },
        { key: 'cost_centre', label: 'Cost centre', type: 'text', pattern: 'CC-\\d{4}', required: true },
        { key: 'user', label: 'Who will use it?', type: 'user' },
      ],
      approvalPolicy: { levels: [{ name: 'Line manager', rule: 'all', approvers: [{ kind: 'manager' }] }] },
      taskTemplates: [
        { title: 'Prepare and ship the laptop', groupId: hardware.id, order: 1 },
        { title: 'Set up VPN access', groupId: access.id, order: 1 },
      ],
    });
  });

  const state = (page: Page, label: string) =>
    page.locator('main .mantine-Badge-root', { hasText: new RegExp(`^${label}$`) });
  /** The request's entry in the portal list named `list`. */
  const entryIn = (page: Page, list: string) =>
    page.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: number });

  let ritaPage: Page;
  /** Requests the API refused to Rita's pages: the form asks nothing she may not ask. */
  const refused: string[] = [];

  it('lets the requester find the item in the portal catalog', async () => {
    ritaPage = (await run.signedInPerson(rita.email)).page;
    ritaPage.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    await ritaPage.waitForURL('**/portal');
    await visible(ritaPage.getByText('No requests under way'));
    await ritaPage.getByRole('link', { name: 'Catalog', exact: true }).click();
    await visible(ritaPage.getByRole('heading', { name: 'Service catalog', level: 1 }));
    await ritaPage.getByRole('textbox', { name: 'Search the catalog' }).fill(`laptop ${id}`);
    const section = ritaPage.getByRole('region', { name: `Workplace ${id}` });
    await visible(section.getByRole('link', { name: itemName }));
    expect(await seriousA11yProblems(ritaPage)).toEqual([]);
    await section.getByRole('link', { name: itemName }).click();
    await ritaPage.waitForURL(`**/portal/catalog/${item.id}`);
    await visible(ritaPage.getByRole('heading', { name: itemName, level: 1 }));
  });

  it('checks the answers and shows a field only when it applies', async () => {
    const page = ritaPage;
    const justification = page.getByRole('textbox', { name: 'Why do you need this model?' });
    expect(await justification.count()).toBe(0);
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Some answers need attention' });
    await visible(summary);
    expect(await text(summary)).toContain('Model is required');
    expect(await text(summary)).toContain('Cost centre is required');

    await page.getByRole('radio', { name: 'Performance 16 inch' }).check();
    await visible(justification);
    await visible(page.getByText('Why do you need this model? is required'));
    await page.getByRole('textbox', { name: 'Cost centre' }).fill('12');
    await visible(page.getByText('Cost centre does not have the expected format'));

    await justification.fill('I edit video for the marketing team.');
    await page.getByRole('textbox', { name: 'Cost centre' }).fill('CC-4711');
    await page.getByRole('textbox', { name: 'Quantity' }).fill('1');
    await page.getByLabel('Needed by').fill('2031-03-02');
    await page.getByRole('checkbox', { name: 'Docking station' }).check();
    await hidden(summary);
    // A requester may not browse the directory: the person field offers herself, and the page
    // never asked the directory to find out.
    await page.getByRole('combobox', { name: 'Who will use it?' }).click();
    await visible(page.getByRole('option', { name: 'Rita Requester (me)' }));
    await page.keyboard.press('Escape');
    expect(refused).toEqual([]);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('orders it and shows the request waiting for the manager', async () => {
    const page = ritaPage;
    await page.getByRole('button', { name: 'Order', exact: true }).click();
    await page.waitForURL(/\/portal\/requests\/REQ\d+$/);
    number = new URL(page.url()).pathname.split('/').pop() ?? '';
    await visible(page.getByRole('heading', { name: itemName, level: 1 }));
    await visible(state(page, 'Awaiting approval'));
    const progress = page.getByRole('region', { name: 'Progress' });
    await visible(progress.getByText('Approval 1: Line manager'));
    await visible(progress.getByText('Waiting for Mona Manager'));
    const tasks = progress.getByRole('list', { name: 'Tasks' });
    expect(await tasks.getByRole('listitem').count()).toBe(2);
    expect(await tasks.getByText('Not started').count()).toBe(2);
    const answers = page.getByRole('region', { name: /what was asked for/ });
    await visible(answers.getByText('Performance 16 inch'));
    await visible(answers.getByText('Docking station'));
    await visible(answers.getByText('CC-4711'));
    // The order is the first entry of the activity stream; wait for it before the axe check.
    await visible(page.getByRole('region', { name: 'Activity' }));
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'My requests' }).click();
    const mine = entryIn(page, 'My requests');
    await visible(mine);
    expect(await text(mine)).toContain('Awaiting approval');
  });

  it('lets the manager approve it from the Approvals inbox', async () => {
    const page = (await run.signedInPerson(mona.email)).page;
    await page.waitForURL('**/portal');
    await page.getByRole('link', { name: /^Approvals/ }).click();
    await visible(page.getByRole('heading', { name: 'Approvals', level: 1 }));
    const entry = entryIn(page, 'Waiting for me');
    await visible(entry);
    expect(await text(entry)).toContain('Rita Requester');
    expect(await seriousA11yProblems(page)).toEqual([]);

    // Rejecting needs a reason; the manager thinks again and approves instead.
    await entry.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: `Reject ${number}` });
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await visible(dialog.getByText('Tell the requester why'));
    await dialog.getByRole('button', { name: 'Back' }).click();
    await hidden(dialog);

    await entry.getByRole('button', { name: 'Approve' }).click();
    await visible(page.getByText('Nothing waiting for you'));
    await page.context().close();
  });

  async function completeTask(user: UserInfo, title: string) {
    const page = (await run.signedInPerson(user.email)).page;
    await page.waitForURL('**/incidents');
    await page.getByRole('link', { name: 'My groups’ tasks' }).click();
    const table = page.getByRole('table', { name: 'Fulfilment tasks' });
    const row = table.getByRole('row').filter({ hasText: title });
    await visible(row);
    // Only the tasks of the person's own group are in their queue.
    expect(await table.getByRole('row').count()).toBe(2);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/tasks\/RTK\d+$/);
    await visible(page.getByRole('heading', { name: new RegExp(title), level: 1 }));
    await visible(page.getByRole('link', { name: new RegExp(number) }));
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await visible(page.getByText(`· ${user.name}`));
    await page.getByRole('button', { name: 'Start work' }).click();
    await visible(state(page, 'In progress'));
    await page.getByRole('button', { name: 'Complete' }).click();
    await visible(state(page, 'Done'));
    await visible(page.getByRole('region', { name: 'Activity' }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.context().close();
  }

  it('lets each group complete its task', async () => {
    await completeTask(hank, 'Prepare and ship the laptop');
    await completeTask(alice, 'Set up VPN access');
  });

  it('shows the requester the finished progress and lets them close the request', async () => {
    const page = ritaPage;
    await page.goto(`/portal/requests/${number}`);
    await visible(state(page, 'Fulfilled'));
    const progress = page.getByRole('region', { name: 'Progress' });
    await visible(progress.getByText('Mona Manager approved'));
    await visible(progress.getByText('2 of 2 tasks finished'));
    expect(await progress.getByRole('list', { name: 'Tasks' }).getByText('Done').count()).toBe(2);

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await visible(state(page, 'Closed'));
    expect(await page.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
    await visible(page.getByRole('region', { name: 'Activity' }));
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'My requests' }).click();
    await page.getByRole('radiogroup', { name: 'Which requests' }).getByText('All', { exact: true }).click();
    const mine = entryIn(page, 'My requests');
    await visible(mine);
    expect(await text(mine)).toContain('Closed');
    expect(run.pageErrors).toEqual([]);
  });
});
