/** Chromium from the system (never a downloaded browser), one context per person, and signing in. */
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One person's browser profile and page, with the errors the page has thrown. */
export type Person = { context: BrowserContext; page: Page; errors: string[] };

/**
 * A fresh browser profile (own cookies) with a desktop viewport (or `width` by `height` px),
 * collecting page errors.
 */
export async function newPerson(
  browser: Browser,
  baseUrl: string,
  width = 1440,
  height = 900,
): Promise<Person> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width, height },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** Wait until the locator shows (playwright-core has no web-first assertions). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** The text of the first match ('' when it has none). */
export async function text(locator: Locator): Promise<string> {
  return (await locator.first().textContent()) ?? '';
}

/** Whether a table fits its scroll area: all of its columns show without scrolling sideways. */
export async function fitsWidth(table: Locator): Promise<boolean> {
  return table.evaluate((t) => {
    const viewport = t.closest('.mantine-ScrollArea-viewport')!;
    return viewport.scrollWidth <= viewport.clientWidth;
  });
}

/** Wait until nothing matches the locator any more. */
export async function hidden(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Choose an option of a Mantine Select or MultiSelect by its label: open it, type, click the option. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp, search?: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}
