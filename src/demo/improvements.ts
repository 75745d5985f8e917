/**
 * Demo continual improvement: a handful of proposals in every state of the register, raised
 * from KPIs, a problem, a service review and people, measured against the demo's six months of
 * history (the baseline before approval, the outcome after done). Each goes through the same use
 * cases as the API, on a clock set back to when it happened.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { ImprovementCreate } from '../contracts/improvements.ts';
import { ManualClock } from '../domain/clock.ts';
import type { Actor } from '../domain/roles.ts';
import { createImprovement, transitionImprovement } from '../modules/improvements/index.ts';
import { records } from '../modules/records/schema.ts';
import { DAY_MS } from '../shared/time.ts';

type Step = 'approve' | 'reject' | 'start' | 'complete';

type DemoImprovement = {
  create: Omit<ImprovementCreate, 'sourceRef'> & { sourceRef?: string | null };
  /** A problem's title, when the proposal comes from that problem. */
  problemTitle?: string;
  /** Days ago it was raised, and each later step with its days ago. */
  raisedDaysAgo: number;
  steps: [Step, number, string?][];
};

const DEMO_IMPROVEMENTS: DemoImprovement[] = [
  {
    create: {
      title: 'Triage the incident queue twice a day',
      description:
        'A desk agent triages every new incident at 09:00 and 14:00: priority, group and a first response.',
      expectedBenefit: 'Incidents resolved a day sooner on average; fewer records waiting unassigned.',
      sourceKind: 'kpi',
      sourceRef: 'ttr_mean_calendar',
      kpiKeys: ['backlog'],
      outcomeDays: 30,
      impact: 2,
      urgency: 2,
    },
    raisedDaysAgo: 150,
    steps: [
      ['approve', 145],
      ['start', 140],
      ['complete', 100],
    ],
  },
  {
    create: {
      title: 'Knowledge articles for the ten most frequent incidents',
      description:
        'Write and publish how-to articles for the top ten incident types, linked from the portal.',
      expectedBenefit: 'More incidents resolved at first contact; fewer reopened.',
      sourceKind: 'service_review',
      kpiKeys: ['first_contact_resolution', 'reopen_rate'],
      outcomeDays: 30,
    },
    raisedDaysAgo: 90,
    steps: [
      ['approve', 85],
      ['start', 80],
      ['complete', 12],
    ],
  },
  {
    create: {
      title: 'Renew VPN device certificates automatically',
      description: 'Turn auto-renewal back on at the certificate authority and alert 14 days before expiry.',
      expectedBenefit: 'No more VPN lock-outs on the day a certificate expires.',
      sourceKind: 'problem',
      kpiKeys: ['volume'],
      outcomeDays: 30,
      impact: 2,
    },
    problemTitle: 'VPN device certificates expire without warning',
    raisedDaysAgo: 30,
    steps: [
      ['approve', 25],
      ['start', 20],
    ],
  },
  {
    create: {
      title: 'Chat channel for the service desk',
      description: 'Offer a chat on the portal during office hours, answered by the desk.',
      expectedBenefit: 'Quicker first responses for simple questions.',
      sourceKind: 'person',
      kpiKeys: ['tta_mean_working'],
      outcomeDays: 30,
    },
    raisedDaysAgo: 8,
    steps: [['approve', 3]],
  },
  {
    create: {
      title: 'Weekly review of the oldest open incidents',
      description: 'Every Monday the team leads go through the incidents open for more than 7 days.',
      expectedBenefit: 'A smaller, younger backlog.',
      sourceKind: 'kpi',
      sourceRef: 'backlog',
      outcomeDays: 30,
    },
    raisedDaysAgo: 4,
    steps: [],
  },
  {
    create: {
      title: 'Outsource the night shift',
      description: 'Hand out-of-hours incidents to an external desk.',
      expectedBenefit: 'Incidents raised at night acknowledged within an hour.',
      sourceKind: 'person',
      outcomeDays: 30,
    },
    raisedDaysAgo: 60,
    steps: [['reject', 55, 'Night-time volume is too low to justify a contract; revisit next year.']],
  },
];

export async function seedDemoImprovements(
  ctx: AppContext,
  manager: Actor,
  ownerIds: readonly string[],
): Promise<{ improvements: number }> {
  const now = ctx.clock.now().getTime();
  const clock = new ManualClock(new Date(now));
  const sctx: AppContext = { ...ctx, clock };
  let n = 0;
  for (const [i, d] of DEMO_IMPROVEMENTS.entries()) {
    let sourceKind = d.create.sourceKind;
    let sourceRef = d.create.sourceRef ?? null;
    if (d.problemTitle) {
      const [p] = await ctx.db
        .select({ number: records.number })
        .from(records)
        .where(and(eq(records.type, 'problem'), eq(records.title, d.problemTitle)));
      if (p) sourceRef = p.number;
      else sourceKind = 'person';
    }
    clock.set(new Date(now - d.raisedDaysAgo * DAY_MS));
    const created = await createImprovement(sctx, manager, {
      ...d.create,
      sourceKind,
      sourceRef,
      assigneeId: ownerIds[i % ownerIds.length] ?? null,
    });
    for (const [to, daysAgo, comment] of d.steps) {
      clock.set(new Date(now - daysAgo * DAY_MS));
      await transitionImprovement(
        sctx,
        manager,
        created.id,
        { to, ...(comment ? { comment } : {}) },
        undefined,
      );
    }
    n++;
  }
  return { improvements: n };
}
