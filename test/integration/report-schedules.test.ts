/**
 * Scheduled reports delivered to a real SMTP peer: due schedules run once per period through
 * the mail outbox with the report attached, and the delivery log says what happened.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryView, ScheduleView } from '../../src/contracts/reports.ts';
import { deliverDueMail } from '../../src/modules/mail/index.ts';
import { runDueSchedules } from '../../src/modules/reports/schedules.ts';
import { buildGroup, buildUser } from '../support/app.ts';
import { setupMailTestEnv } from '../support/smtp.ts';

const t = setupMailTestEnv(
  { MAIL_FROM: 'Steward <reports@steward.test>' },
  { manager: ['service_manager'], agent: ['agent'] },
);

beforeAll(async () => {
  t.env.clock.set('2026-03-04T15:00:00Z'); // a Wednesday
});

/** The SLA compliance report as CSV, scheduled by the service manager for `recipients`. */
async function csvComplianceSchedule(
  name: string,
  frequency: string,
  recipients: { recipientUserIds?: string[]; recipientGroupIds?: string[] },
): Promise<ScheduleView> {
  const body = { name, report: 'sla_compliance', format: 'csv', frequency, ...recipients };
  return (await t.manager.post('/api/v1/reports/schedules', body)).json() as ScheduleView;
}

describe('scheduled reports', () => {
  it('mails the report of the week just ended to people and groups, once, and logs the delivery', async () => {
    const lead = await buildUser(t.env, { roles: ['agent'], email: 'lead@example.test' });
    const member = await buildUser(t.env, { roles: ['agent'], email: 'member@example.test' });
    const team = await buildGroup(t.env, { name: 'Reporting team', memberIds: [member.id] });
    const created = await t.manager.post('/api/v1/reports/schedules', {
      name: 'Weekly volume',
      report: 'kpi_table',
      params: { kpi: 'volume', by: 'priority' },
      format: 'xlsx',
      frequency: 'weekly',
      recipientUserIds: [lead.id],
      recipientGroupIds: [team.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json() as ScheduleView;
    expect(s.nextRunAt).toBe('2026-03-09T00:00:00.000Z');
    expect(
      (await t.agent.post('/api/v1/reports/schedules', { ...(created.json() as object), id: undefined }))
        .statusCode,
    ).toBe(403);

    expect(await runDueSchedules(t.env.ctx)).toBe(0);
    t.env.clock.set('2026-03-09T00:00:30Z');
    expect(await runDueSchedules(t.env.ctx)).toBe(1);
    expect(await runDueSchedules(t.env.ctx)).toBe(0);
    expect(await deliverDueMail(t.env.ctx)).toBe(1);
    const [m] = await t.peer.waitFor(1);
    expect(m!.parsed.subject).toBe('Weekly volume: KPI report for 2026-03-02 – 2026-03-08');
    expect(m!.parsed.to).toMatchObject({ text: 'lead@example.test, member@example.test' });
    const attachment = m!.parsed.attachments[0]!;
    expect(attachment.filename).toBe('weekly-volume-2026-03-02.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(attachment.content as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      'priority',
      'Volume',
      'Formatted',
      'Rows',
    ]);

    const log = (await t.manager.get(`/api/v1/reports/schedules/${s.id}/deliveries`)).json()
      .items as DeliveryView[];
    expect(log).toEqual([
      expect.objectContaining({
        periodFrom: '2026-03-02T00:00:00.000Z',
        periodTo: '2026-03-09T00:00:00.000Z',
        status: 'queued',
        mailStatus: 'sent',
        recipients: ['lead@example.test', 'member@example.test'],
      }),
    ]);
    const after = (await t.manager.get('/api/v1/reports/schedules')).json().items as ScheduleView[];
    expect(after.find((x) => x.id === s.id)?.nextRunAt).toBe('2026-03-16T00:00:00.000Z');
  });

  it('sends the SLA compliance report as CSV now, and logs a schedule that cannot be delivered', async () => {
    const user = await buildUser(t.env, { roles: ['service_manager'], email: 'sm@example.test' });
    const ok = await csvComplianceSchedule('Monthly compliance', 'monthly', { recipientUserIds: [user.id] });
    const sent = await t.manager.post(`/api/v1/reports/schedules/${ok.id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().items[0]).toMatchObject({ status: 'queued', periodFrom: '2026-02-01T00:00:00.000Z' });
    await deliverDueMail(t.env.ctx);
    const mail = (await t.peer.waitFor(2))[1]!;
    expect(mail.parsed.attachments[0]!.content.toString()).toContain('Agreement,Kind,Party,Service');

    const empty = await buildGroup(t.env, { name: 'Nobody here' });
    const bad = await csvComplianceSchedule('Goes nowhere', 'daily', { recipientGroupIds: [empty.id] });
    const failed = (await t.manager.post(`/api/v1/reports/schedules/${bad.id}/send`)).json()
      .items as DeliveryView[];
    expect(failed[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('No recipient') });

    const pdfForCsvReport = await t.manager.post('/api/v1/reports/schedules', {
      name: 'x',
      report: 'sla_compliance',
      format: 'pdf',
      frequency: 'daily',
      recipientUserIds: [user.id],
    });
    expect(pdfForCsvReport.statusCode).toBe(400);
    expect(pdfForCsvReport.body).toContain('PDF is for the service review');
  });
});
