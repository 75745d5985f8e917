/**
 * Demo change management: a CAB and an emergency CAB with members, standard change templates, the
 * shipped risk questionnaire, and changes of each type at different points of their lifecycle (one
 * awaiting the CAB, one failed and in review, one fixing a demo problem). Goes through the same use
 * cases as the API; the planned windows are set from the seeding day, at night.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { RecordTransition } from '../contracts/records.ts';
import type { Actor } from '../domain/roles.ts';
import { castVote, createBoard } from '../modules/changes/cab.ts';
import { transitionChange } from '../modules/changes/lifecycle.ts';
import { recordReview } from '../modules/changes/review.ts';
import { assessRisk } from '../modules/changes/risk.ts';
import { createChange } from '../modules/changes/service.ts';
import { createTemplate } from '../modules/changes/templates.ts';
import { cis } from '../modules/cmdb/schema.ts';
import { records } from '../modules/records/schema.ts';
import { DAY_MS } from '../shared/time.ts';

export type ChangesDemoInput = {
  person: (key: string) => string;
  group: (key: string) => string;
  actor: (userId: string) => Promise<Actor>;
};

const HOUR = 3_600_000;

export async function seedDemoChanges(
  ctx: AppContext,
  input: ChangesDemoInput,
): Promise<{ changes: number; templates: number }> {
  const manager = await input.actor(input.person('tom'));
  const engineer = await input.actor(input.person('ravi'));
  const members = ['chen', 'olga', 'aisha', 'ravi'].map(input.person);
  await createBoard(ctx, manager, {
    name: 'Change Advisory Board',
    kind: 'normal',
    rule: 'quorum',
    quorum: 2,
    memberIds: members,
    meets: 'Tuesdays at 14:00',
  });
  await createBoard(ctx, manager, {
    name: 'Emergency CAB',
    kind: 'emergency',
    rule: 'any',
    memberIds: [input.person('tom'), input.person('chen')],
    meets: 'On call',
  });
  const spooler = await createTemplate(ctx, manager, {
    name: 'Restart the print spooler on a print server',
    description: 'Clears stuck print queues.',
    implementationPlan: 'Drain the queues, stop and start the Print Spooler service, print a test page.',
    backoutPlan: 'Reboot the print server.',
    testPlan: 'A test page prints from two floors.',
    riskLevel: 'low',
    durationMinutes: 30,
    groupId: input.group('desk'),
  });
  const certificate = await createTemplate(ctx, manager, {
    name: 'Renew a web server TLS certificate',
    implementationPlan: 'Request the certificate, install it, reload the web server.',
    backoutPlan: 'Reinstall the previous certificate from the vault.',
    testPlan: 'The site answers with the new certificate and its chain.',
    riskLevel: 'low',
    durationMinutes: 60,
    groupId: input.group('servers'),
  });
  const ci = async (...names: string[]) =>
    (await ctx.db.select({ id: cis.id }).from(cis).where(inArray(cis.name, names))).map((c) => c.id);
  // Night windows from tomorrow on, so the calendar shows them ahead.
  const base = new Date(Math.floor(ctx.clock.now().getTime() / DAY_MS) * DAY_MS + DAY_MS + 22 * HOUR);
  const at = (days: number, hours = 0) =>
    new Date(base.getTime() + days * DAY_MS + hours * HOUR).toISOString();
  /** `who` takes a change's lifecycle step to `to`, with the fields the step asks for. */
  const step = (who: Actor, change: { id: string }, to: string, fields: Omit<RecordTransition, 'to'> = {}) =>
    transitionChange(ctx, who, change.id, { to, ...fields }, undefined);
  const answers = { users_affected: 'site', tested: 'partly', backout: 'easy', done_before: 'once' };
  let count = 0;

  // Standard, scheduled next week.
  const std = await createChange(ctx, engineer, {
    changeType: 'standard',
    templateId: spooler.id,
    plannedStart: at(6),
  });
  await step(engineer, std, 'scheduled');
  count++;

  // Standard, done and closed.
  const cert = await createChange(ctx, engineer, {
    changeType: 'standard',
    templateId: certificate.id,
    plannedStart: at(1),
    ciIds: await ci('Customer portal web'),
  });
  await step(engineer, cert, 'scheduled');
  await step(engineer, cert, 'implement');
  await step(engineer, cert, 'review', {
    resolutionCode: 'successful',
    resolutionNotes: 'Certificate renewed, chain verified.',
  });
  await recordReview(ctx, engineer, cert.id, {}, undefined);
  await step(manager, cert, 'closed');
  count++;

  // Normal, awaiting the CAB with one approval so far.
  const sw = await createChange(ctx, engineer, {
    changeType: 'normal',
    title: 'Upgrade the data centre core switches to the current firmware',
    description: 'Fixes the memory leak that reboots the switches under load.',
    implementationPlan: 'Upgrade the standby switch, fail over, upgrade the primary, fail back.',
    backoutPlan: 'Boot the previous firmware image kept on both switches.',
    testPlan: 'Ping sweep of every rack; portal and payroll smoke tests.',
    plannedStart: at(8),
    plannedEnd: at(8, 3),
    groupId: input.group('network'),
    ciIds: await ci('san-01'),
  });
  await step(engineer, sw, 'assess');
  await assessRisk(ctx, engineer, sw.id, answers, undefined);
  await step(manager, sw, 'authorise');
  await castVote(ctx, await input.actor(members[0]!), sw.id, {
    decision: 'approve',
    comment: 'Tested on the lab pair last week.',
  });
  count++;

  // Normal, being assessed, fixing the VPN certificate problem.
  const [vpnProblem] = await ctx.db
    .select({ id: records.id })
    .from(records)
    .where(
      and(eq(records.type, 'problem'), eq(records.title, 'VPN device certificates expire without warning')),
    );
  const vpn = await createChange(ctx, engineer, {
    changeType: 'normal',
    title: 'Turn on automatic renewal of VPN device certificates',
    implementationPlan: 'Enable auto-renewal on the enrolment service; alert 30 days before expiry.',
    backoutPlan: 'Disable auto-renewal again.',
    plannedStart: at(13),
    plannedEnd: at(13, 2),
    groupId: input.group('network'),
    ...(vpnProblem ? { problemIds: [vpnProblem.id] } : {}),
  });
  await step(engineer, vpn, 'assess');
  count++;

  // Emergency, authorised by the emergency CAB, done, waiting for its review.
  const patch = await createChange(ctx, engineer, {
    changeType: 'emergency',
    title: 'Patch the identity platform against the published exploit',
    implementationPlan: "Apply the vendor's security release to each Keycloak node in turn.",
    backoutPlan: 'Restore the node snapshots taken before patching.',
    plannedStart: at(0),
    plannedEnd: at(0, 1),
    ciIds: await ci('Keycloak'),
  });
  await step(engineer, patch, 'authorise');
  await castVote(ctx, manager, patch.id, { decision: 'approve', comment: 'Exploit is public: go tonight.' });
  await step(engineer, patch, 'implement');
  await step(engineer, patch, 'review', {
    resolutionCode: 'successful',
    resolutionNotes: 'All nodes patched, logins tested.',
  });
  count++;

  // Normal, failed and backed out: recorded, in review.
  const db = await createChange(ctx, engineer, {
    changeType: 'normal',
    title: 'Move the payroll database to the new storage tier',
    implementationPlan: 'Storage vMotion of the payroll-db volumes during the payroll freeze gap.',
    backoutPlan: 'Move the volumes back to the old tier.',
    plannedStart: at(2),
    plannedEnd: at(2, 4),
    groupId: input.group('dba'),
    ciIds: await ci('payroll-db'),
  });
  await step(engineer, db, 'assess');
  await assessRisk(ctx, engineer, db.id, { ...answers, users_affected: 'all', tested: 'no' }, undefined);
  await step(manager, db, 'authorise');
  for (const m of members.slice(1, 3))
    await castVote(ctx, await input.actor(m), db.id, { decision: 'approve', comment: 'Agreed.' });
  await step(engineer, db, 'implement');
  await step(engineer, db, 'review', {
    resolutionCode: 'backed_out',
    resolutionNotes: 'Latency doubled on the new tier; volumes moved back within the window.',
  });
  count++;
  return { changes: count, templates: 2 };
}
