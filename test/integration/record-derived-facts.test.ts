/**
 * The facts derived from a record's writes (exact counts, report rollups, resolutions, a clock's
 * record dimensions) follow a write only when it changed what they are made of: an assignment or a
 * due instant writes no delta, a priority or state change does, and a new clock carries its
 * record's type and service whether the clock code or the database filled them in.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { buildIncident, resolveIncident, setupTestEnv } from '../support/app.ts';
import { buildAgreement, buildCalendar, buildService } from '../support/sla.ts';

const t = setupTestEnv({ agent: ['agent'], manager: ['service_manager'] });

/** Rows appended to each delta table and resolution rows, as they stand. */
async function tally() {
  const [row] = await queryRows<{ counts: number; rollups: number; resolutions: number }>(
    t.env.ctx.db,
    sql`select (select count(*)::int from record_count_deltas) as counts,
      (select count(*)::int from report_rollup_deltas) as rollups,
      (select count(*)::int from report_resolutions) as resolutions`,
  );
  return row!;
}

async function countOf(type: string, state: string, priority: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.env.ctx.db,
    sql`select coalesce((select n from record_counts where type = ${type} and state = ${state} and priority = ${priority}), 0)
      + coalesce((select sum(n) from record_count_deltas where type = ${type} and state = ${state} and priority = ${priority}), 0) as n`,
  );
  return Number(row!.n);
}

describe('derived facts of a record', () => {
  it('are written by a create, and not by an update that changes none of their columns', async () => {
    const before = await tally();
    const inc = await buildIncident(t.agent, { urgency: 3 });
    const created = await tally();
    expect(created.counts).toBe(before.counts + 1);
    // Opened by day and by hour.
    expect(created.rollups).toBe(before.rollups + 2);
    expect(created.resolutions).toBe(before.resolutions);

    const assigned = await t.agent.patch(
      `/api/v1/incidents/${inc.id}`,
      { assigneeId: t.agent.user.id, description: 'Now with more smoke' },
      { 'if-match': `"${inc.version}"` },
    );
    expect(assigned.statusCode).toBe(200);
    expect(await tally()).toEqual(created);
  });

  it('follow a change of priority and state, and a resolution, exactly', async () => {
    const inc = await buildIncident(t.agent, { urgency: 3 });
    const p = inc.priority;
    const atNew = await countOf('incident', inc.state, p);
    const before = await tally();
    const res = await t.agent.patch(
      `/api/v1/incidents/${inc.id}`,
      { urgency: 1 },
      { 'if-match': `"${inc.version}"` },
    );
    expect(res.statusCode).toBe(200);
    const raised = res.json() as { priority: number; version: number };
    expect(raised.priority).not.toBe(p);
    expect(await countOf('incident', inc.state, p)).toBe(atNew - 1);
    const after = await tally();
    // One delta out of the old priority and one into the new; the rollups move both opened facts.
    expect(after.counts).toBe(before.counts + 2);
    expect(after.rollups).toBeGreaterThan(before.rollups);

    expect((await resolveIncident(t.agent, inc.id)).statusCode).toBe(200);
    expect((await tally()).resolutions).toBe(before.resolutions + 1);
    expect(await countOf('incident', 'resolved', raised.priority)).toBeGreaterThanOrEqual(1);
  });

  it('give a record’s new clocks its type and service', async () => {
    const calendar = await buildCalendar(t.manager);
    const service = await buildService(t.manager);
    await buildAgreement(t.manager, { calendarId: calendar.id, serviceId: service.id });
    const inc = await buildIncident(t.agent, { serviceId: service.id });
    const clocks = await queryRows<{ record_type: string; record_service_id: string }>(
      t.env.ctx.db,
      sql`select record_type, record_service_id from sla_clocks where record_id = ${inc.id}`,
    );
    expect(clocks.length).toBeGreaterThan(0);
    for (const c of clocks) expect(c).toEqual({ record_type: 'incident', record_service_id: service.id });
    // A clock written without them (as the demo history and imports may) gets them from the record.
    await t.env.ctx.db.execute(sql`insert into sla_clocks (record_id, agreement_id, kind, metric, calendar_id, priority,
        target_seconds, target_version, started_at, selected_at, state, created_at)
      select record_id, agreement_id, kind, 'response_copy', calendar_id, priority, target_seconds, target_version,
        started_at, selected_at, state, created_at from sla_clocks where record_id = ${inc.id} limit 1`);
    const [copied] = await queryRows<{ record_type: string; record_service_id: string }>(
      t.env.ctx.db,
      sql`select record_type, record_service_id from sla_clocks where record_id = ${inc.id} and metric = 'response_copy'`,
    );
    expect(copied).toEqual({ record_type: 'incident', record_service_id: service.id });
  });
});
