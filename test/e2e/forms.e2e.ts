/**
 * Forms say themselves what is missing: submitted empty, a new problem, an announcement, a
 * scheduled report and a saved view each name the field on the field and
 * in the form's error, in the app's words. The browser's own checks never stop a submit (their
 * bubbles speak another language and look unlike the app).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unique } from './support/api.ts';
import { text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

/** No form on the page stops its submit with the browser's own checks. */
const browserChecksOff = (page: Page) =>
  page.locator('form').evaluateAll((forms) => forms.every((f) => f.hasAttribute('novalidate')));

/** The error shown under the text field named `name`. */
const fieldError = (page: Page, name: string) =>
  page
    .locator('.mantine-InputWrapper-root', { has: page.getByRole('textbox', { name, exact: true }) })
    .locator('.mantine-InputWrapper-error');

describe('forms submitted empty', () => {
  const run = useBrowserRun();
  let page: Page;
  const id = unique();

  beforeAll(async () => {
    ({ page } = await run.signedInUser('Fran Forms', ['service_manager', 'agent'], id));
  });

  it('a new problem names its title on the field and in the error', async () => {
    await page.goto('/problems/new');
    await page.getByRole('button', { name: 'Raise problem' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Could not raise the problem' });
    await visible(refused);
    expect(await text(refused)).toContain('Title is required.');
    expect(await text(fieldError(page, 'Title'))).toBe('Is required');
    expect(await browserChecksOff(page)).toBe(true);
    expect(page.url()).toMatch(/\/problems\/new$/);
  });

  it('an announcement and a scheduled report say what they lack', async () => {
    await page.goto('/announcements');
    await page.getByRole('button', { name: 'New announcement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New announcement' });
    await dialog.getByRole('button', { name: 'Publish' }).click();
    const notSaved = dialog.getByRole('alert').filter({ hasText: 'Not saved' });
    await visible(notSaved);
    expect(await text(notSaved)).toContain('Title is required.');
    expect(await text(fieldError(page, 'Title'))).toBe('Is required');
    expect(await browserChecksOff(page)).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.goto('/reports/schedules');
    await page.getByRole('button', { name: 'New scheduled report' }).click();
    await page.getByRole('button', { name: 'Schedule report' }).click();
    const notScheduled = page.getByRole('alert').filter({ hasText: 'The report was not scheduled' });
    await visible(notScheduled);
    expect(await text(notScheduled)).toContain('Name is required.');
    expect(await text(fieldError(page, 'Name'))).toBe('Is required');
  });

  it('a saved view asks for its name', async () => {
    await page.goto('/incidents');
    await page.getByRole('button', { name: /Views/ }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    const naming = page.getByRole('dialog');
    await naming.getByRole('button', { name: 'Save' }).click();
    await visible(naming.getByText('Name the view'));
    await naming.getByRole('button', { name: 'Cancel' }).click();
  });
});
