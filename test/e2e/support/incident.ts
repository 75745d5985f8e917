/** Steps on an incident's page that several browser tests take. */
import type { Locator, Page } from 'playwright-core';
import { hidden } from './browser.ts';

/** In the open resolve `dialog`: "Solved permanently" with `notes`, then Resolve, and the dialog closes. */
export async function resolveSolvedPermanently(page: Page, dialog: Locator, notes: string): Promise<void> {
  await dialog.getByRole('combobox', { name: 'Resolution code' }).click();
  await page.getByRole('option', { name: 'Solved permanently' }).click();
  await dialog.getByRole('textbox', { name: 'Resolution notes', exact: true }).fill(notes);
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await hidden(dialog);
}
