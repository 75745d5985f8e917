/**
 * Single sign-on in the browser: the sign-in page offers the identity provider (a real
 * oidc-provider started by this test on loopback), the person signs in there and lands in
 * Steward with the role the provider's groups map to; a failed SSO comes back with a reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpLoginEnv, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { freePort } from './support/server.ts';

describe('single sign-on with OpenID Connect', () => {
  let idp: TestProvider;
  // The provider first: it knows the server's callback address, the server its issuer.
  const run = useBrowserRun(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    idp = await startTestProvider({
      redirectUris: [`${baseUrl}/api/v1/auth/oidc/corp/callback`],
      accounts: { olivia: { email: 'olivia@corp.example', name: 'Olivia Okta', groups: ['it-staff'] } },
    });
    return { port, env: { ...corpLoginEnv(idp, baseUrl), OIDC_CORP_ROLE_MAP: '{"it-staff":["agent"]}' } };
  });
  let page: Page;

  beforeAll(async () => {
    ({ page } = await run.newPerson());
  });

  afterAll(() => idp?.close());

  it('offers "Sign in with Corp Login" on an accessible sign-in page', async () => {
    await page.goto('/signin');
    await visible(page.getByRole('link', { name: 'Sign in with Corp Login' }));
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('signs in at the provider and lands in Steward as an agent', async () => {
    await page.getByRole('link', { name: 'Sign in with Corp Login' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.getByRole('textbox', { name: 'Username' }).fill('olivia');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.origin === run.baseUrl && !u.pathname.startsWith('/signin'));
    const me = await page.evaluate(
      async () => (await fetch('/api/v1/auth/me')).json() as Promise<{ user: { email: string } }>,
    );
    expect(me.user).toMatchObject({ email: 'olivia@corp.example', name: 'Olivia Okta', roles: ['agent'] });
    await visible(page.getByText('Olivia Okta'));
    expect(run.pageErrors).toEqual([]);
  });

  it('explains a failed single sign-on on the sign-in page', async () => {
    const { page: other } = await run.newPerson();
    // A callback without a sign-in in flight (a stale or forged link) is refused and explained.
    await other.goto('/api/v1/auth/oidc/corp/callback?code=forged&state=forged');
    await other.waitForURL((u) => u.pathname === '/signin');
    const alert = other.getByRole('alert').filter({ hasText: 'Single sign-on failed' });
    await visible(alert);
    expect(await text(alert)).toContain('try again');
  });
});
