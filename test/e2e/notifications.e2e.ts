/**
 * Notification templates in the browser: an administrator opens an event's templates, edits the
 * email text and HTML, sees the preview on the sample record change as they type (values escaped),
 * saves it, and finds it marked as customised after a reload; then sets their own preferences,
 * names a group's on-call person, and adds a webhook whose deliveries the page lists.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

describe('an administrator edits a notification template with a live preview', () => {
  const run = useBrowserRun();
  let page: Page;

  beforeAll(async () => {
    ({ page } = await run.signedInPerson(ADMIN_EMAIL, ADMIN_PASSWORD));
  });

  it('previews and saves the email template of public comments', async () => {
    await page.getByRole('link', { name: 'Notifications', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Notifications', level: 1 }));
    await page.getByRole('navigation', { name: 'Notification events' }).getByText('Public comment').click();
    await visible(page.getByRole('heading', { name: 'Public comment' }));
    await page.getByRole('tab', { name: 'Email' }).click();

    const preview = page.getByRole('region', { name: 'Email preview' });
    await visible(
      preview.getByText('[INC0001001] Alex Agent commented on INC0001001: Printer on floor 3 is on fire'),
    );

    await page
      .getByRole('textbox', { name: 'Email subject' })
      .fill('New reply on {{recordNumber}} from {{actor}}');
    await page
      .getByRole('textbox', { name: 'Email HTML (optional)' })
      .fill('<h2>{{title}}</h2><blockquote>{{comment}}</blockquote>');
    await visible(preview.getByText('New reply on INC0001001 from Alex Agent'));
    const frame = page.frameLocator('iframe[title="Email HTML preview"]');
    await visible(frame.getByRole('heading', { name: 'Printer on floor 3 is on fire' }));
    await visible(frame.getByText('I have ordered a new fuser; it arrives tomorrow.'));

    // A mistake is explained instead of previewed.
    await page.getByRole('textbox', { name: 'Email subject' }).fill('Oops {{nothing}}');
    await visible(preview.getByText(/\{\{nothing\}\} is not a variable of this event/));
    await page
      .getByRole('textbox', { name: 'Email subject' })
      .fill('New reply on {{recordNumber}} from {{actor}}');
    await visible(preview.getByText('New reply on INC0001001 from Alex Agent'));

    await page.getByRole('button', { name: 'Save email template' }).click();
    await visible(page.getByText('Email template saved'));
    await page.reload();
    await page.getByRole('tab', { name: 'Email' }).click();
    await visible(page.getByText('Customised (version 1)'));
    expect(await page.getByRole('textbox', { name: 'Email subject' }).inputValue()).toBe(
      'New reply on {{recordNumber}} from {{actor}}',
    );
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('keeps the administrator’s own notification preferences', async () => {
    await page.goto('/profile');
    const prefs = page.getByRole('region', { name: 'Notifications' });
    await prefs.getByRole('checkbox', { name: 'Record created: by email' }).uncheck();
    await prefs.getByRole('button', { name: 'Save preferences' }).click();
    await visible(page.getByText('Notification preferences saved'));
    await page.reload();
    expect(
      await page
        .getByRole('region', { name: 'Notifications' })
        .getByRole('checkbox', { name: 'Record created: by email' })
        .isChecked(),
    ).toBe(false);
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });

  it("names a group's on-call person on the group's page", async () => {
    const member = await run.admin.createUser({
      name: 'Olive Oncall',
      email: `olive.${Date.now()}@example.com`,
      roles: ['agent'],
    });
    const group = await run.admin.createGroup({
      name: `Night shift ${Date.now()}`,
      memberIds: [member.id],
    });
    await page.goto(`/admin/groups/${group.id}`);
    const section = page.getByRole('region', { name: 'On call' });
    await visible(section);
    await choose(page, 'On call', 'Olive Oncall');
    await section.getByRole('button', { name: 'Save on call' }).click();
    await visible(page.getByText(`Olive Oncall is on call for ${group.name}`));
    await page.reload();
    // After a reload the page shows who is on call.
    await visible(page.getByRole('region', { name: 'On call' }).locator('input[value="Olive Oncall"]'));
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });

  it('adds a webhook, shows its secret once, and lists what it will deliver', async () => {
    await page.goto('/admin/webhooks');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    // Submitted empty: the dialog says what is missing on the fields themselves.
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await visible(dialog.getByText('Enter the address to post to'));
    await visible(dialog.getByText('Choose at least one event'));

    const url = `https://hooks.example.com/steward/${Date.now()}`;
    await dialog.getByRole('textbox', { name: 'Endpoint URL' }).fill(url);
    await choose(page, 'Events', /^Record created/);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await visible(page.getByText('Signing secret: copy it now'));
    expect(((await page.getByTestId('webhook-secret').textContent()) ?? '').length).toBeGreaterThan(20);

    // A record opened now is waiting to be posted (this server runs no background jobs).
    await run.admin.createIncident({ title: `Webhook check ${Date.now()}` });
    await page.getByRole('row').filter({ hasText: url }).getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.getByRole('region', { name: `Deliveries to ${url}` });
    await visible(deliveries.getByRole('row').filter({ hasText: 'record.created' }));
    expect(await deliveries.getByRole('row').filter({ hasText: 'record.created' }).textContent()).toContain(
      'pending',
    );
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });
});
