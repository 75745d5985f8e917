/**
 * Live updates: an agent has an incident open; a colleague comments on it and moves it on through
 * the API; the comment and the new state appear on the agent's page without a reload, and the
 * queue the agent returns to shows the change too.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type IncidentInfo, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('live updates', () => {
  const run = useBrowserRun();
  let page: Page;
  let agent: UserInfo;
  let colleague: ApiSession;
  let incident: IncidentInfo;
  const id = unique();

  beforeAll(async () => {
    agent = await run.admin.createPerson('Lee Agent', ['agent'], id);
    const other = await run.admin.createPerson('Kim Colleague', ['agent'], id);
    colleague = await run.apiAs(other.email);
    incident = await run.admin.call<IncidentInfo>('POST', '/incidents', {
      title: `Badge readers offline ${id}`,
      description: 'Doors on floor 3 do not open.',
      impact: 2,
      urgency: 2,
    });
    ({ page } = await run.signedInPerson(agent.email));
  });

  it("shows a colleague's comment and state change on the open record without a reload", async () => {
    await page.goto(`${run.baseUrl}/incidents/${incident.number}`);
    await visible(page.getByRole('heading', { name: new RegExp(`Badge readers offline ${id}`) }));
    let reloaded = false;
    page.once('load', () => {
      reloaded = true;
    });

    await colleague.call('POST', `/records/${incident.id}/comments`, {
      body: `Replaced the controller fuse ${id}`,
      visibility: 'internal',
    });
    await visible(page.getByText(`Replaced the controller fuse ${id}`));

    const current = await colleague.call<IncidentInfo>('GET', `/incidents/${incident.number}`);
    await colleague.call(
      'POST',
      `/incidents/${incident.id}/transitions`,
      { to: 'in_progress' },
      { 'if-match': `"${current.version}"` },
    );
    await visible(page.getByText('In progress').first());
    expect(reloaded).toBe(false);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('shows a new incident in the open queue as it is raised', async () => {
    await page.goto(`${run.baseUrl}/incidents`);
    await visible(page.getByRole('link', { name: incident.number }));
    const raised = await colleague.call<IncidentInfo>('POST', '/incidents', {
      title: `Lift stuck ${id}`,
      impact: 3,
      urgency: 3,
    });
    await visible(page.getByRole('link', { name: raised.number }));
    await visible(page.getByText(`Lift stuck ${id}`));
  });
});
