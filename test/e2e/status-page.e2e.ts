/**
 * The public status page without signing in: a major incident on a published service shows as a
 * major outage with the service desk's updates, and the page returns to operational once the
 * incident is resolved (with the incident in the history). The service desk publishes an update
 * from the status page administration.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('public status page', () => {
  const run = useBrowserRun();
  let visitor: Page;
  let visitorErrors: string[];
  let agent: UserInfo;
  let agentSession: ApiSession;
  let incident: { id: string; number: string };
  const id = unique();
  const serviceName = `Webmail ${id}`;

  beforeAll(async () => {
    agent = await run.admin.createPerson('Dana Desk', ['agent'], id);
    agentSession = await run.apiAs(agent.email);
    const service = await run.admin.createService({ name: serviceName });
    await run.admin.call('PUT', `/status-page/services/${service.id}`, {
      description: 'Mail in the browser',
    });
    incident = await agentSession.call('POST', '/incidents', {
      title: 'Webmail cluster unreachable',
      urgency: 1,
      serviceId: service.id,
    });
    await run.admin.call('POST', `/incidents/${incident.id}/major`, {
      coordinatorId: agent.id,
      summary: 'Webmail down for everyone',
    });
    await agentSession.call('POST', '/status-page/updates', {
      recordId: incident.id,
      title: 'Webmail unavailable',
      phase: 'investigating',
      message: 'Webmail does not load. We are investigating.',
    });
    ({ page: visitor, errors: visitorErrors } = await run.newPerson());
  });

  it('shows the major incident and its updates without signing in', async () => {
    await visitor.goto('/status');
    await visible(visitor.getByRole('heading', { name: 'Service status', level: 1 }));
    await visible(visitor.getByRole('status').getByText('Major outage'));
    const card = visitor.getByRole('article', { name: serviceName });
    await visible(card.getByText('Major outage'));
    const event = visitor.getByRole('article', { name: 'Webmail unavailable' });
    await visible(event.getByText('Webmail does not load. We are investigating.'));
    expect(visitor.url()).toMatch(/\/status$/);
    expect(await seriousA11yProblems(visitor)).toEqual([]);
  });

  it('shows an update the service desk publishes from the administration', async () => {
    const { page: desk } = await run.signedInPerson(agent.email);
    await desk.goto('/status-page');
    await visible(desk.getByRole('heading', { name: 'Status page', level: 1 }));
    await visible(desk.getByRole('table', { name: 'Services on the status page' }).getByText(serviceName));
    await choose(desk, 'Major incident', new RegExp(incident.number));
    await desk.getByRole('textbox', { name: 'Public title' }).fill('Webmail unavailable');
    await choose(desk, 'Phase', 'Identified');
    await desk
      .getByRole('textbox', { name: 'Message' })
      .fill('A failed storage node is the cause; we are replacing it.');
    await desk.getByRole('button', { name: 'Publish update' }).click();
    await visible(desk.getByText('Update published; subscribers are being told.'));
    expect(await seriousA11yProblems(desk)).toEqual([]);
    await desk.context().close();

    await visitor.reload();
    await visible(visitor.getByText('A failed storage node is the cause; we are replacing it.'));
  });

  it('returns to operational once the incident is resolved, with the incident in the history', async () => {
    await agentSession.call('POST', `/incidents/${incident.id}/transitions`, {
      to: 'resolved',
      resolutionCode: 'solved_permanently',
      resolutionNotes: 'Storage node replaced.',
    });
    await visitor.reload();
    await visible(visitor.getByRole('status').getByText('All systems operational'));
    await visible(visitor.getByRole('article', { name: serviceName }).getByText('Operational'));
    const past = visitor.getByRole('region', { name: 'Past incidents (90 days)' });
    await visible(past.getByText('Webmail unavailable').first());
    await visible(past.getByText('A failed storage node is the cause; we are replacing it.'));
    expect(visitorErrors).toEqual([]);
  });
});
