/**
 * Breach prediction's jobs on an instance that runs jobs: with no history at start-up there is no
 * model; once history exists, the next scoring round trains one and stores the scores the
 * dashboard counts.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { DEMO_GROUPS } from '../../src/demo/data.ts';
import { seedReportHistory } from '../../src/demo/history.ts';
import { SCORE_QUEUE } from '../../src/modules/prediction/service.ts';
import { buildGroup, buildIncident, buildUser, setupTestEnv } from '../support/app.ts';
import { pollFor, pollUntil } from '../support/poll.ts';
import { buildAgreement, buildCalendar, buildService } from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'] }, { jobs: true });

const slowly = { timeoutMs: 30_000, everyMs: 250 };

describe('prediction jobs', () => {
  it('trains once history exists and stores the scores of running clocks', async () => {
    expect((await t.agent.get('/api/v1/predictions/model')).json().model).toBeNull();
    const calendarId = (await buildCalendar(t.manager)).id;
    const serviceId = (await buildService(t.manager)).id;
    await buildAgreement(t.manager, { calendarId, serviceId });
    const people = [await buildUser(t.env, { roles: ['agent'] })];
    const group = await buildGroup(t.env, { memberIds: people.map((p) => p.id) });
    await seedReportHistory(t.env.ctx, {
      groups: new Map(DEMO_GROUPS.map((g) => [g.key, group.id])),
      groupMembers: new Map(DEMO_GROUPS.map((g) => [g.key, people.map((p) => p.id)])),
      requesters: [t.agent.user.id],
      deskAgentId: t.agent.user.id,
      records: 200,
      days: 30,
    });
    const open = await buildIncident(t.agent, { serviceId });

    await t.env.ctx.jobs!.send(SCORE_QUEUE, {});
    const model = await pollFor(async () => (await t.agent.get('/api/v1/predictions/model')).json().model, {
      what: 'a trained model',
      ...slowly,
    });
    expect(model.trainedAt).toBeTruthy();
    const scores = await pollUntil(
      () =>
        queryRows<{ record_id: string; probability: number }>(
          t.env.ctx.db,
          sql`select record_id, probability from prediction_scores`,
        ),
      (rows) => rows.length > 0,
      { what: 'stored scores', ...slowly },
    );
    expect(scores.map((s) => s.record_id)).toContain(open.id);
    for (const s of scores) {
      expect(s.probability).toBeGreaterThanOrEqual(0);
      expect(s.probability).toBeLessThanOrEqual(1);
    }
  }, 90_000);
});
