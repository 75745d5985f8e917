/**
 * Changes on the public status page: a scheduled change is listed as planned maintenance on its
 * service (under a public title, never the change's own), the service shows "under maintenance"
 * while the change is implemented, and it is operational again once the change is done.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeTemplateView, ChangeView } from '../../src/contracts/changes.ts';
import type { PublicStatus } from '../../src/contracts/status-page.ts';
import { publicStatus, setupTestEnv } from '../support/app.ts';
import { buildService } from '../support/requests.ts';

const t = setupTestEnv({ manager: ['service_manager', 'change_manager'], agent: ['agent'] });
let service: string;
let template: ChangeTemplateView;

const statusPage = () => publicStatus(t.env);
const statusOf = (p: PublicStatus) => p.services.find((s) => s.id === service)?.status;
/** The page is dropped from the cache when the change's commit is announced (NOTIFY): wait for it. */
const eventually = <T>(read: (p: PublicStatus) => T) =>
  expect.poll(async () => read(await statusPage()), { timeout: 10_000, interval: 100 });

beforeAll(async () => {
  service = await buildService(t.env, 'Payroll', { criticality: 'high' });
  expect((await t.manager.put(`/api/v1/status-page/services/${service}`, { position: 1 })).statusCode).toBe(
    200,
  );
  const made = await t.manager.post('/api/v1/change-templates', {
    name: 'Patch the payroll servers',
    implementationPlan: 'Apply the monthly patches.',
    backoutPlan: 'Restore the snapshots.',
    durationMinutes: 120,
  });
  expect(made.statusCode, made.body).toBe(201);
  template = made.json() as ChangeTemplateView;
});

describe('changes on the status page', () => {
  it('lists a scheduled change as planned maintenance, shows it running, and clears it when done', async () => {
    const start = new Date(t.env.clock.now().getTime() + 2 * 3_600_000).toISOString();
    const raised = await t.agent.post('/api/v1/changes', {
      changeType: 'standard',
      templateId: template.id,
      serviceId: service,
      plannedStart: start,
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const change = raised.json() as ChangeView;
    expect(statusOf(await statusPage())).toBe('operational');

    const move = async (body: Record<string, unknown>) => {
      const res = await t.agent.post(`/api/v1/changes/${change.id}/transitions`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await move({ to: 'scheduled' });
    await eventually((p) => p.planned.map((x) => x.title)).toEqual(['Planned maintenance']);
    let page = await statusPage();
    expect(statusOf(page)).toBe('operational');
    expect(JSON.stringify(page)).not.toContain('Patch the payroll servers');

    // Started early: in progress now, whatever the plan said.
    await move({ to: 'implement' });
    await eventually(statusOf).toBe('under_maintenance');
    page = await statusPage();
    expect(page.active.some((a) => a.kind === 'maintenance')).toBe(true);

    await move({ to: 'review', resolutionCode: 'successful', resolutionNotes: 'Patched.' });
    await eventually(statusOf).toBe('operational');
    expect((await statusPage()).planned).toEqual([]);
  });
});
