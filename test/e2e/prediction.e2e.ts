/**
 * SLA breach prediction in the browser: a database is prepared with an SLA and two months of
 * finished incident history (the demo history generator), the server starts on it, the model is
 * trained through the API, and an agent opens "Likely to breach" from the workspace navigation,
 * sees open records with their probability and top factor, and opens one to find its breach
 * risk explained.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext, ensureFirstAdmin } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_GROUPS } from '../../src/demo/data.ts';
import { seedReportHistory } from '../../src/demo/history.ts';
import { createGroup, createUser } from '../../src/modules/auth/directory.ts';
import { loadActor } from '../../src/modules/auth/service.ts';
import { createService } from '../../src/modules/catalog/service.ts';
import { agreeAgreement, createAgreement } from '../../src/modules/sla/agreements.ts';
import { createCalendar } from '../../src/modules/sla/calendars.ts';
import { PASSWORD } from './support/api.ts';
import { seriousA11yProblems } from './support/axe.ts';
import { choose, signIn, text, visible } from './support/browser.ts';
import { useBrowserRun } from './support/run.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/server.ts';

type PredictionList = { items: { number: string; title: string }[] };
const AGENT_EMAIL = 'sam.agent@example.com';

/** Everything the server will find: the administrator, an agent, groups, an SLA and history. */
async function prepare(dataDir: string): Promise<string> {
  const ctx = await createContext(
    loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      STEWARD_DEMO: '0',
      STEWARD_ADMIN_EMAIL: ADMIN_EMAIL,
      STEWARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
    }),
    { startJobs: false },
  );
  try {
    await ensureFirstAdmin(ctx);
    const agent = await createUser(ctx, 'system', {
      email: AGENT_EMAIL,
      name: 'Sam Agent',
      roles: ['agent'],
      password: PASSWORD,
    });
    const manager = await createUser(ctx, 'system', {
      email: 'mia.manager@example.com',
      name: 'Mia Manager',
      roles: ['service_manager'],
    });
    const actor = await loadActor(ctx.db, manager.id, null);
    const groups = new Map<string, string>();
    const members = new Map<string, string[]>();
    for (const g of DEMO_GROUPS) {
      groups.set(g.key, (await createGroup(ctx, 'system', { name: g.name, memberIds: [agent.id] })).id);
      members.set(g.key, [agent.id]);
    }
    const cal = await createCalendar(ctx, actor, {
      name: 'Around the clock',
      timeZone: 'UTC',
      intervals: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })),
      holidays: [],
    });
    const service = await createService(ctx, actor, {
      kind: 'business',
      name: 'Payroll',
      criticality: 'high',
      lifecycleStatus: 'live',
    });
    const draft = await createAgreement(ctx, actor, {
      kind: 'sla',
      name: 'Payroll SLA',
      serviceId: service.id,
      calendarId: cal.id,
      targets: [1, 2, 3, 4, 5].map((p) => ({
        priority: p,
        responseMinutes: 30 * p,
        resolutionMinutes: 240 * p,
      })),
      effectiveFrom: new Date('2020-01-01T00:00:00Z'),
    });
    await agreeAgreement(ctx, actor, draft.id);
    await seedReportHistory(ctx, {
      groups,
      groupMembers: members,
      requesters: [agent.id],
      deskAgentId: agent.id,
      records: 300,
      days: 60,
    });
    return service.id;
  } finally {
    await closeContext(ctx);
  }
}

describe('likely to breach', () => {
  let serviceId = '';
  const run = useBrowserRun(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'steward-e2e-prediction-'));
    serviceId = await prepare(dataDir);
    return { dataDir };
  });
  let page: Page;

  beforeAll(async () => {
    await run.admin.call('POST', '/predictions/model');
    for (const title of ['Payslips do not open', 'Payroll export fails'])
      await run.admin.call('POST', '/incidents', { title, description: 'Since this morning.', serviceId });
    ({ page } = await run.newPerson());
  });

  it('lists open records by their chance of breaching, with the factor that weighs most', async () => {
    const scored = await run.admin.call<PredictionList>('GET', '/predictions?minProbability=0');
    expect(scored.items.length).toBe(2);
    const first = scored.items[0]!;

    await signIn(page, AGENT_EMAIL, PASSWORD);
    await page.getByRole('link', { name: 'Likely to breach' }).click();
    await visible(page.getByRole('heading', { name: 'Likely to breach', level: 1 }));
    await visible(page.getByText(/Model trained .* finished clocks/));
    await choose(page, 'Likelihood', 'Every scored record');
    const row = page.getByRole('row').filter({ hasText: first.number });
    await visible(row);
    expect(await text(row)).toContain(first.title);
    expect(await text(row)).toMatch(/\d+%/);
    expect(await text(row)).toMatch(/(raises|lowers) the odds/);
    expect(await seriousA11yProblems(page)).toEqual([]);

    await row.getByRole('link', { name: first.number }).click();
    const panel = page.getByRole('region', { name: 'Breach risk' });
    await visible(panel);
    const factors = panel.getByRole('list', { name: 'Breach risk factors' });
    await visible(factors);
    expect(await factors.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await text(panel)).toMatch(/working time left/);
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  }, 60_000);
});
