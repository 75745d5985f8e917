import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import {
  type RecordEvent,
  registerRecordHook,
  unregisterRecordHook,
} from '../../src/modules/records/events.ts';
import { activityOf, buildIncident, commentsIn, setupTestEnv } from '../support/app.ts';

const t = setupTestEnv({ agent: ['agent'] });
const seen: RecordEvent[] = [];

beforeAll(() => {
  registerRecordHook('test.collect', async (e) => {
    seen.push(e);
  });
});
afterAll(() => unregisterRecordHook('test.collect'));

describe('record events', () => {
  it('tells hooks about creation, field changes and transitions, inside the transaction', async () => {
    const inc = await buildIncident(t.agent, { title: 'Hooked' });
    await t.agent.patch(`/api/v1/incidents/${inc.id}`, { urgency: 1 });
    await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, { to: 'in_progress' });
    const mine = seen.filter((e) => e.record.id === inc.id);
    expect(mine.map((e) => e.kind)).toEqual(['created', 'updated', 'transitioned']);
    expect(mine[1]).toMatchObject({
      kind: 'updated',
      changes: expect.arrayContaining([{ field: 'priority', oldValue: 4, newValue: 3 }]),
    });
    expect(mine[2]).toMatchObject({
      kind: 'transitioned',
      from: 'new',
      to: 'in_progress',
      transition: 'start',
    });
  });

  it('rolls the change back when a hook refuses it', async () => {
    registerRecordHook('test.refuse', async (e) => {
      if (e.kind === 'transitioned' && e.to === 'on_hold')
        throw new AppError('validation.failed', 'Holds are frozen this week.');
    });
    try {
      const inc = await buildIncident(t.agent);
      const res = await t.agent.post(`/api/v1/incidents/${inc.id}/transitions`, {
        to: 'on_hold',
        comment: 'wait',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toBe('Holds are frozen this week.');
      const now = (await t.agent.get(`/api/v1/incidents/${inc.id}`)).json();
      expect(now).toMatchObject({ state: 'new', version: 1 });
      expect(commentsIn(await activityOf(t.agent, inc.id))).toEqual([]);
    } finally {
      unregisterRecordHook('test.refuse');
    }
  });
});
