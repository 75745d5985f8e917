/**
 * An agent works an incident from start to finish in the browser: create, assign, comment,
 * internal note, attachment, start, resolve (the dialog insists on its fields), close, history.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentInfo, PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, hidden, signIn, text, visible } from './support/browser.ts';
import { resolveSolvedPermanently } from './support/incident.ts';
import { useBrowserRun } from './support/run.ts';

describe('agent works an incident', () => {
  const run = useBrowserRun();
  let page: Page;
  let agent: UserInfo;
  const id = unique();
  const groupName = `Service Desk ${id}`;
  const title = `VPN drops every ten minutes ${id}`;
  // Screenshots of the incident page and the queue, for a look at the layout (overwritten each run;
  // Playwright creates the folder).
  const shots = path.join(tmpdir(), 'steward-e2e-screenshots');

  beforeAll(async () => {
    agent = await run.admin.createPerson('Sam Agent', ['agent'], id);
    await run.admin.createPerson('Rita Requester', ['requester'], id);
    await run.admin.createGroup({ name: groupName, memberIds: [agent.id] });
    ({ page } = await run.newPerson());
  });

  const activity = () => page.getByRole('region', { name: 'Activity' });
  const state = (label: string) =>
    page.locator('main .mantine-Badge-root', { hasText: new RegExp(`^${label}$`) });

  it('signs in and lands on the incident queue', async () => {
    await signIn(page, agent.email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/incidents');
    await visible(page.getByRole('heading', { name: 'Incidents', level: 1 }));
    await visible(page.getByText('No incidents match this view'));
  });

  it('creates an incident, with validation messages first', async () => {
    await page.getByRole('link', { name: 'New incident' }).first().click();
    await visible(page.getByRole('heading', { name: 'New incident' }));
    await page.getByRole('button', { name: 'Create incident' }).click();
    await visible(page.getByText('Give the incident a short title'));

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page
      .getByRole('textbox', { name: 'Description', exact: true })
      .fill('Since this morning the VPN client disconnects.');
    await page.getByRole('textbox', { name: 'Category', exact: true }).fill('Network');
    await choose(page, 'Requester', /Rita Requester/, 'Rita');
    await choose(page, 'Impact', '2 – Medium');
    await choose(page, 'Urgency', '1 – High');
    await visible(page.getByText('P2 High'));
    await page.getByRole('button', { name: 'Create incident' }).click();

    await page.waitForURL(/\/incidents\/INC\d+$/);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(title) }));
    await visible(state('New'));
    expect(await page.getByText('Opened by Rita Requester').count()).toBeGreaterThan(0);
  });

  it('assigns it to a group and to themselves', async () => {
    await choose(page, 'Assignment group', groupName);
    await choose(page, 'Assignee', 'Sam Agent');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText(/INC\d+ saved/));
    await expect.poll(() => text(page.locator('main'))).toContain(`${groupName} · Sam Agent`);
  });

  it('is told clearly when someone else changed the incident first (412), and reloads keeping the edit', async () => {
    const number = new URL(page.url()).pathname.split('/').pop() ?? '';
    // With the live stream cut (a proxy dropped it), the page never hears of the other change
    // (when it does, the draft takes the other field at once and the save goes through): only
    // the save's If-Match finds it.
    await page.route('**/api/v1/live', (route) => route.abort());
    await page.reload();
    await page
      .getByRole('textbox', { name: 'Description', exact: true })
      .fill('My edit, based on an old version.');
    const current = await run.admin.call<IncidentInfo>('GET', `/incidents/${number}`);
    await run.admin.call(
      'PATCH',
      `/incidents/${current.id}`,
      { category: 'Remote access' },
      {
        'if-match': `"${current.version}"`,
      },
    );
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this incident' });
    await visible(alert);
    await alert.getByRole('button', { name: 'Reload incident' }).click();
    await hidden(alert);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Category', exact: true }).inputValue())
      .toBe('Remote access');
    // The reload keeps the user's draft on top of the latest version, ready to save.
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Description', exact: true }).inputValue())
      .toBe('My edit, based on an old version.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    type Saved = IncidentInfo & { description: string; category: string };
    const saved = () => run.admin.call<Saved>('GET', `/incidents/${number}`);
    await expect.poll(async () => (await saved()).description).toBe('My edit, based on an old version.');
    expect((await saved()).category).toBe('Remote access');
    await page.unroute('**/api/v1/live');
    await page.reload();
  });

  it('adds a public comment and an internal note', async () => {
    await page
      .getByRole('textbox', { name: 'Comment', exact: true })
      .fill('We are looking into it; please keep the client open.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await visible(activity().getByText('We are looking into it; please keep the client open.'));

    await page.getByText('Internal note', { exact: true }).first().click();
    await page
      .getByRole('textbox', { name: 'Internal note', exact: true })
      .fill('Gateway logs show IKE rekey failures.');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    const note = activity()
      .getByLabel('Internal note')
      .filter({ hasText: 'Gateway logs show IKE rekey failures.' });
    await visible(note);
    const publicComment = activity()
      .getByLabel('Public comment')
      .filter({ hasText: 'We are looking into it' });
    await visible(publicComment);
  });

  it('attaches a file', async () => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Attach file' }).click(),
    ]);
    await chooser.setFiles({
      name: 'vpn-client.log',
      mimeType: 'text/plain',
      buffer: Buffer.from('12:00:01 tunnel up\n12:10:02 rekey failed\n'),
    });
    const link = await visible(activity().getByRole('link', { name: 'vpn-client.log' }));
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]+\/content$/);
    const res = await page.request.get(href ?? '');
    expect(await res.text()).toContain('rekey failed');
  });

  it('jumps to the incident from the global search with the / shortcut', async () => {
    const number = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('link', { name: 'All incidents' }).click();
    await visible(page.getByRole('heading', { name: 'Incidents', level: 1 }));
    await page.locator('body').click({ position: { x: 5, y: 500 } });
    await page.keyboard.press('/');
    const search = page.getByRole('textbox', {
      name: 'Search records and configuration items, or jump to a number',
    });
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type(number.toLowerCase());
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/incidents/${number}`);
    await visible(page.getByRole('heading', { level: 1, name: new RegExp(title) }));
  });

  it('starts work, and the queue and incident page pass an accessibility check', async () => {
    await page.getByRole('button', { name: 'Start work' }).click();
    await visible(state('In progress'));
    await page.screenshot({ path: path.join(shots, 'incident.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'All incidents' }).click();
    await visible(page.getByRole('link', { name: /^INC\d+$/ }));
    await visible(page.getByRole('cell', { name: title }));
    await page.screenshot({ path: path.join(shots, 'queue.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page
      .getByRole('link', { name: /^INC\d+$/ })
      .first()
      .click();
    await visible(state('In progress'));
  });

  it('resolves it: the dialog refuses without a resolution code and notes', async () => {
    await page.getByRole('button', { name: 'Resolve…' }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => dialog.getByText('Required for this step').count()).toBe(2);
    await visible(dialog);

    await resolveSolvedPermanently(page, dialog, 'Replaced the expired gateway certificate.');
    await visible(state('Resolved'));
    await visible(page.getByText('Replaced the expired gateway certificate.').first());
  });

  it('closes it and sees the whole history', async () => {
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await visible(state('Closed'));
    await hidden(page.getByRole('group', { name: 'Lifecycle actions' }));
    // The stream is fetched again after the step; wait for the close to arrive.
    await expect.poll(() => text(activity())).toContain('Closed');

    const history = await text(activity());
    for (const expected of [
      'created INC',
      'Assignment group:',
      groupName,
      'Assignee:',
      'Sam Agent',
      'State:',
      'New',
      'In progress',
      'Resolved',
      'Closed',
      'Resolution code:',
      'Solved permanently',
      'Resolution notes:',
      'We are looking into it; please keep the client open.',
      'Gateway logs show IKE rekey failures.',
      'vpn-client.log',
    ]) {
      expect(history, `activity shows “${expected}”`).toContain(expected);
    }
    // Newest first: the close is at the top, the creation at the bottom.
    expect(history.indexOf('Closed')).toBeLessThan(history.indexOf('created INC'));
    expect(run.pageErrors).toEqual([]);
  });
});
