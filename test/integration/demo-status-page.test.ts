import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { as, publicStatus, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({});

describe('demo data', () => {
  it('publishes a status page with one past incident and two announcements', async () => {
    const r = await seedDemo(t.env.ctx, { incidents: 20 });
    expect(r.statusPage).toEqual({ services: 2, announcements: 2, pastIncidents: 1 });
    const page = await publicStatus(t.env);
    expect(page.status).toBe('operational');
    expect(page.services.map((s) => s.name)).toEqual(['Email & Collaboration', 'Payroll']);
    expect(page.history).toHaveLength(1);
    expect(page.history[0]).toMatchObject({
      serviceName: 'Email & Collaboration',
      status: 'major_outage',
      cause: 'Delayed delivery of external email',
    });
    expect(page.history[0]?.updates.map((u) => u.phase)).toEqual(['resolved', 'identified', 'investigating']);
    const email = page.services[0]!;
    expect(email.uptime90).toBeGreaterThan(99);
    expect(email.uptime90).toBeLessThan(100);
    const someone = await as(t.env, ['requester']);
    const current = (await someone.get('/api/v1/announcements/current')).json().items;
    expect(current.map((a: { title: string }) => a.title)).toEqual([
      'New service desk hours from next month',
    ]);
  }, 240_000);
});
