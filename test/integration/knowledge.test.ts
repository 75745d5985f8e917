import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDiff, ArticleHit, ArticleView, CategoryView } from '../../src/contracts/knowledge.ts';
import type { SearchAnswer } from '../../src/contracts/search.ts';
import { sendReviewReminders } from '../../src/modules/knowledge/index.ts';
import {
  buildIncident,
  buildUser,
  type Client,
  clientFor,
  expectJson,
  notificationsOf,
  setupTestEnv,
} from '../support/app.ts';
import { problemWithKnownError } from '../support/problems.ts';
import { buildService } from '../support/requests.ts';

const t = setupTestEnv({
  author: ['agent'],
  reviewer: ['agent'],
  manager: ['service_manager'],
  requester: ['requester'],
});
let category: CategoryView;

beforeAll(async () => {
  const res = await t.manager.post('/api/v1/knowledge/categories', {
    name: 'Accounts and access',
    reviewerIds: [t.reviewer.user.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  category = res.json();
});

async function write(over: Record<string, unknown> = {}): Promise<ArticleView> {
  const res = await t.author.post('/api/v1/knowledge/articles', {
    title: 'Reset your password',
    body: 'Open the self-service page and choose **Forgot password**.',
    categoryId: category.id,
    audience: 'requesters',
    ...over,
  });
  return expectJson(res, 201);
}

async function step(client: Client, a: { id: string }, s: string, comment = '') {
  return client.post(`/api/v1/knowledge/articles/${a.id}/steps`, { step: s, comment });
}

async function publish(over: Record<string, unknown> = {}): Promise<ArticleView> {
  const a = await write(over);
  expect((await step(t.author, a, 'submit')).statusCode).toBe(200);
  return expectJson(await step(t.reviewer, a, 'publish'), 200);
}

const search = async (client: Client, q: string) => {
  const res = await client.get(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: ArticleHit[] }).items;
};
const suggest = async (client: Client, text: string, serviceId?: string) => {
  const res = await client.get(
    `/api/v1/knowledge/suggestions?text=${encodeURIComponent(text)}${serviceId ? `&serviceId=${serviceId}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: ArticleHit[] }).items;
};

describe('review workflow', () => {
  it('goes draft → in review → published → retired, and only a reviewer publishes', async () => {
    const a = await write({ title: 'Unlock a locked account' });
    expect(a.state).toBe('draft');
    expect(a.number).toMatch(/^KB\d{7}$/);
    expect(a.steps.map((s) => s.key)).toEqual(['submit']);
    // Not from draft, and not by the t.author.
    expect((await step(t.reviewer, a, 'publish')).statusCode).toBe(409);
    expect((await step(t.author, a, 'submit')).json().state).toBe('in_review');
    const byAuthor = await step(t.author, a, 'publish');
    expect(byAuthor.statusCode).toBe(403);
    expect(byAuthor.json().detail).toMatch(/reviewer/);
    expect((await step(t.manager, a, 'publish')).statusCode).toBe(403);
    // Sending back needs a reason.
    expect((await step(t.reviewer, a, 'send_back')).statusCode).toBe(422);
    expect((await step(t.reviewer, a, 'send_back', 'Add a screenshot')).json().state).toBe('draft');
    await step(t.author, a, 'submit');
    const published = (await step(t.reviewer, a, 'publish')).json() as ArticleView;
    expect(published.state).toBe('published');
    expect(published.publishedBy?.id).toBe(t.reviewer.user.id);
    // A requester reads it now.
    expect((await t.requester.get(`/api/v1/knowledge/articles/${a.number}`)).statusCode).toBe(200);
    const retired = (await step(t.author, a, 'retire')).json() as ArticleView;
    expect(retired.state).toBe('retired');
    // Retired stays readable to staff, not to requesters.
    expect((await t.author.get(`/api/v1/knowledge/articles/${a.id}`)).statusCode).toBe(200);
    expect((await t.requester.get(`/api/v1/knowledge/articles/${a.id}`)).statusCode).toBe(404);
  });

  it('lists the articles waiting for the caller to review', async () => {
    const a = await write({ title: 'Request access to a shared mailbox' });
    await step(t.author, a, 'submit');
    const mine = (await t.reviewer.get('/api/v1/knowledge/articles?state=mine_to_review')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const notMine = (await t.author.get('/api/v1/knowledge/articles?state=mine_to_review')).json();
    expect(notMine.items).toEqual([]);
  });

  it('refuses requesters writing and stale edits', async () => {
    expect(
      (await t.requester.post('/api/v1/knowledge/articles', { title: 'x', categoryId: category.id }))
        .statusCode,
    ).toBe(403);
    const a = await write();
    const ok = await t.author.patch(
      `/api/v1/knowledge/articles/${a.id}`,
      { summary: 'How' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    const stale = await t.author.patch(
      `/api/v1/knowledge/articles/${a.id}`,
      { summary: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const bad = await t.author.post('/api/v1/knowledge/articles', {
      title: 'For customers',
      categoryId: category.id,
      audience: 'customers',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('audienceServiceId');
  });
});

describe('versions and diff', () => {
  it('keeps a version per edit of a published article and diffs any two', async () => {
    const a = await publish({
      title: 'Connect to the VPN',
      body: 'Open the client.\nChoose Paris.\nSign in.',
    });
    expect(a.currentVersion).toBe(1);
    const e1 = await t.author.patch(`/api/v1/knowledge/articles/${a.id}`, {
      body: 'Open the client.\nChoose Lyon.\nSign in.',
      note: 'Paris gateway retired',
    });
    expect(e1.json().currentVersion).toBe(2);
    const e2 = await t.author.patch(`/api/v1/knowledge/articles/${a.id}`, {
      body: 'Open the client.\nChoose Lyon.\nSign in with your token.',
    });
    expect(e2.json().currentVersion).toBe(3);
    expect(e2.json().state).toBe('published');
    const versions = (await t.author.get(`/api/v1/knowledge/articles/${a.id}/versions`)).json();
    expect(versions.items.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(versions.items[1].note).toBe('Paris gateway retired');
    const lines = (
      await t.author.get(`/api/v1/knowledge/articles/${a.id}/diff?from=1&to=3&mode=lines`)
    ).json() as ArticleDiff;
    expect(lines.body.segments.filter((s) => s.kind === 'removed').map((s) => s.text)).toEqual([
      'Choose Paris.\nSign in.',
    ]);
    expect(lines.body.added).toBe(2);
    const words = (
      await t.author.get(`/api/v1/knowledge/articles/${a.id}/diff?from=1&to=2`)
    ).json() as ArticleDiff;
    expect(words.body.segments).toContainEqual({ kind: 'removed', text: 'Paris' });
    expect(words.body.segments).toContainEqual({ kind: 'added', text: 'Lyon' });
    expect(words.title.changed).toBe(false);
    const missing = await t.author.get(`/api/v1/knowledge/articles/${a.id}/diff?from=1&to=9`);
    expect(missing.statusCode).toBe(400);
    expect((await t.requester.get(`/api/v1/knowledge/articles/${a.id}/versions`)).statusCode).toBe(404);
  });

  it('rewrites the draft version in place while the article is a draft', async () => {
    const a = await write({ title: 'Draft in progress' });
    const e = await t.author.patch(`/api/v1/knowledge/articles/${a.id}`, { body: 'Second try' });
    expect(e.json().currentVersion).toBe(1);
    const v = (await t.author.get(`/api/v1/knowledge/articles/${a.id}/versions`)).json();
    expect(v.items).toHaveLength(1);
  });
});

describe('search', () => {
  let printer: ArticleView;
  let french: ArticleView;
  beforeAll(async () => {
    printer = await publish({
      title: 'Printer jams on the third floor',
      summary: 'Clearing paper jams',
      body: 'When the printer jams, open tray 2 and remove the crumpled paper. Printers reboot by themselves.',
    });
    await publish({
      title: 'Order a new laptop',
      body: 'Laptops are ordered from the catalog. A printer can be added to the order.',
    });
    french = await publish({
      title: 'Configurer la messagerie',
      language: 'fr',
      body: 'Les messages arrivent dans la boîte de réception après la configuration des comptes.',
    });
  });

  it('ranks a title match above a body match and highlights the words', async () => {
    const hits = await search(t.requester, 'printer');
    expect(hits[0]!.id).toBe(printer.id);
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[0]!.snippet).toContain('<mark>');
    expect(hits[0]!.match).toBe('text');
  });

  it('stems in the article language', async () => {
    // English stemming: "jamming" finds "jams".
    expect((await search(t.requester, 'jamming')).map((h) => h.id)).toContain(printer.id);
    // French stemming: "configuration" and "compte" find "Configurer … comptes".
    expect((await search(t.requester, 'compte')).map((h) => h.id)).toContain(french.id);
  });

  it('tolerates typos in titles when full text finds nothing', async () => {
    const hits = await search(t.requester, 'prnter jmas');
    expect(hits[0]?.id).toBe(printer.id);
    expect(hits[0]?.match).toBe('similar_title');
  });

  it('escapes what an article contains in snippets and renders sanitised HTML', async () => {
    const evil = await publish({
      title: 'Odd characters',
      body: 'Type <script>alert(1)</script> zebracrossing into the box. [x](javascript:alert(1))',
    });
    const hit = (await search(t.requester, 'zebracrossing'))[0]!;
    // Only the highlight is markup; everything else is text.
    expect(hit.snippet).toContain('<mark>zebracrossing</mark>');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    const view = (await t.requester.get(`/api/v1/knowledge/articles/${evil.id}`)).json() as ArticleView;
    expect(view.html).not.toContain('<script');
    expect(view.html).not.toMatch(/href="javascript/);
    expect(view.html).toContain('&lt;script&gt;');
  });

  it('lists articles in the global search', async () => {
    const answer = (await t.requester.get('/api/v1/search?q=printer')).json() as SearchAnswer;
    expect(answer.items.some((h) => h.kind === 'article' && h.id === printer.id)).toBe(true);
  });
});

describe('audience rules', () => {
  let internal: ArticleView;
  let forCustomers: ArticleView;
  let serviceId: string;
  let customer: Client;
  beforeAll(async () => {
    internal = await publish({
      title: 'Rotate the quasarvault keys',
      audience: 'internal',
      body: 'quasarvault admin steps',
    });
    serviceId = await buildService(t.env, 'Payroll');
    forCustomers = await publish({
      title: 'Payroll quasarvault export',
      audience: 'customers',
      audienceServiceId: serviceId,
      body: 'quasarvault export for payroll customers',
    });
    await t.env.ctx.db.execute(sql`insert into organisations (name, kind) values ('Acme', 'customer')`);
    const orgs = (await t.env.ctx.db.execute(
      sql`select id from organisations where name = 'Acme'`,
    )) as unknown as {
      rows: { id: string }[];
    };
    const orgId = orgs.rows[0]!.id;
    await t.env.ctx.db.execute(
      sql`insert into service_customers (service_id, organisation_id) values (${serviceId}, ${orgId})`,
    );
    const user = await buildUser(t.env, { roles: ['requester'] });
    await t.env.ctx.db.execute(sql`update users set organisation_id = ${orgId} where id = ${user.id}`);
    customer = await clientFor(t.env, user);
  });

  it('never shows an internal article to a requester: not by search, URL, suggestion or list', async () => {
    expect((await search(t.author, 'quasarvault')).map((h) => h.id)).toContain(internal.id);
    expect((await search(t.requester, 'quasarvault')).map((h) => h.id)).not.toContain(internal.id);
    expect((await t.requester.get(`/api/v1/knowledge/articles/${internal.id}`)).statusCode).toBe(404);
    expect((await t.requester.get(`/api/v1/knowledge/articles/${internal.number}`)).statusCode).toBe(404);
    expect((await suggest(t.requester, 'my quasarvault keys fail')).map((h) => h.id)).not.toContain(
      internal.id,
    );
    expect((await suggest(t.author, 'my quasarvault keys fail')).map((h) => h.id)).toContain(internal.id);
    const list = (await t.requester.get('/api/v1/knowledge/articles?limit=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(internal.id);
    const global = (await t.requester.get('/api/v1/search?q=quasarvault')).json() as SearchAnswer;
    expect(global.items.map((h) => h.id)).not.toContain(internal.id);
    const byNumber = (await t.requester.get(`/api/v1/search?q=${internal.number}`)).json() as SearchAnswer;
    expect(byNumber).toEqual({ items: [], exact: null });
    expect((await t.author.get(`/api/v1/search?q=${internal.number}`)).json().exact?.id).toBe(internal.id);
    // Typo tolerance obeys the same rules.
    expect((await search(t.requester, 'Rotate the qasarvault kyes')).map((h) => h.id)).not.toContain(
      internal.id,
    );
  });

  it("shows a service's article only to that service's customers", async () => {
    expect((await search(customer, 'quasarvault')).map((h) => h.id)).toEqual([forCustomers.id]);
    expect((await customer.get(`/api/v1/knowledge/articles/${forCustomers.id}`)).statusCode).toBe(200);
    expect((await search(t.requester, 'quasarvault')).map((h) => h.id)).toEqual([]);
    expect((await t.requester.get(`/api/v1/knowledge/articles/${forCustomers.id}`)).statusCode).toBe(404);
    expect((await suggest(customer, 'quasarvault broken')).map((h) => h.id)).toEqual([forCustomers.id]);
  });

  it('does not show drafts or articles in review to requesters', async () => {
    const draft = await write({ title: 'Unpublished quasarvault notes' });
    expect((await t.requester.get(`/api/v1/knowledge/articles/${draft.id}`)).statusCode).toBe(404);
    expect((await search(t.requester, 'unpublished')).map((h) => h.id)).not.toContain(draft.id);
  });
});

describe('deflection and feedback', () => {
  it('suggests articles while typing, and counts solved problems, feedback and views', async () => {
    const a = await publish({
      title: 'Outlook keeps asking for my password',
      body: 'Remove the saved credential in the credential manager and sign in again.',
    });
    const hits = await suggest(t.requester, 'outlook asks password again and again');
    expect(hits[0]!.id).toBe(a.id);
    const solved = await t.requester.post(`/api/v1/knowledge/articles/${a.id}/deflections`, {
      query: 'outlook asks password',
    });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(solved.json().deflectionCount).toBe(1);
    const fb = await t.requester.post(`/api/v1/knowledge/articles/${a.id}/feedback`, {
      helpful: false,
      comment: 'Step 2 is unclear',
    });
    expect(fb.json()).toMatchObject({ helpfulCount: 0, notHelpfulCount: 1 });
    await t.requester.post(`/api/v1/knowledge/articles/${a.id}/views`);
    const view = (await t.author.get(`/api/v1/knowledge/articles/${a.id}`)).json() as ArticleView;
    expect(view).toMatchObject({ deflectionCount: 1, notHelpfulCount: 1, viewCount: 1 });
    const list = (await t.author.get(`/api/v1/knowledge/articles/${a.id}/feedback`)).json();
    expect(list.items[0]).toMatchObject({ helpful: false, comment: 'Step 2 is unclear' });
    expect((await t.requester.get(`/api/v1/knowledge/articles/${a.id}/feedback`)).statusCode).toBe(404);
    // No incident was raised by the t.requester.
    const mine = (await t.requester.get('/api/v1/incidents')).json();
    expect(mine.items).toEqual([]);
  });

  it('prefers articles about the service on a record, and links an article to a record', async () => {
    const serviceId = await buildService(t.env, 'Email');
    const about = await publish({
      title: 'Mailbox full warning',
      body: 'Archive old mail.',
      serviceIds: [serviceId],
    });
    await publish({ title: 'Mailbox permissions', body: 'Ask the owner for full access to the mailbox.' });
    const hits = await suggest(t.author, 'mailbox full', serviceId);
    expect(hits[0]!.id).toBe(about.id);
    const inc = await buildIncident(t.author, { title: 'Mailbox full' });
    const linked = await t.author.post(`/api/v1/records/${inc.id}/articles`, { articleId: about.number });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().items.map((i: { id: string }) => i.id)).toEqual([about.id]);
    const view = (await t.author.get(`/api/v1/knowledge/articles/${about.id}`)).json() as ArticleView;
    expect(view.linkedRecords.map((r) => r.number)).toEqual([inc.number]);
    const unlinked = await t.author.del(`/api/v1/records/${inc.id}/articles/${about.id}`);
    expect(unlinked.json().items).toEqual([]);
  });
});

describe('known errors and reminders', () => {
  it('publishes a known error as an article in one step, once', async () => {
    const { ke } = await problemWithKnownError(
      t.author,
      { title: 'Badge readers reject new cards' },
      { symptoms: 'Door stays shut, reader blinks red', workaround: 'Re-encode the card at reception' },
    );
    const res = await t.reviewer.post(`/api/v1/known-errors/${ke.id}/article`, {
      categoryId: category.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const article = res.json() as ArticleView;
    expect(article.state).toBe('published');
    expect(article.audience).toBe('internal');
    expect(article.body).toContain('Re-encode the card at reception');
    expect(article.knownErrorId).toBe(ke.id);
    expect(
      (await t.reviewer.post(`/api/v1/known-errors/${ke.id}/article`, { categoryId: category.id }))
        .statusCode,
    ).toBe(409);
    expect((await t.author.get(`/api/v1/known-errors/${ke.id}/article`)).json().article.number).toBe(
      article.number,
    );
    // Someone who does not review the category sends it to review instead.
    const { ke: ke2 } = await problemWithKnownError(
      t.author,
      { title: 'Scanner drops pages' },
      { symptoms: 'Pages missing', workaround: 'Scan one page at a time' },
    );
    const res2 = await t.author.post(`/api/v1/known-errors/${ke2.id}/article`, {
      categoryId: category.id,
    });
    expect(res2.json().state).toBe('in_review');
    expect(
      (await t.requester.post(`/api/v1/known-errors/${ke2.id}/article`, { categoryId: category.id }))
        .statusCode,
    ).toBe(403);
  });

  it('reminds the owner once when the review-by date comes', async () => {
    const a = await publish({ title: 'Reviewed yearly', reviewBy: '2026-03-03' });
    expect(await sendReviewReminders(t.env.ctx)).toBe(0);
    t.env.clock.set(new Date('2026-03-04T08:00:00Z'));
    expect(await sendReviewReminders(t.env.ctx)).toBe(1);
    expect(await sendReviewReminders(t.env.ctx)).toBe(0);
    const notes = await notificationsOf(t.author);
    expect(notes.items[0]!.subject).toContain(a.number);
  });
});
