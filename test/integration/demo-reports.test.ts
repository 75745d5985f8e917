import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../src/contracts/reports.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ manager: ['service_manager'] });

describe('demo history', () => {
  it('fills six months of history quickly and deterministically, so every dashboard shows something', async () => {
    const started = performance.now();
    const r = await seedDemo(t.env.ctx, { incidents: 40 });
    const seconds = (performance.now() - started) / 1000;
    expect(r.history.records).toBe(182 * 17);
    expect(r.history.clocks).toBeGreaterThan(1000);
    console.info(`demo with history seeded in ${seconds.toFixed(1)} s`);

    const to = new Date(t.env.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(t.env.clock.now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    const period = `from=${from}T00:00:00Z&to=${to}T00:00:00Z`;
    const dashboards = (await t.manager.get('/api/v1/reports/dashboards')).json();
    const keys = [
      ...new Set(
        dashboards.roles.flatMap((d: { widgets: { kpi: string }[] }) => d.widgets.map((w) => w.kpi)),
      ),
    ] as string[];
    const empty: string[] = [];
    for (let i = 0; i < keys.length; i += 12) {
      const res = await t.manager.get(
        `/api/v1/reports/kpi-values?${period}&keys=${keys.slice(i, i + 12).join(',')}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      for (const k of res.json().items as KpiResult[])
        if (k.kpi.available && (k.value === null || k.count === 0)) empty.push(k.kpi.key);
    }
    expect(empty).toEqual([]);
    const compliance = (
      await t.manager.get(`/api/v1/reports/kpis/sla_resolution_compliance?${period}`)
    ).json();
    // Met and breached both appear.
    expect(compliance.value).toBeGreaterThan(60);
    expect(compliance.value).toBeLessThan(99);
    const reopen = (await t.manager.get(`/api/v1/reports/kpis/reopen_rate?${period}`)).json();
    expect(reopen.value).toBeGreaterThan(1);
    // Time is logged on a good share of the records: the time report and effort show it.
    expect(r.time.entries).toBeGreaterThan(1000);
    const time = (await t.manager.get(`/api/v1/time/report?${period}&by=service`)).json();
    expect(time.rows.length).toBeGreaterThan(2);
    expect(time.billableMinutes).toBeGreaterThan(0);
    expect(time.billableMinutes).toBeLessThan(time.totalMinutes);
    const effort = (await t.manager.get(`/api/v1/reports/kpis/effort?${period}`)).json();
    expect(effort.value).toBeCloseTo(time.totalMinutes / 60);
    // Every resolution sent a survey; about three in ten were answered, mostly satisfied.
    expect(r.history.surveys).toBe(182 * 17);
    const csat = (await t.manager.get(`/api/v1/reports/kpis/csat?${period}`)).json();
    expect(csat.value).toBeGreaterThan(3.5);
    expect(csat.value).toBeLessThan(4.6);
    const responses = (await t.manager.get(`/api/v1/reports/kpis/csat_response_rate?${period}`)).json();
    expect(responses.value).toBeGreaterThan(22);
    expect(responses.value).toBeLessThan(38);
    // The whole demo, not only the history: slow on a busy machine.
  }, 240_000);
});
