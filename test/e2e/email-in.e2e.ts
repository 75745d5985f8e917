/**
 * Email in through the browser: an administrator adds the service desk's address in the admin
 * pages, a requester answers the notification about their incident from their mail client (real
 * SMTP to the server's listener), and the agent sees the reply as a comment on the record page;
 * the administrator finds the message with its outcome.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, sendOverSmtp } from '../support/mail-in.ts';
import { type IncidentInfo, PASSWORD, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { signIn, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, freePort } from './support/server.ts';

describe('a requester replies by mail and the agent sees the comment', () => {
  let smtpPort: number;
  const run = useBrowserRun(async () => {
    smtpPort = await freePort();
    return {
      env: { STEWARD_JOBS: '1', INBOUND_SMTP_PORT: String(smtpPort), INBOUND_SMTP_HOST: '127.0.0.1' },
    };
  });
  let adminPage: Page;
  let agentPage: Page;
  let requester: UserInfo;
  let agent: UserInfo;
  let incident: IncidentInfo;
  const id = unique();
  const desk = `desk-${id}@steward.test`;

  beforeAll(async () => {
    requester = await run.admin.createPerson('Robin Requester', ['requester'], id);
    agent = await run.admin.createPerson('Sam Agent', ['agent'], id);
    const asRequester = await run.apiAs(requester.email);
    incident = await asRequester.createIncident({ title: `Printer on floor 3 jams ${id}` });
    ({ page: adminPage } = await run.newPerson());
    ({ page: agentPage } = await run.newPerson());
  });

  it('an administrator adds the receiving address', async () => {
    await signIn(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
    await adminPage.getByRole('link', { name: 'Email in' }).click();
    await adminPage.getByRole('tab', { name: 'Addresses' }).click();
    await visible(adminPage.getByText('No receiving address yet'));
    await adminPage.getByRole('button', { name: 'Add address' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Add a receiving address' });
    await dialog.getByRole('textbox', { name: 'Address' }).fill(desk);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Service Desk');
    await dialog.getByRole('button', { name: 'Add address' }).click();
    await visible(adminPage.getByRole('table', { name: 'Receiving addresses' }).getByText(desk));
    expect(await seriousA11yProblems(adminPage)).toEqual([]);
  });

  it('the requester’s reply lands as a comment the agent sees', async () => {
    const raw = fixture('outlook-reply.eml', {
      REQUESTER: requester.email,
      DESK: desk,
      NUMBER: incident.number,
      OUR_ID: `steward.${incident.id}.e2e${id}@steward.test`,
    });
    const { response } = await sendOverSmtp(smtpPort, raw, { from: requester.email, to: [desk] });
    expect(response).toMatch(/^250/);

    await signIn(agentPage, agent.email, PASSWORD);
    await agentPage.goto(`/incidents/${incident.number}`);
    await visible(agentPage.getByText('It jammed again this morning, tray 2 this time.'));
    // The quoted conversation stays out of the record.
    expect(await agentPage.getByText('We have received your incident').count()).toBe(0);
    await visible(agentPage.getByText('Robin Requester').first());
  });

  it('the administrator finds the message with its outcome and the original text', async () => {
    await adminPage.goto('/admin/inbound-mail');
    const table = adminPage.getByRole('table', { name: 'Inbound messages' });
    await visible(table.getByRole('link', { name: incident.number }));
    await table
      .getByRole('link', { name: /Printer on floor 3 jams/ })
      .first()
      .click();
    await visible(adminPage.getByText(/Public comment from/));
    await adminPage.getByRole('tab', { name: 'Original text' }).click();
    await visible(adminPage.getByText(/We have received your incident/));
    expect(await seriousA11yProblems(adminPage)).toEqual([]);
  });
});
