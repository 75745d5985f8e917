/**
 * The agents' workspace on a 390 px phone (a manager on call opening a queue): the page never
 * scrolls sideways. A queue's toolbar wraps, a wide table scrolls within itself, the process
 * switch becomes a select; a long name is cut in the breadcrumbs, not the page widened; a
 * calendar's week keeps its "Add hours" on screen; and a state badge beside a long title in the
 * portal keeps its whole label.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { type Person, signIn, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

type Doc = { document: { documentElement: { scrollWidth: number } } };

describe('the workspace on a phone', () => {
  const run = useBrowserRun();
  const id = unique();
  let phone: Person;
  let requester: UserInfo;

  beforeAll(async () => {
    await run.admin.createIncident({
      title: `The shared printer on the third floor prints blank pages ${id}`,
      urgency: 2,
    });
    await run.admin.call('POST', '/knowledge/categories', { name: `Printing ${id}`, reviewerIds: [] });
    requester = await run.admin.createPerson('Rita Requester', ['requester'], id);
    await (await run.apiAs(requester.email)).createIncident({
      title: `My second monitor flickers since the docking station update ${id}`,
    });
    phone = await run.newPerson(390, 844);
    await signIn(phone.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  const pageWidth = () =>
    phone.page.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth);

  it.each([
    ['/incidents', 'Incidents'],
    ['/processes/incident/roles', 'Roles and responsibilities'],
    ['/admin/priority-matrix', 'Priority matrix'],
    ['/knowledge/categories', 'Knowledge categories'],
  ])('shows %s without scrolling the page sideways', async (path, heading) => {
    await phone.page.goto(path);
    await visible(phone.page.getByRole('heading', { name: heading, level: 1 }));
    if (path === '/incidents') await visible(phone.page.getByRole('link', { name: /INC\d+/ }).first());
    if (path === '/knowledge/categories') await visible(phone.page.getByText(`Printing ${id}`));
    expect(await pageWidth()).toBeLessThanOrEqual(390);
  });

  it('cuts a long name in the breadcrumbs and keeps a calendar’s buttons on screen', async () => {
    const name = `Second-line support for the docking stations of the third floor ${id}`;
    const group = await run.admin.createGroup({ name });
    await phone.page.goto(`/admin/groups/${group.id}`);
    await visible(phone.page.getByRole('heading', { name, level: 1 }));
    const here = phone.page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(name);
    expect(await here.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    expect(await pageWidth()).toBeLessThanOrEqual(390);

    const calendar = await run.admin.createAlwaysCalendar(`Phone hours ${id}`);
    await phone.page.goto(`/service-levels/calendars/${calendar.id}`);
    const add = phone.page.getByRole('button', { name: 'Add hours on Monday' });
    await visible(add);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await add.click();
    await visible(phone.page.getByRole('textbox', { name: 'Monday from (2)' }));
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    expect(await seriousA11yProblems(phone.page)).toEqual([]);
  });

  it('switches process with a select, and keeps every badge whole', async () => {
    await phone.page.goto('/processes/incident/roles');
    await phone.page.getByRole('combobox', { name: 'Process' }).selectOption({ label: 'Problem' });
    await phone.page.waitForURL('**/processes/problem/roles');
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    expect(await seriousA11yProblems(phone.page)).toEqual([]);

    // A requester's own incidents in the portal: a long title beside its state.
    const { page: portal, errors } = await run.newPerson(390, 844);
    await signIn(portal, requester.email, PASSWORD);
    const mine = portal.getByRole('list', { name: 'My incidents' });
    const state = mine.getByRole('listitem').filter({ hasText: id }).locator('.mantine-Badge-label');
    await visible(state);
    expect(await state.textContent()).toBe('New');
    expect(await state.evaluate((l) => l.scrollWidth <= l.clientWidth)).toBe(true);
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
