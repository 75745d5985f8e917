import { describe, expect, it } from 'vitest';
import type { ArticleHit } from '../../src/contracts/knowledge.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { knowledgeArticles } from '../../src/modules/knowledge/schema.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ requester: ['requester'] });

describe('demo knowledge base', () => {
  it('loads categories and published articles, some internal, one in review', async () => {
    const r = await seedDemo(t.env.ctx, { incidents: 20 });
    expect(r.knowledge).toEqual({ categories: 5, articles: 13 });
    const rows = await t.env.ctx.db
      .select({ state: knowledgeArticles.state, audience: knowledgeArticles.audience })
      .from(knowledgeArticles);
    expect(rows.filter((a) => a.state === 'published')).toHaveLength(12);
    expect(rows.filter((a) => a.state === 'in_review')).toHaveLength(1);
    expect(rows.filter((a) => a.audience === 'internal').length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((a) => a.audience === 'customers')).toHaveLength(1);
    // A requester finds the password article, but never the internal runbooks.
    const hits = (await t.requester.get('/api/v1/knowledge/search?q=password')).json().items as ArticleHit[];
    expect(hits.map((h) => h.title)).toContain('Reset your password');
    const vpn = (await t.requester.get('/api/v1/knowledge/search?q=vpn%20gateway')).json()
      .items as ArticleHit[];
    expect(vpn.map((h) => h.title)).not.toContain('Fail the VPN gateway over to the standby node');
  }, 240_000);
});
