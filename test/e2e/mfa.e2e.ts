/**
 * Two-step verification in the browser: a person sets up an authenticator on their profile (the
 * test reads the key and computes codes with otpauth, as the app would), saves the recovery
 * codes, and signs in again with the password and then a code.
 */
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { signIn, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

describe('two-step verification', () => {
  const run = useBrowserRun();
  let page: Page;
  let secret = '';
  const email = `tess.${unique()}@example.com`;
  /** The code of the next 30-second step: the server accepts one step of drift, never a used step. */
  const nextCode = () =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
      timestamp: Date.now() + 30_000,
    });

  beforeAll(async () => {
    await run.admin.createUser({ name: 'Tess Totp', email, roles: ['agent'] });
    ({ page } = await run.newPerson());
  });

  it('sets up an authenticator from the profile and shows the recovery codes once', async () => {
    await signIn(page, email, PASSWORD);
    await page.goto('/profile');
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await visible(page.getByRole('img', { name: 'QR code for your authenticator app' }));
    expect(await seriousA11yProblems(page)).toEqual([]);
    secret = (await text(page.getByTestId('totp-secret'))).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('textbox', { name: 'Verification code' }).fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await visible(page.getByText('Not turned on'));
    await page
      .getByRole('textbox', { name: 'Verification code' })
      .fill(new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate());
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await visible(codes);
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'Done' }).click();
    await visible(page.getByText('10 of 10 recovery codes left'));
  });

  it('asks for the code after the password, and signs in with it', async () => {
    const { page: fresh, errors } = await run.newPerson();
    await fresh.goto('/signin');
    await fresh.getByRole('textbox', { name: 'Email' }).fill(email);
    await fresh.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await visible(fresh.getByRole('heading', { name: 'Two-step verification' }));
    await fresh.getByRole('textbox', { name: 'Verification code' }).fill('123456');
    await fresh.getByRole('button', { name: 'Verify' }).click();
    await visible(fresh.getByRole('alert').filter({ hasText: 'The code is not correct' }));
    await fresh.getByRole('textbox', { name: 'Verification code' }).fill(nextCode());
    await fresh.getByRole('button', { name: 'Verify' }).click();
    await fresh.waitForURL((u) => !u.pathname.startsWith('/signin'));
    const me = await fresh.evaluate(
      async () => (await fetch('/api/v1/auth/me')).json() as Promise<{ user: { email: string } }>,
    );
    expect(me.user.email).toBe(email);
    expect(errors).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });
});
