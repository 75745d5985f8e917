/**
 * Demo problem management: problems raised from recurring demo incidents (linked both ways), at
 * different points of their lifecycle, with analyses and known errors in the database, plus one
 * proactive problem. Goes through the same use cases as the API.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/roles.ts';
import { recordKnownError } from '../modules/problems/known-errors.ts';
import { transitionProblem } from '../modules/problems/lifecycle.ts';
import { createProblem, updateAnalysis } from '../modules/problems/service.ts';
import { records } from '../modules/records/schema.ts';

type DemoProblem = {
  /** The demo incidents it is raised from, by title (the most recent few). */
  incidentTitle: string | null;
  title: string;
  description: string;
  group: string;
  rcaMethod: 'five_whys' | 'ishikawa' | 'fault_tree' | 'timeline';
  rootCause: string | null;
  factors: string[];
  workaround: string | null;
  knownError: { symptoms: string } | null;
  /** How far it got: analysis, root_cause_known or known_error. */
  until: 'analysis' | 'root_cause_known' | 'known_error';
};

const DEMO_PROBLEMS: DemoProblem[] = [
  {
    incidentTitle: 'Cannot connect to VPN from home',
    title: 'VPN device certificates expire without warning',
    description: 'Several people a week lose VPN access on the day their device certificate expires.',
    group: 'network',
    rcaMethod: 'five_whys',
    rootCause:
      'Device certificates are issued for one year and the enrolment service does not renew them; nobody is told before they expire.',
    factors: [
      'No expiry alert on the certificate authority',
      'Auto-renewal disabled after the 2024 migration',
    ],
    workaround: 'Re-enrol the device certificate from the company portal (Devices → Renew VPN certificate).',
    knownError: { symptoms: 'VPN client says "authentication failed" although the password is right.' },
    until: 'known_error',
  },
  {
    incidentTitle: 'Outlook keeps asking for my password',
    title: 'Outlook prompts for credentials after password changes',
    description: 'Outlook keeps prompting after a password change until the cached token is cleared.',
    group: 'apps',
    rcaMethod: 'ishikawa',
    rootCause: 'Outlook keeps a stale modern-authentication token in the Windows credential manager.',
    factors: ['Legacy authentication still allowed for some mailboxes'],
    workaround: 'Remove the "MicrosoftOffice16" entries from the credential manager and restart Outlook.',
    knownError: {
      symptoms: 'Outlook asks for the password again and again, the dialog reappears after typing it.',
    },
    until: 'known_error',
  },
  {
    incidentTitle: 'Wi-Fi drops in meeting room Atlas',
    title: 'Wi-Fi drops in meeting rooms on the second floor',
    description: 'Clients in Atlas and neighbouring rooms lose the connection several times an hour.',
    group: 'network',
    rcaMethod: 'timeline',
    rootCause: 'Two access points share channel 36 and roam clients back and forth.',
    factors: ['Automatic channel planning switched off'],
    workaround: null,
    knownError: null,
    until: 'root_cause_known',
  },
  {
    incidentTitle: null,
    title: 'Reporting replica lag grows every month-end',
    description: 'Monitoring shows replication lag rising on the last business days; no incident yet.',
    group: 'dba',
    rcaMethod: 'fault_tree',
    rootCause: null,
    factors: [],
    workaround: null,
    knownError: null,
    until: 'analysis',
  },
];

export async function seedDemoProblems(
  ctx: AppContext,
  actor: Actor,
  group: (key: string) => string,
): Promise<{ problems: number; knownErrors: number }> {
  let knownErrors = 0;
  for (const d of DEMO_PROBLEMS) {
    const incidents = d.incidentTitle
      ? await ctx.db
          .select({ id: records.id })
          .from(records)
          .where(and(eq(records.type, 'incident'), eq(records.title, d.incidentTitle)))
          .orderBy(desc(records.createdAt))
          .limit(4)
      : [];
    const p = await createProblem(ctx, actor, {
      title: d.title,
      description: d.description,
      impact: 2,
      urgency: 2,
      groupId: group(d.group),
      incidentIds: incidents.map((i) => i.id),
      proactive: incidents.length === 0,
      rcaMethod: d.rcaMethod,
    });
    await transitionProblem(ctx, actor, p.id, { to: 'analysis' }, undefined);
    if (d.rootCause || d.workaround || d.factors.length) {
      await updateAnalysis(
        ctx,
        actor,
        p.id,
        { rootCause: d.rootCause, contributingFactors: d.factors, workaround: d.workaround },
        undefined,
      );
    }
    if (d.until === 'analysis') continue;
    await transitionProblem(ctx, actor, p.id, { to: 'root_cause_known' }, undefined);
    if (d.knownError) {
      await recordKnownError(ctx, actor, p.id, { symptoms: d.knownError.symptoms });
      knownErrors++;
    }
    if (d.until === 'known_error')
      await transitionProblem(ctx, actor, p.id, { to: 'known_error' }, undefined);
  }
  return { problems: DEMO_PROBLEMS.length, knownErrors };
}
