/**
 * Demo status page and announcements: two business services on the public page, one past major
 * incident on Email & Collaboration (declared, three public updates, resolved) recorded by the
 * same derivation the page uses, so its history and uptime show on first start; and two running
 * announcements, one for everyone and one for the customers of Payroll.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { ManualClock } from '../domain/clock.ts';
import type { Actor } from '../domain/roles.ts';
import { createAnnouncement } from '../modules/announcements/service.ts';
import { findService } from '../modules/catalog/index.ts';
import { cis } from '../modules/cmdb/schema.ts';
import { declareMajorIncident } from '../modules/incidents/major.ts';
import { createIncident, transitionIncident } from '../modules/incidents/service.ts';
import { computeStatusPage } from '../modules/status-page/compute.ts';
import { createStatusUpdate, publishService } from '../modules/status-page/service.ts';
import { configuredBase } from '../modules/status-page/subscriptions.ts';
import { DAY_MS } from '../shared/time.ts';

const SHOWN = [
  { name: 'Email & Collaboration', description: 'Mail, calendars, chat and video calls' },
  { name: 'Payroll', description: 'Payslips, expenses and tax forms' },
];

const MINUTE = 60_000;

export async function seedStatusPageDemo(
  ctx: AppContext,
  input: { manager: Actor; agent: Actor },
): Promise<{ services: number; announcements: number; pastIncidents: number }> {
  const rows = await ctx.db
    .select({ id: cis.id, name: cis.name })
    .from(cis)
    .where(
      and(
        eq(cis.classKey, 'business_service'),
        inArray(
          cis.name,
          SHOWN.map((s) => s.name),
        ),
      ),
    );
  // Only portfolio services (a CI of a service class may exist in the CMDB alone).
  const idOf = new Map<string, string>();
  for (const r of rows) if (await findService(ctx.db, r.id)) idOf.set(r.name, r.id);
  const now = ctx.clock.now().getTime();
  const clock = new ManualClock(new Date(now - 30 * DAY_MS));
  const sctx: AppContext = { ...ctx, clock };
  let position = 0;
  for (const s of SHOWN) {
    const id = idOf.get(s.name);
    if (id)
      await publishService(
        sctx,
        input.manager,
        id,
        { description: s.description, position: position++ },
        undefined,
      );
  }
  // Thirty days of records start operational.
  await computeStatusPage(sctx);

  let pastIncidents = 0;
  const email = idOf.get('Email & Collaboration');
  if (email) {
    const base = configuredBase(ctx);
    clock.set(new Date(Math.floor((now - 12 * DAY_MS) / DAY_MS) * DAY_MS + 9 * 60 * MINUTE + 10 * MINUTE));
    const inc = await createIncident(sctx, input.agent, {
      title: 'Outgoing mail queued for everyone',
      description: 'Mail to external addresses stays in the outbox; internal mail is delivered.',
      urgency: 1,
      impact: 1,
      serviceId: email,
    });
    await declareMajorIncident(sctx, input.manager, inc.id, {
      coordinatorId: input.agent.userId,
      summary: 'External mail delivery stopped for all staff',
    });
    const update = (phase: 'investigating' | 'identified' | 'resolved', message: string) =>
      createStatusUpdate(sctx, input.agent, base, {
        recordId: inc.id,
        serviceIds: [],
        title: 'Delayed delivery of external email',
        phase,
        message,
      });
    await update('investigating', 'Email to addresses outside the company is delayed. We are investigating.');
    await computeStatusPage(sctx);
    clock.advance(35 * MINUTE);
    await update(
      'identified',
      'An expired certificate on the mail relay stops outgoing delivery. A new one is being installed.',
    );
    clock.advance(60 * MINUTE);
    await transitionIncident(sctx, input.agent, inc.id, {
      to: 'resolved',
      resolutionCode: 'solved_permanently',
      resolutionNotes: 'Relay certificate renewed; queued mail delivered.',
    });
    await update('resolved', 'The certificate is renewed and all queued mail has been delivered.');
    await computeStatusPage(sctx);
    pastIncidents = 1;
  }

  clock.set(new Date(now - DAY_MS));
  const ends = new Date(now + 14 * DAY_MS).toISOString();
  await createAnnouncement(sctx, input.manager, {
    title: 'New service desk hours from next month',
    body: 'The service desk answers the phone from 07:00 to 19:00 on working days. The portal stays open around the clock.',
    severity: 'info',
    audience: 'everyone',
    serviceId: null,
    groupId: null,
    startsAt: new Date(now - DAY_MS).toISOString(),
    endsAt: ends,
  });
  const payroll = idOf.get('Payroll');
  await createAnnouncement(sctx, input.manager, {
    title: 'Payroll maintenance on Saturday',
    body: 'Payroll is unavailable on Saturday from 06:00 to 10:00 while it is upgraded. Submit expenses before Friday evening.',
    severity: 'warning',
    audience: payroll ? 'service' : 'everyone',
    serviceId: payroll ?? null,
    groupId: null,
    startsAt: new Date(now - DAY_MS).toISOString(),
    endsAt: ends,
  });
  return { services: position, announcements: 2, pastIncidents };
}
