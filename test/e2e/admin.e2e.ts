/**
 * An administrator creates a user with roles, creates a group and adds the user, then creates
 * an API token (shown once) and revokes it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { hidden, signIn, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

describe('administration', () => {
  const run = useBrowserRun();
  let page: Page;
  const id = unique();
  const name = `Nora Newhire ${id}`;
  const email = `nora.${id}@example.com`;
  const password = 'a-long-initial-password';
  const groupName = `Network Operations ${id}`;

  beforeAll(async () => {
    ({ page } = await run.newPerson());
  });

  it('gets a readable message for a wrong password', async () => {
    await page.goto('/signin');
    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Wrong email or password' });
    await visible(alert);
    expect(await text(alert)).toContain('The email or password is not correct.');
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  it('signs in as administrator and opens the users page', async () => {
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Users', level: 1 }));
    await visible(page.getByRole('link', { name: 'Administrator' }).or(page.getByText(ADMIN_EMAIL)));
  });

  it('creates a user with roles', async () => {
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await visible(dialog.getByText('Enter a name'));

    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await dialog.getByRole('textbox', { name: 'Job title', exact: true }).fill('Network engineer');
    await dialog.getByRole('combobox', { name: 'Roles' }).click();
    await page.getByRole('option', { name: 'Agent', exact: true }).click();
    await page.getByRole('option', { name: 'Change manager', exact: true }).click();
    await dialog.getByRole('heading', { name: 'New user' }).click();
    await dialog.getByRole('textbox', { name: 'Initial password', exact: true }).fill(password);
    await dialog.getByRole('button', { name: 'Create user' }).click();

    await hidden(dialog);
    await visible(page.getByRole('heading', { name, level: 1 }));
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => text(details)).toMatch(/Agent[\s\S]*Change manager|Change manager[\s\S]*Agent/);
    await page.getByRole('link', { name: 'Users' }).first().click();
    await visible(page.getByRole('link', { name }));
  });

  it('creates a group and adds the user', async () => {
    await page.getByRole('link', { name: 'Groups', exact: true }).click();
    await page.getByRole('button', { name: 'New group' }).click();
    const dialog = page.getByRole('dialog', { name: 'New group' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(groupName);
    await dialog
      .getByRole('textbox', { name: 'Description', exact: true })
      .fill('Routers, switches, Wi-Fi and VPN.');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await hidden(dialog);
    await visible(page.getByRole('heading', { name: groupName, level: 1 }));
    await visible(page.getByText('No members yet.'));

    const picker = page.getByRole('combobox', { name: 'Add a member' });
    await picker.click();
    await picker.fill('Nora');
    await page.getByRole('option', { name: new RegExp(name) }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const members = page.getByRole('region', { name: /Members/ });
    await visible(members.getByRole('link', { name }));
    await visible(members.getByRole('heading', { name: 'Members (1)' }));
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Groups', exact: true }).first().click();
    const row = page.getByRole('row').filter({ hasText: groupName });
    await visible(row);
    await expect.poll(() => text(row.getByRole('cell').nth(2))).toBe('1');
  });

  it('creates an API token that is shown once, then revokes it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await visible(page.getByText('No API tokens'));
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Monitoring integration');
    await dialog.getByRole('checkbox', { name: /^Write/ }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByRole('dialog', { name: 'Your new API token' });
    await visible(shown.getByText('This is the only time the token is shown.'));
    const token = (await text(shown.getByTestId('new-token'))).trim();
    expect(token).toMatch(/^stw_[A-Za-z0-9_-]{20,}$/);
    await visible(shown.getByRole('button', { name: 'Copy token' }));

    // The token works against the API, as the administrator.
    const me = await fetch(`${run.baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);

    await shown.getByRole('button', { name: 'Done' }).click();
    await hidden(shown);
    const row = page.getByRole('row').filter({ hasText: 'Monitoring integration' });
    await visible(row.getByText('Active'));
    expect(await page.getByText(token).count()).toBe(0);
    expect(await text(row)).toContain(token.slice(0, 10));

    await row.getByRole('button', { name: 'Revoke Monitoring integration' }).click();
    const confirm = page.getByRole('dialog', { name: /Revoke/ });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await hidden(confirm);
    await visible(row.getByText('Revoked'));
    const after = await fetch(`${run.baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
  });

  it('reads the audit log filtered by action, and the notification delivery log', async () => {
    // The wrong password at the start of this file left an entry.
    await page.goto('/admin/audit?action=auth.login_failed');
    await visible(page.getByRole('heading', { name: 'Audit log', level: 1 }));
    expect(await page.getByRole('textbox', { name: 'Action' }).inputValue()).toBe('auth.login_failed');
    const failed = page.getByRole('row').filter({ hasText: 'auth.login_failed' });
    await visible(failed.first());
    // Only that action is listed: every row but the header names it.
    expect(await failed.count()).toBe((await page.getByRole('row').count()) - 1);
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.goto('/admin/notification-log');
    await visible(page.getByRole('heading', { name: 'Notification delivery log', level: 1 }));
    await visible(page.getByRole('table').or(page.getByText('No deliveries')));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('the new user can sign in and gets the agent workspace', async () => {
    const other = await run.signedInPerson(email, password);
    expect(new URL(other.page.url()).pathname).toBe('/incidents');
    await visible(other.page.getByRole('button', { name: new RegExp(name) }));
    await other.context.close();
    expect(run.pageErrors).toEqual([]);
  });
});
