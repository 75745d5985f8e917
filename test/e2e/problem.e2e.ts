/**
 * Problem management in the browser: an incident leads to a problem, its analysis records a
 * workaround, the problem publishes a known error, and a new incident with similar symptoms gets
 * the known error suggested and its workaround copied in one click.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type IncidentInfo, type UserInfo, unique } from './support/api.ts';
import { visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('an incident leads to a problem and a known error that helps the next incident', () => {
  const run = useBrowserRun();
  let page: Page;
  let agent: UserInfo;
  let api: ApiSession;
  let first: IncidentInfo;
  let problemNumber = '';
  const id = unique();
  const workaround = `Restart the badge service on the door controller ${id}`;

  beforeAll(async () => {
    ({ user: agent, page } = await run.signedInUser('Pat Problem', ['agent'], id));
    api = await run.apiAs(agent.email);
    first = await api.createIncident({
      title: `Badge reader rejects cards at door ${id}`,
      description: 'The reader blinks red for every card since this morning',
    });
  });

  it('raises a problem from the incident page', async () => {
    await page.goto(`/incidents/${first.number}`);
    const panel = page.getByRole('region', { name: 'Problems and known errors' });
    await visible(panel.getByText('No known error matches'));
    await panel.getByRole('link', { name: 'Raise problem' }).click();
    await visible(page.getByRole('heading', { name: 'New problem' }));
    await visible(page.getByRole('region', { name: 'Incidents it is raised from' }).getByText(first.number));
    await page.getByRole('textbox', { name: 'Title' }).fill(`Door controllers lose the card list ${id}`);
    await page.getByRole('button', { name: 'Raise problem' }).click();
    await page.waitForURL(/\/problems\/PRB\d+$/);
    problemNumber = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const incidents = page.getByRole('region', { name: /Incidents \(1\)/ });
    await visible(incidents.getByRole('link', { name: first.number }));
  });

  it('records the analysis and publishes a known error', async () => {
    await page.getByRole('button', { name: 'Start analysis' }).click();
    await visible(page.locator('main .mantine-Badge-root', { hasText: /^Analysis$/ }));
    const analysis = page.getByRole('region', { name: 'Root-cause analysis' });
    await analysis
      .getByRole('textbox', { name: 'Root cause' })
      .fill('The controller firmware drops its card cache');
    await analysis.getByRole('textbox', { name: 'Workaround', exact: true }).fill(workaround);
    await analysis.getByRole('button', { name: 'Save analysis' }).click();
    await visible(page.getByText('Analysis saved'));

    const ke = page.getByRole('region', { name: 'Known error' });
    await ke
      .getByRole('textbox', { name: 'Symptoms' })
      .fill('Badge reader blinks red and rejects every card');
    expect(await ke.getByRole('textbox', { name: 'Workaround for the known error' }).inputValue()).toBe(
      workaround,
    );
    await ke.getByRole('button', { name: 'Publish known error' }).click();
    await visible(ke.getByText('Active'));

    await page.goto('/known-errors?q=badge%20reader');
    await visible(page.getByRole('list', { name: 'Known errors' }).getByText(workaround));
  });

  it('suggests the known error on a new incident and copies its workaround in one click', async () => {
    const second = await api.createIncident({
      title: `Badge reader at the side entrance rejects my card ${id}`,
      description: 'Blinks red',
    });
    await page.goto(`/incidents/${second.number}`);
    const suggestions = page.getByRole('list', { name: 'Suggested known errors' });
    await visible(suggestions.getByText('Similar text'));
    await suggestions.getByRole('button', { name: /^Apply known error/ }).click();
    await visible(suggestions.getByText('Applied'));
    const activity = page.getByRole('region', { name: 'Activity' });
    await visible(activity.getByText(workaround));
    await visible(
      page.getByRole('list', { name: 'Linked problems' }).getByRole('link', { name: problemNumber }),
    );

    await page.goto(`/problems/${problemNumber}`);
    await visible(
      page.getByRole('region', { name: /Incidents \(2\)/ }).getByRole('link', { name: second.number }),
    );
    expect(run.pageErrors).toEqual([]);
  });
});
