import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { SLA_STORIES } from '../../src/demo/service-levels.ts';
import { setupTestEnv } from '../support/app.ts';

type Clock = { kind: string; metric: string; state: string; breached: boolean };
type Incident = {
  id: string;
  number: string;
  title: string;
  serviceId: string | null;
  slaDueAt: string | null;
};

const t = setupTestEnv({ agent: ['agent', 'service_manager'] });
beforeAll(async () => {
  await seedDemo(t.env.ctx, { incidents: 3 });
}, 240_000);

/** The incidents the service-level demo tells the story of (the reporting history has many more). */
async function demoIncidents(): Promise<Incident[]> {
  const titles = new Set(SLA_STORIES.map((s) => s.title));
  const found: Incident[] = [];
  for (const title of titles) {
    const items = (await t.agent.get(`/api/v1/incidents?limit=20&q=${encodeURIComponent(title)}`)).json()
      .items as Incident[];
    found.push(...items.filter((i) => i.title === title && i.serviceId !== null));
  }
  return found;
}

describe('demo service levels', () => {
  it('agrees SLAs for two services and an OLA, on a business calendar with weekly hours and holidays', async () => {
    const agreements = (await t.agent.get('/api/v1/agreements?limit=50')).json().items;
    expect(agreements.map((a: { name: string; kind: string }) => [a.kind, a.name]).sort()).toEqual([
      ['ola', 'Service Desk OLA'],
      ['sla', 'Email & Collaboration SLA'],
      ['sla', 'Payroll SLA'],
    ]);
    const calendars = (await t.agent.get('/api/v1/calendars')).json();
    const office = calendars.find((c: { name: string }) => c.name === 'UK office hours');
    expect(office).toMatchObject({ timeZone: 'Europe/London', weeklyHours: 50 });
    expect(office.holidays.length).toBeGreaterThanOrEqual(3);
  });

  it('has services that reached their stage before the demo was loaded, live ones before its history', async () => {
    const now = t.env.clock.now().getTime();
    const services = (await t.agent.get('/api/v1/services?limit=100')).json().items as {
      name: string;
      lifecycleStatus: string;
      lifecycleChangedAt: string;
    }[];
    expect(services.length).toBeGreaterThan(2);
    const daysAgo = (s: { lifecycleChangedAt: string }) =>
      (now - Date.parse(s.lifecycleChangedAt)) / 86_400_000;
    for (const s of services) expect(daysAgo(s), s.name).toBeGreaterThanOrEqual(7);
    const live = services.filter((s) => s.lifecycleStatus === 'live');
    for (const s of live) expect(daysAgo(s), s.name).toBeGreaterThan(182);
    // Staggered: not every service went live on the same day.
    expect(new Set(live.map((s) => s.lifecycleChangedAt)).size).toBeGreaterThan(1);
  });

  it('shows running, warned and breached clocks on first start', async () => {
    const incidents = await demoIncidents();
    expect(incidents.length).toBe(6);
    const clocks: Clock[] = [];
    const alerts: string[] = [];
    for (const inc of incidents) {
      clocks.push(...(await t.agent.get(`/api/v1/records/${inc.id}/sla`)).json().clocks);
      const timeline = (await t.agent.get(`/api/v1/records/${inc.id}/sla/timeline`)).json();
      alerts.push(...timeline.map((e: { kind: string }) => e.kind));
    }
    expect(clocks.filter((c) => c.state === 'running' && !c.breached).length).toBeGreaterThan(0);
    expect(clocks.filter((c) => c.state === 'running' && c.breached).length).toBeGreaterThan(0);
    expect(clocks.filter((c) => c.state === 'paused').length).toBeGreaterThan(0);
    expect(clocks.filter((c) => c.state === 'met').length).toBeGreaterThan(0);
    expect(alerts).toContain('warning');
    expect(alerts).toContain('breach');
  });

  it('puts the demo incidents in the queue with their nearest due instant', async () => {
    const running = (await demoIncidents()).filter((i) => i.slaDueAt !== null);
    expect(running.length).toBeGreaterThanOrEqual(3);
    const due = (await t.agent.get(`/api/v1/sla/due?records=${running.map((i) => i.id).join(',')}`)).json();
    expect(due.map((d: { recordId: string }) => d.recordId).sort()).toEqual(running.map((i) => i.id).sort());
  });
});
