/**
 * A requester uses the self-service portal: raises an incident, finds it in "My incidents",
 * comments, sees the agent's public reply but not the internal note, and cannot open someone
 * else's incident.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type IncidentInfo, PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { hidden, signIn, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('requester self-service portal', () => {
  const run = useBrowserRun();
  let page: Page;
  let rita: UserInfo;
  let agent: ApiSession;
  let othersIncident: IncidentInfo;
  let number = '';
  const id = unique();
  const title = `Cannot print to the 3rd floor printer ${id}`;

  beforeAll(async () => {
    const agentUser = await run.admin.createPerson('Ann Agent', ['agent'], id);
    rita = await run.admin.createPerson('Rita Requester', ['requester'], id);
    const bob = await run.admin.createPerson('Bob Other', ['requester'], id);
    agent = await run.apiAs(agentUser.email);
    const bobSession = await run.apiAs(bob.email);
    othersIncident = await bobSession.createIncident({ title: `Bob's private laptop issue ${id}` });
    ({ page } = await run.newPerson());
  });

  it('signs in and lands on the portal', async () => {
    await signIn(page, rita.email, PASSWORD);
    await page.waitForURL('**/portal');
    await visible(page.getByRole('heading', { name: 'My incidents', level: 1 }));
    await visible(page.getByText('Nothing open'));
    // No workspace navigation for requesters.
    expect(await page.getByRole('link', { name: 'All incidents' }).count()).toBe(0);
  });

  it('raises an incident', async () => {
    await page.getByRole('link', { name: 'Report a problem' }).first().click();
    await visible(page.getByRole('heading', { name: 'Report a problem', level: 1 }));
    await page.getByRole('button', { name: 'Submit' }).click();
    await visible(page.getByText('Tell us briefly what is wrong'));

    await page.getByRole('textbox', { name: 'What is the problem?' }).fill(title);
    await page.getByRole('textbox', { name: 'Details' }).fill('The job stays in the queue and never prints.');
    await page.getByRole('radio', { name: /High: I cannot work at all/ }).check();
    await page.getByRole('button', { name: 'Submit' }).click();

    await page.waitForURL(/\/portal\/incidents\/INC\d+$/);
    number = new URL(page.url()).pathname.split('/').pop() ?? '';
    await visible(page.getByRole('heading', { name: title, level: 1 }));
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^New$/ }));
    await visible(page.getByText('The job stays in the queue and never prints.'));
  });

  it('sees it in My incidents', async () => {
    await page.getByRole('link', { name: 'My incidents' }).first().click();
    const item = page
      .getByRole('list', { name: 'My incidents' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await visible(item);
    expect(await text(item)).toContain(number);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await item.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/portal/incidents/${number}`);
  });

  it('comments on it', async () => {
    // Requesters write public comments only: no internal-note switch.
    expect(await page.getByText('Internal note', { exact: true }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('It also fails from my laptop.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await visible(page.getByRole('region', { name: 'Activity' }).getByText('It also fails from my laptop.'));
  });

  it("sees the agent's public reply but not the internal note", async () => {
    const rec = await agent.call<IncidentInfo>('GET', `/incidents/${number}`);
    await agent.comment(rec.id, 'Thanks Rita, a technician is on the way.', 'public');
    await agent.comment(rec.id, 'Probably the fuser again; order a spare.', 'internal');

    await page.reload();
    const activity = page.getByRole('region', { name: 'Activity' });
    await visible(activity.getByText('Thanks Rita, a technician is on the way.'));
    await visible(activity.getByText('Ann Agent').first());
    expect(await activity.getByText('Probably the fuser again').count()).toBe(0);
    expect(await activity.getByLabel('Internal note').count()).toBe(0);
    // The requester may cancel a new incident; agents' steps are not offered.
    await visible(page.getByRole('button', { name: 'Cancel…' }));
    expect(await page.getByRole('button', { name: 'Start work' }).count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it("gets a friendly not-found page for someone else's incident", async () => {
    await page.goto(`/portal/incidents/${othersIncident.number}`);
    await visible(page.getByRole('heading', { name: 'Not found or not visible to you' }));
    await visible(page.getByText(`We could not find ${othersIncident.number}`));
    expect(await page.getByText("Bob's private laptop issue").count()).toBe(0);

    // A workspace link to the same incident leads to the same friendly page.
    await page.goto(`/incidents/${othersIncident.number}`);
    await page.waitForURL(`**/portal/incidents/${othersIncident.number}`);
    await visible(page.getByRole('heading', { name: 'Not found or not visible to you' }));
    await page.getByRole('link', { name: 'Back to my incidents' }).click();
    await hidden(page.getByRole('heading', { name: 'Not found or not visible to you' }));
    await visible(page.getByRole('heading', { name: 'My incidents', level: 1 }));
    expect(run.pageErrors).toEqual([]);
  });

  it('is told in the portal when the agent resolves the incident, and opens it from there', async () => {
    const rec = await agent.call<IncidentInfo>('GET', `/incidents/${number}`);
    await agent.call('POST', `/incidents/${rec.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'solved_permanently',
      resolutionNotes: 'The fuser was replaced.',
    });
    await page.reload();
    // The agent's earlier public reply told the requester too: at least this one is unread.
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await visible(bell);
    await bell.click();
    const note = page.getByRole('button', { name: new RegExp(`${number} is now Resolved`) });
    await visible(note);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await note.click();
    await page.waitForURL(`**/portal/incidents/${number}`);
    await visible(page.getByRole('button', { name: 'Notifications' }));
    expect(run.pageErrors).toEqual([]);
  });
});
