/**
 * The knowledge base in the browser: a requester describing a problem in the portal is offered an
 * article, reads it, says it solved the problem, and no incident is raised; an article goes from
 * draft through review to published, published by a reviewer of its category; the list of
 * articles fits a 1440 px screen, each audience shown whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, type UserInfo, unique } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, fitsWidth, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';

type Article = { id: string; number: string; state: string; deflectionCount: number; version: number };

describe('knowledge base and deflection', () => {
  const run = useBrowserRun();
  let author: UserInfo;
  let reviewer: UserInfo;
  let requester: UserInfo;
  let authorApi: ApiSession;
  let reviewerApi: ApiSession;
  let categoryName: string;
  let helpful: Article;
  let internal: Article;
  let forCustomers: Article;
  const id = unique();

  beforeAll(async () => {
    [author, reviewer, requester] = await Promise.all([
      run.admin.createPerson('Ari Author', ['agent'], id),
      run.admin.createPerson('Rene Reviewer', ['agent'], id),
      run.admin.createPerson('Quinn Requester', ['requester'], id),
    ]);
    categoryName = `Network ${id}`;
    const category = await run.admin.call<{ id: string }>('POST', '/knowledge/categories', {
      name: categoryName,
      reviewerIds: [reviewer.id],
    });
    authorApi = await run.apiAs(author.email);
    reviewerApi = await run.apiAs(reviewer.email);
    const publish = async (input: Record<string, unknown>) => {
      const a = await authorApi.call<Article>('POST', '/knowledge/articles', {
        categoryId: category.id,
        ...input,
      });
      await authorApi.call('POST', `/knowledge/articles/${a.id}/steps`, { step: 'submit' });
      return reviewerApi.call<Article>('POST', `/knowledge/articles/${a.id}/steps`, { step: 'publish' });
    };
    helpful = await publish({
      title: `VPN disconnects every few minutes ${id}`,
      summary: 'Switch the VPN client to the TCP profile.',
      body: '## Fix\n\n1. Open the VPN client.\n2. Choose the **TCP** profile.\n3. Connect again.',
      audience: 'requesters',
    });
    internal = await publish({
      title: `VPN gateway failover runbook ${id}`,
      body: 'Internal: fail the VPN gateway over to the standby node.',
      audience: 'internal',
    });
    const service = await run.admin.createService({ name: `Remote access ${id}` });
    forCustomers = await publish({
      title: `Request a VPN token for a contractor ${id}`,
      body: 'Ask for a token in the catalogue.',
      audience: 'customers',
      audienceServiceId: service.id,
    });
  });

  it('suggests an article while a requester types, and "this solved my problem" raises no incident', async () => {
    const page = (await run.signedInPerson(requester.email)).page;
    await page.goto('/portal/new');
    await page
      .getByRole('textbox', { name: 'What is the problem?' })
      .fill(`My VPN disconnects all the time ${id}`);
    const suggestions = page.getByRole('region', { name: 'Articles that may help' });
    await visible(suggestions.getByRole('button', { name: `VPN disconnects every few minutes ${id}` }));
    // The internal runbook is never offered to a requester.
    expect(await suggestions.getByText(`VPN gateway failover runbook ${id}`).count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);

    await suggestions.getByRole('button', { name: `VPN disconnects every few minutes ${id}` }).click();
    const dialog = page.getByRole('dialog', { name: `VPN disconnects every few minutes ${id}` });
    await visible(dialog.getByText('Choose the'));
    await dialog.getByRole('button', { name: 'This solved my problem' }).click();
    await page.waitForURL((u) => u.pathname === '/portal');
    await visible(page.getByText('No ticket was raised'));

    const requesterApi = await run.apiAs(requester.email);
    const mine = await requesterApi.call<{ items: unknown[] }>('GET', '/incidents');
    expect(mine.items).toEqual([]);
    const counted = await authorApi.call<Article>('GET', `/knowledge/articles/${helpful.id}`);
    expect(counted.deflectionCount).toBe(1);
    // Nor can the requester open the internal article by its address.
    await page.goto(`/portal/knowledge/${internal.number}`);
    await visible(page.getByText('Article not found'));
    expect(run.pageErrors).toEqual([]);
  });

  it('lists the articles on a 1440 px screen without scrolling sideways, each audience whole', async () => {
    const { page } = await run.signedInPerson(author.email);
    await page.goto(`/knowledge?q=${id}`);
    const table = page.getByRole('table', { name: 'Articles' });
    const row = table.getByRole('row', { name: new RegExp(forCustomers.number) });
    const audience = row.getByText('Service customers', { exact: true });
    await visible(audience);
    expect(await audience.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await visible(
      table.getByRole('row', { name: new RegExp(`${internal.number}.*Internal \\(staff only\\)`) }),
    );
    expect(await fitsWidth(table)).toBe(true);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('takes an article from draft through review to published', async () => {
    const writer = (await run.signedInPerson(author.email)).page;
    await writer.goto('/knowledge/new');
    // Saved empty: the fields are named as the form names them.
    await writer.getByRole('button', { name: 'Save draft' }).click();
    const refused = writer.getByRole('alert').filter({ hasText: 'Not saved' });
    await visible(refused);
    expect(await text(refused)).toContain('Title is required. Category is required.');
    await writer.getByRole('textbox', { name: 'Title' }).fill(`Map a network drive ${id}`);
    await choose(writer, 'Category', categoryName);
    await choose(writer, 'Audience', 'All requesters');
    await writer
      .getByRole('textbox', { name: 'Body (Markdown)' })
      .fill('Open **Explorer** and choose *Map network drive*.');
    await writer.getByRole('tab', { name: 'Preview' }).click();
    await visible(writer.getByRole('region', { name: 'Preview' }).locator('strong', { hasText: 'Explorer' }));
    await writer.getByRole('button', { name: 'Save draft' }).click();
    await writer.waitForURL(/\/knowledge\/KB\d+$/);
    await visible(writer.locator('main .mantine-Badge-root', { hasText: /^Draft$/ }));
    // The author cannot publish: only the submit step is offered.
    expect(await writer.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await writer.getByRole('button', { name: 'Submit for review' }).click();
    await visible(writer.locator('main .mantine-Badge-root', { hasText: /^In review$/ }));
    const number = decodeURIComponent(new URL(writer.url()).pathname.split('/').pop() ?? '');

    const checker = (await run.signedInPerson(reviewer.email)).page;
    await checker.goto('/knowledge/review');
    const waiting = checker.getByRole('region', { name: 'Waiting for you' });
    await waiting.getByRole('link', { name: new RegExp(`${number} Map a network drive`) }).click();
    await checker.waitForURL(new RegExp(`/knowledge/${number}$`));
    expect(await seriousA11yProblems(checker)).toEqual([]);
    await checker.getByRole('button', { name: 'Publish' }).click();
    await visible(checker.locator('main .mantine-Badge-root', { hasText: /^Published$/ }));

    const requesterPage = (await run.signedInPerson(requester.email)).page;
    await requesterPage.goto(`/portal/knowledge?q=${encodeURIComponent('network drive')}`);
    await requesterPage.getByRole('link', { name: `Map a network drive ${id}` }).click();
    await visible(requesterPage.getByRole('region', { name: 'Article text' }).getByText('Explorer'));
    expect(run.pageErrors).toEqual([]);
  });
});
