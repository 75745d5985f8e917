/**
 * The record page leads with what an agent acts on: the header shows the nearest SLA due time and
 * "Assign to me"; edits survive the record moving on (the agent's own assignment, or someone
 * else's change to the same field, which is flagged and reloaded keeping the draft); the page's
 * keyboard shortcuts work and are listed in the "?" dialog. And the portal's header fits a phone.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentInfo, PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { hidden, signIn, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

type Saved = IncidentInfo & { description: string; assignee: { id: string } | null };

describe('the record page', () => {
  const run = useBrowserRun();
  let page: Page;
  let agent: UserInfo;
  let requester: UserInfo;
  let incident: IncidentInfo;
  let service: { id: string; name: string };
  const id = unique();
  const title = `Printer queue stuck ${id}`;

  beforeAll(async () => {
    const group = await run.admin.createGroup({ name: `Desk ${id}` });
    ({ user: agent, page } = await run.signedInUser('Sam Agent', ['agent'], id, { groupIds: [group.id] }));
    requester = await run.admin.createPerson('Rita Requester', ['requester'], id);
    // An SLA in force around the clock: response in 60 min × priority.
    const calendar = await run.admin.createAlwaysCalendar(`Always ${id}`);
    service = await run.admin.createService({ name: `Printing ${id}` });
    await run.admin.createAgreedAgreement({
      kind: 'sla',
      name: `Printing SLA ${id}`,
      calendarId: calendar.id,
      serviceId: service.id,
      targets: [1, 2, 3, 4, 5].map((p) => ({
        priority: p,
        responseMinutes: 60 * p,
        resolutionMinutes: 240 * p,
      })),
    });
    incident = await run.admin.call<IncidentInfo>('POST', '/incidents', {
      title,
      description: 'Jobs wait forever.',
      impact: 2,
      urgency: 2,
      serviceId: service.id,
      groupId: group.id,
      requesterId: requester.id,
    });
  });

  const header = () => page.getByRole('region', { name: `${incident.number} summary` });
  const description = () => page.getByRole('textbox', { name: 'Description', exact: true });
  // The tests run without the DOM's types; the page has them.
  type Doc = {
    document: { activeElement: { blur?: () => void } | null; documentElement: { scrollWidth: number } };
  };
  const blur = () => page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.blur?.());
  const saved = () => run.admin.call<Saved>('GET', `/incidents/${incident.number}`);
  /** The warning that someone else changed the incident holds the save back until reloaded; the draft stays and saves. */
  const reloadKeepingDraft = async (draft: string) => {
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this incident' });
    await visible(alert);
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await alert.getByRole('button', { name: /Reload incident, keep my edits/ }).click();
    await hidden(alert);
    expect(await description().inputValue()).toBe(draft);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await saved()).description).toBe(draft);
  };

  it('shows state, priority, who has it and the nearest SLA due time in the header', async () => {
    await page.goto(`/incidents/${incident.number}`);
    await visible(header());
    await expect.poll(() => text(header())).toMatch(/SLA due.*(3 h|2 h 5\d min) left/);
    const all = await text(header());
    expect(all).toContain('New');
    expect(all).toContain('P3');
    expect(all).toContain(`Desk ${id} · Unassigned`);
    // Absolute times name their zone (the agent's is Europe/Berlin).
    expect(all).toMatch(/\d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)/);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('takes the incident with "Assign to me", and an edit in progress follows along', async () => {
    await description().fill('Draft written before taking it.');
    await header().getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => text(header())).toContain(`Desk ${id} · Sam Agent`);
    await hidden(header().getByRole('button', { name: 'Assign to me' }));
    // The agent's own change moved the version on: no warning, the draft is kept and saves.
    expect(await page.getByRole('alert').filter({ hasText: 'Someone else changed' }).count()).toBe(0);
    expect(await description().inputValue()).toBe('Draft written before taking it.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await saved()).description).toBe('Draft written before taking it.');
    expect((await saved()).assignee?.id).toBe(agent.id);
  });

  it('flags a field someone else changed meanwhile, and reloads keeping the draft', async () => {
    await description().fill('My wording.');
    const current = await saved();
    await run.admin.call(
      'PATCH',
      `/incidents/${current.id}`,
      { description: 'Their wording.' },
      { 'if-match': `"${current.version}"` },
    );
    // The live stream brings their change: the page flags it before any save is tried.
    await reloadKeepingDraft('My wording.');
  });

  it('refuses a save over a change it never heard of, and reloads keeping the draft', async () => {
    // With its live stream cut (a proxy dropped it), only the save's If-Match finds the change.
    await page.route('**/api/v1/live', (route) => route.abort());
    try {
      await page.goto(`/incidents/${incident.number}`);
      await description().fill('My second wording.');
      const current = await saved();
      await run.admin.call('PATCH', `/incidents/${current.id}`, { description: 'Theirs again.' });
      await page.getByRole('button', { name: 'Save changes' }).click();
      await reloadKeepingDraft('My second wording.');
    } finally {
      await page.unroute('**/api/v1/live');
      await page.goto(`/incidents/${incident.number}`);
      await visible(header());
    }
  });

  it('answers its keyboard shortcuts and lists them under "?"', async () => {
    await blur();
    await page.keyboard.press('c');
    const comment = page.getByRole('textbox', { name: 'Comment', exact: true });
    await expect.poll(() => comment.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('Typed after pressing c');
    expect(await comment.inputValue()).toBe('Typed after pressing c');
    await comment.fill('');

    await blur();
    await page.keyboard.press('e');
    const titleBox = page.getByRole('textbox', { name: 'Title', exact: true });
    await expect.poll(() => titleBox.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await blur();
    await page.keyboard.press('t');
    const first = page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button').first();
    await expect.poll(() => first.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await blur();
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await visible(help);
    const listed = await text(help);
    expect(listed).toContain('On a record');
    expect(listed).toContain('Write a comment');
    expect(listed).toContain('Focus the search box');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await hidden(help);
    expect(run.pageErrors).toEqual([]);
  });

  it('offers the services a chosen CI supports on a new incident, choosing the only one', async () => {
    const spooler = await run.admin.call<{ id: string }>('POST', '/cmdb/cis', {
      classKey: 'application',
      name: `Print spooler ${id}`,
      attributes: {},
    });
    await run.admin.call('POST', '/cmdb/relationships', {
      type: 'depends_on',
      fromId: service.id,
      toId: spooler.id,
    });
    await page.goto(`/incidents/new?ci=${spooler.id}`);
    await visible(page.getByRole('heading', { name: 'New incident' }));
    const serviceBox = page.getByRole('combobox', { name: 'Service', exact: true });
    await expect.poll(() => serviceBox.inputValue()).toBe(service.name);
    await visible(page.getByText(`Chosen because Print spooler ${id} supports only this service.`));

    // Cleared, it stays cleared, and the supported service is offered.
    // Mantine's clear button is for the mouse (hidden from assistive technology): find it beside the input.
    await serviceBox.locator('xpath=..').locator('[class*="InputClearButton"]').click();
    const offered = page
      .getByRole('region', { name: 'Services these configuration items support' })
      .getByRole('button', { name: service.name });
    await visible(offered);
    expect(await serviceBox.inputValue()).toBe('');
    await offered.click();
    await expect.poll(() => serviceBox.inputValue()).toBe(service.name);
    expect(run.pageErrors).toEqual([]);
  });

  it('fits the portal header on a 390 px phone, with every entry reachable', async () => {
    const { context, page: phone, errors } = await run.newPerson(390, 844);
    await signIn(phone, requester.email, PASSWORD);
    await visible(phone.getByRole('heading', { name: 'My incidents', level: 1 }));
    expect(
      await phone.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);

    const inView = async (name: string) => {
      const box = await phone.getByRole('button', { name }).first().boundingBox();
      expect(box, `${name} is shown`).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), `${name} is on screen`).toBeLessThanOrEqual(390);
    };
    await inView('Notifications');
    await inView('Account menu');
    await inView('Portal menu');

    await phone.getByRole('button', { name: 'Portal menu' }).click();
    await visible(phone.getByRole('link', { name: 'Approvals' }));
    await visible(phone.getByRole('link', { name: 'Report a problem' }));
    expect(await seriousA11yProblems(phone)).toEqual([]);
    await phone.getByRole('link', { name: 'Catalog' }).click();
    await phone.waitForURL('**/portal/catalog');

    await phone.getByRole('button', { name: 'Account menu' }).click();
    const signOut = phone.getByRole('menuitem', { name: 'Sign out' });
    await visible(signOut);
    const box = await signOut.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await signOut.click();
    await phone.waitForURL('**/signin');
    expect(errors).toEqual([]);
    await context.close();
  });
});
