/**
 * Service levels for the demo, so SLA clocks show on first start: an office-hours business
 * calendar (weekly hours, holidays, zone) and a round-the-clock one, SLAs for Payroll and Email &
 * Collaboration, an OLA for the Service Desk, and a handful of incidents on those services raised
 * in the recent past — measured in working time, so whatever the day the demo is created, some
 * clocks run with time left, some have passed a warning and some are breached. The sweep then
 * fires the warnings and breaches as it would have live.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { ManualClock } from '../domain/clock.ts';
import type { Actor } from '../domain/roles.ts';
import type { BusinessCalendar } from '../domain/sla/calendar.ts';
import { elapsedWorkingTime } from '../domain/sla/clock.ts';
import { services } from '../modules/catalog/schema.ts';
import { createService } from '../modules/catalog/service.ts';
import { cis } from '../modules/cmdb/schema.ts';
import { createIncident, transitionIncident } from '../modules/incidents/service.ts';
import { agreeAgreement, createAgreement } from '../modules/sla/agreements.ts';
import { createCalendar } from '../modules/sla/calendars.ts';
import { runSlaSweep } from '../modules/sla/sweep.ts';
import { addDays, DAY_MS } from '../shared/time.ts';

export type SlaDemoInput = {
  groups: Map<string, string>;
  /** The service manager who agrees the agreements. */
  manager: Actor;
  /** The agent who raises and works the demo incidents. */
  agent: Actor;
  requesterId: string;
};

