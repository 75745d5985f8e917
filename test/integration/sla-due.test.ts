import { beforeAll, describe, expect, it } from 'vitest';
import { workingSecondsLeft } from '../../src/domain/sla/time-left.ts';
import { as, buildIncident, setupTestEnv } from '../support/app.ts';
import { buildAgreement, buildCalendar, buildService, HOUR } from '../support/sla.ts';

const t = setupTestEnv({ manager: ['service_manager'], agent: ['agent'] });
let serviceId: string;
let calendarId: string;

const WEEKDAYS_9_TO_17 = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

beforeAll(async () => {
  calendarId = (await buildCalendar(t.manager, { timeZone: 'Europe/Berlin', intervals: WEEKDAYS_9_TO_17 }))
    .id;
  serviceId = (await buildService(t.manager)).id;
  await buildAgreement(t.manager, { calendarId, serviceId });
});

describe('the nearest due instant for queues', () => {
  it('names each record’s nearest running clock with the calendar its time left counts in', async () => {
    const inc = await buildIncident(t.agent, { impact: 2, urgency: 2, serviceId });
    const other = await buildIncident(t.agent, { impact: 2, urgency: 2 });
    const record = (await t.agent.get(`/api/v1/incidents/${inc.id}`)).json();
    const res = await t.agent.get(`/api/v1/sla/due?records=${inc.id},${other.id}`);
    expect(res.statusCode).toBe(200);
    const [due, ...rest] = res.json();
    expect(rest).toEqual([]);
    expect(due).toMatchObject({
      recordId: inc.id,
      dueAt: record.slaDueAt,
      calendar: { id: calendarId, timeZone: 'Europe/Berlin', intervals: WEEKDAYS_9_TO_17 },
    });
    // The queue's time left is the record page's: the response clock's working seconds left.
    const sla = (await t.agent.get(`/api/v1/records/${inc.id}/sla`)).json();
    const response = sla.clocks.find((c: { metric: string }) => c.metric === 'response');
    expect(workingSecondsLeft(new Date(due.dueAt), new Date(sla.now), due.calendar)).toBe(
      response.remainingSeconds,
    );
    expect(response.remainingSeconds).toBe(3 * HOUR);
  });

  it('shows people who are not staff only the records they raised', async () => {
    const requester = await as(t.env, ['requester']);
    const theirs = await buildIncident(requester, { serviceId });
    const notTheirs = await buildIncident(t.agent, { serviceId });
    const res = await requester.get(`/api/v1/sla/due?records=${theirs.id},${notTheirs.id}`);
    expect(res.json().map((d: { recordId: string }) => d.recordId)).toEqual([theirs.id]);
  });

  it('answers 400 for ids that are not UUIDs', async () => {
    const res = await t.agent.get('/api/v1/sla/due?records=INC0001,nope');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
