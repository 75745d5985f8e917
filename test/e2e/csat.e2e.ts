/**
 * Satisfaction surveys in the browser: the agent resolves a requester's incident; the requester
 * finds "How did we do?" on the portal's home, answers on the record, and the agent sees the
 * score and comment on the record page and in its history. The mailed link's page explains an
 * unknown link, and an administrator changes the low-score threshold. Axe checks each page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IncidentInfo, PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { signIn, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

describe('satisfaction survey', () => {
  const run = useBrowserRun();
  let page: Page;
  let rita: UserInfo;
  let ann: UserInfo;
  let incident: IncidentInfo;
  const id = unique();
  const comment = `Sorted within the hour, thank you ${id}`;

  beforeAll(async () => {
    ann = await run.admin.createPerson('Ann Agent', ['agent'], id);
    rita = await run.admin.createPerson('Rita Requester', ['requester'], id);
    const ritaApi = await run.apiAs(rita.email);
    incident = await ritaApi.createIncident({ title: `Docking station ignores the monitor ${id}` });
    const annApi = await run.apiAs(ann.email);
    await annApi.call('POST', `/incidents/${incident.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'solved_permanently',
      resolutionNotes: 'Updated the dock firmware.',
    });
    ({ page } = await run.newPerson());
  });

  it('shows the requester the pending survey on the portal home', async () => {
    await signIn(page, rita.email, PASSWORD);
    await page.waitForURL('**/portal');
    const list = await visible(page.getByRole('list', { name: 'Surveys to answer' }));
    const link = list.getByRole('link', { name: `Rate ${incident.number}: ${incident.title}` });
    await visible(link);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await link.click();
    await page.waitForURL(`**/portal/incidents/${incident.number}`);
  });

  it('lets the requester answer once on the record', async () => {
    const prompt = await visible(page.getByRole('region', { name: 'How did we do?' }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    // Sent without a score: the form asks for one and sends nothing.
    await prompt.getByRole('button', { name: 'Send my answer' }).click();
    await visible(prompt.getByText('Choose a score'));
    await prompt.getByRole('radio', { name: '4 – Satisfied' }).check();
    await prompt.getByRole('textbox', { name: /Anything you would like to add/ }).fill(comment);
    await prompt.getByRole('button', { name: 'Send my answer' }).click();
    await visible(page.getByText('Thank you for your feedback'));
    await visible(page.getByText(/You rated how this was handled 4\/5 – Satisfied/));
    expect(await page.getByRole('region', { name: 'How did we do?' }).count()).toBe(0);
    expect(run.pageErrors).toEqual([]);
  });

  it('shows the agent the score and comment on the record and in its history', async () => {
    const agent = await run.signedInPerson(ann.email);
    await agent.page.goto(`/incidents/${incident.number}`);
    const panel = await visible(agent.page.getByRole('region', { name: 'Customer satisfaction' }));
    await visible(panel.getByText('4/5 – Satisfied'));
    await visible(panel.getByText(comment));
    await visible(agent.page.getByText(/rated how this was handled 4\/5/));
    expect(await seriousA11yProblems(agent.page)).toEqual([]);
    expect(agent.errors).toEqual([]);
    await agent.context.close();
  });

  it('lets an administrator change which scores count as low', async () => {
    const admin = await run.signedInPerson(ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.page.goto('/admin/processes/incident/options');
    const form = await visible(admin.page.getByRole('region', { name: 'Satisfaction survey' }));
    expect(await seriousA11yProblems(admin.page)).toEqual([]);
    await form.getByRole('textbox', { name: /Low score/ }).fill('3');
    await form.getByRole('button', { name: 'Save survey settings' }).click();
    await visible(admin.page.getByText('Survey settings saved'));
    const saved = await run.admin.call<{ lowScoreThreshold: number; version: number }>(
      'GET',
      '/csat/settings',
    );
    expect(saved).toMatchObject({ lowScoreThreshold: 3, version: 1 });
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  it('explains a survey link that leads nowhere, without signing in', async () => {
    const stranger = await run.newPerson();
    await stranger.page.goto(`/survey/${'x'.repeat(43)}`);
    await visible(stranger.page.getByRole('heading', { name: 'How did we do?', level: 1 }));
    await visible(stranger.page.getByText('Unknown survey'));
    expect(await seriousA11yProblems(stranger.page)).toEqual([]);
    await stranger.context.close();
  });
});