const OFFICE_HOURS: BusinessCalendar = {
  timeZone: 'Europe/London',
  intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '08:00', end: '18:00' })),
  holidays: [
    { date: '2026-01-01', name: 'New Year’s Day', recurring: true },
    { date: '2026-04-03', name: 'Good Friday', recurring: false },
    { date: '2026-04-06', name: 'Easter Monday', recurring: false },
    { date: '2026-12-25', name: 'Christmas Day', recurring: true },
    { date: '2026-12-26', name: 'Boxing Day', recurring: true },
  ],
};
const ROUND_THE_CLOCK: BusinessCalendar = {
  timeZone: 'UTC',
  intervals: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Response and resolution targets in working minutes for P1…P5. */
const tiers = (rows: [number, number][]) =>
  rows.map(([responseMinutes, resolutionMinutes], i) => ({
    priority: i + 1,
    responseMinutes,
    resolutionMinutes,
  }));

/** The instant `ms` of working time before `now` in the calendar (binary search; it only grows). */
function workingAgo(calendar: BusinessCalendar, now: Date, ms: number): Date {
  let lo = now.getTime() - 60 * DAY_MS;
  let hi = now.getTime();
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (elapsedWorkingTime(new Date(mid), now, calendar) * 1000 >= ms) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

async function seedAgreements(ctx: AppContext, input: SlaDemoInput, now: Date) {
  const office = await createCalendar(ctx, 'system', {
    name: 'UK office hours',
    description: 'Monday to Friday 08:00–18:00 London time, without public holidays.',
    ...OFFICE_HOURS,
  });
  const always = await createCalendar(ctx, 'system', {
    name: 'Around the clock',
    description: 'Every hour of every day.',
    ...ROUND_THE_CLOCK,
  });
  const service = async (name: string, description: string, criticality: 'critical' | 'high') => {
    // A catalog demo may have made it already: agree on that one.
    const [found] = await ctx.db
      .select({ id: services.ciId })
      .from(services)
      .innerJoin(cis, eq(cis.id, services.ciId))
      .where(eq(cis.name, name));
    if (found) return found;
    return createService(ctx, 'system', {
      kind: 'business',
      name,
      description,
      criticality,
      lifecycleStatus: 'live',
      supportGroupId: input.groups.get('apps') ?? null,
    });
  };
  const payroll = await service('Payroll', 'Monthly payslips, expenses and tax forms.', 'high');
  const email = await service('Email & Collaboration', 'Mail, calendars, chat and video calls.', 'critical');
  const effectiveFrom = addDays(now, -365);
  const agreed = async (terms: Parameters<typeof createAgreement>[2]) => {
    const draft = await createAgreement(ctx, input.manager, terms);
    return agreeAgreement(ctx, input.manager, draft.id);
  };
  await agreed({
    kind: 'sla',
    name: 'Payroll SLA',
    description: 'Finance & HR: payroll questions answered and fixed within office hours.',
    serviceId: payroll.id,
    calendarId: office.id,
    targets: tiers([
      [30, 240],
      [60, 480],
      [240, 960],
      [480, 2400],
      [960, 4800],
    ]),
    effectiveFrom,
  });
  await agreed({
    kind: 'sla',
    name: 'Email & Collaboration SLA',
    description: 'All staff: mail and chat restored round the clock.',
    serviceId: email.id,
    calendarId: always.id,
    targets: tiers([
      [15, 240],
      [30, 480],
      [120, 1440],
      [240, 2880],
      [480, 5760],
    ]),
    effectiveFrom,
  });
  await agreed({
    kind: 'ola',
    name: 'Service Desk OLA',
    description: 'The desk picks up and passes on within office hours.',
    groupId: input.groups.get('desk') ?? null,
    calendarId: office.id,
    targets: tiers([
      [10, 60],
      [15, 120],
      [30, 240],
      [60, 480],
      [120, 960],
    ]),
    onReassign: 'restart',
    effectiveFrom,
  });
  return { payroll: payroll.id, email: email.id };
}

type Story = {
  title: string;
  service: 'payroll' | 'email';
  impact: number;
  urgency: number;
  /** How long ago it was raised: working time of its SLA's calendar. */
  raisedAgo: number;
  /** Transitions, each some wall-clock time after the previous step. */
  steps: { after: number; to: string; comment?: string }[];
};

/** Raised so that, now, clocks run with time left, have passed warnings, are breached or met. */
export const SLA_STORIES: readonly Story[] = [
  // Email P1, resolution 4 h: raised 5 h ago and worked on, but not fixed — breached.
  {
    title: 'Nobody on the sales floor can send mail',
    service: 'email',
    impact: 1,
    urgency: 1,
    raisedAgo: 5 * HOUR,
    steps: [{ after: 10 * MINUTE, to: 'in_progress' }],
  },
  // Email P3, response 2 h: raised 40 minutes ago — running with time left.
  {
    title: 'Shared calendar shows meetings an hour late',
    service: 'email',
    impact: 2,
    urgency: 2,
    raisedAgo: 40 * MINUTE,
    steps: [],
  },
  // Payroll P3, response 4 working hours: raised 3 h 20 min of office time ago — past 75 %.
  {
    title: 'Expense claim stuck at “awaiting approval”',
    service: 'payroll',
    impact: 2,
    urgency: 2,
    raisedAgo: 3 * HOUR + 20 * MINUTE,
    steps: [],
  },
  // Payroll P2, response 1 working hour: raised 3 office hours ago, nobody looked — breached.
  {
    title: 'Payslips for March show last month’s tax code',
    service: 'payroll',
    impact: 1,
    urgency: 2,
    raisedAgo: 3 * HOUR,
    steps: [],
  },
  // Payroll P2 on hold waiting for the employee: the clocks stand still.
  {
    title: 'Overtime missing from this month’s pay',
    service: 'payroll',
    impact: 1,
    urgency: 2,
    raisedAgo: 2 * HOUR,
    steps: [
      { after: 20 * MINUTE, to: 'in_progress' },
      { after: 15 * MINUTE, to: 'on_hold', comment: 'Waiting for the timesheet from your manager.' },
    ],
  },
  // Payroll P4 resolved in time: every clock met.
  {
    title: 'P60 form needed for a mortgage application',
    service: 'payroll',
    impact: 3,
    urgency: 2,
    raisedAgo: 6 * HOUR,
    steps: [
      { after: 30 * MINUTE, to: 'in_progress' },
      { after: 2 * HOUR, to: 'resolved' },
    ],
  },
];

export async function seedServiceLevelsDemo(ctx: AppContext, input: SlaDemoInput) {
  const now = ctx.clock.now();
  const services = await seedAgreements(ctx, input, now);
  const clock = new ManualClock(now);
  const sctx: AppContext = { ...ctx, clock };
  const desk = input.groups.get('desk') ?? null;
  for (const s of SLA_STORIES) {
    const calendar = s.service === 'payroll' ? OFFICE_HOURS : ROUND_THE_CLOCK;
    clock.set(workingAgo(calendar, now, s.raisedAgo));
    let inc = await createIncident(sctx, input.agent, {
      title: s.title,
      description: `${s.title}.`,
      impact: s.impact,
      urgency: s.urgency,
      requesterId: input.requesterId,
      serviceId: services[s.service],
      groupId: desk,
      channel: 'phone',
    });
    for (const t of s.steps) {
      const at = clock.now().getTime() + t.after;
      if (at >= now.getTime()) break;
      clock.set(new Date(at));
      inc = await transitionIncident(sctx, input.agent, inc.id, {
        to: t.to,
        ...(t.comment ? { comment: t.comment } : {}),
        ...(t.to === 'resolved'
          ? {
              resolutionCode: 'solved_permanently' as const,
              resolutionNotes: 'Sent the form from the archive.',
            }
          : {}),
      });
    }
  }
  // What the minute-by-minute sweep would have fired had the demo been running all along.
  const sweep = await runSlaSweep(ctx);
  return { agreements: 3, calendars: 2, incidents: SLA_STORIES.length, alerts: sweep.fired };
}
