/**
 * Realistic demo data: an IT organisation with support groups, agents and requesters, and a few
 * hundred incidents spread over the last two months in every state, with comments and history.
 * Everything goes through the same use cases the API uses, on a clock that walks forward in time.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { ManualClock } from '../domain/clock.ts';
import type { Actor, Role } from '../domain/roles.ts';
import { createGroup, createUser } from '../modules/auth/directory.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { users } from '../modules/auth/schema.ts';
import { loadActor } from '../modules/auth/service.ts';
import { answerAsRequester } from '../modules/csat/index.ts';
import { csatSurveys } from '../modules/csat/schema.ts';
import { createIncident, transitionIncident, updateIncident } from '../modules/incidents/service.ts';
import { addComment } from '../modules/records/collab.ts';
import { seededRandom } from '../shared/random.ts';
import { seedScheduleDemo } from './change-schedule.ts';
import { seedDemoChanges } from './changes.ts';
import { seedCmdbDemo } from './cmdb.ts';
import { DEMO_GROUPS, DEMO_INCIDENTS, DEMO_PEOPLE } from './data.ts';
import { DEMO_RESPONSE_RATE, demoSurveyAnswer, seedReportHistory } from './history.ts';
import { seedDemoImprovements } from './improvements.ts';
import { seedInboundMailDemo } from './inbound-mail.ts';
import { seedKnowledgeDemo } from './knowledge.ts';
import { seedDemoProblems } from './problems.ts';
import { seedDemoRequests } from './requests.ts';
import { seedServiceLevelsDemo } from './service-levels.ts';
import { seedStatusPageDemo } from './status-page.ts';
import { seedTimeDemo } from './time-tracking.ts';

export const DEMO_PASSWORD = 'steward-demo';

export async function seedDemo(ctx: AppContext, opts: { incidents?: number } = {}) {
  const total = opts.incidents ?? 240;
  const rand = seededRandom(42);
  // The requesters' satisfaction answers draw from their own sequence, leaving the rest as it was.
  const csatRand = seededRandom(4242);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const end = ctx.clock.now().getTime();
  const begin = end - 60 * 86400_000;
  const clock = new ManualClock(new Date(begin));
  /** Move the demo clock on; false when that would pass the real present. */
  const step = (ms: number) => {
    clock.advance(ms);
    return clock.now().getTime() < end;
  };
  const sctx: AppContext = { ...ctx, clock };

  const people = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    const u = await createUser(sctx, 'system', {
      email: p.email,
      name: p.name,
      title: p.title,
      roles: p.roles as Role[],
      timeZone: p.timeZone,
    });
    people.set(p.key, u.id);
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  await ctx.db
    .update(users)
    .set({ passwordHash: hash })
    .where(inArray(users.id, [...people.values()]));

  const groupIds = new Map<string, string>();
  const groupMembers = new Map<string, string[]>();
  for (const g of DEMO_GROUPS) {
    const memberIds = g.members.map((k) => people.get(k)!);
    const created = await createGroup(sctx, 'system', {
      name: g.name,
      description: g.description,
      memberIds,
      managerId: people.get(g.manager) ?? null,
    });
    groupIds.set(g.key, created.id);
    groupMembers.set(g.key, memberIds);
  }

  const actors = new Map<string, Actor>();
  const actorFor = async (id: string) => {
    let a = actors.get(id);
    if (!a) {
      a = await loadActor(ctx.db, id, null);
      actors.set(id, a);
    }
    return a;
  };
  const requesters = DEMO_PEOPLE.filter((p) => p.roles.includes('requester') && p.roles.length === 1).map(
    (p) => people.get(p.key)!,
  );
  const deskAgent = await actorFor(people.get('sam')!);

  let count = 0;
  for (let i = 0; i < total; i++) {
    clock.set(new Date(begin + Math.floor((i * 60 * 86400_000 * 0.97) / total)));
    const tpl = pick(DEMO_INCIDENTS);
    const requester = await actorFor(pick(requesters));
    const byAgent = rand() < 0.45;
    const inc = await createIncident(sctx, byAgent ? deskAgent : requester, {
      title: tpl.title,
      description: tpl.description,
      urgency: 1 + Math.floor(rand() * 3),
      ...(byAgent
        ? {
            impact: 1 + Math.floor(rand() * 3),
            requesterId: requester.userId,
            channel: pick(['phone', 'email', 'chat', 'walk_in'] as const),
          }
        : {}),
      category: tpl.category,
      subcategory: tpl.subcategory,
    });
    count++;
    // Older incidents have progressed further through the lifecycle.
    const age = 1 - i / total;
    const stage = rand() < age ? (rand() < 0.85 ? 4 : 3) : Math.floor(rand() * 4);
    if (stage === 0 && rand() < 0.5) continue; // still new and unassigned
    const groupKey = tpl.group;
    const members = groupMembers.get(groupKey) ?? [];
    const assigneeId = members.length ? pick(members) : undefined;
    const agent = await actorFor(assigneeId ?? deskAgent.userId);
    if (!step(5 * 60_000 + Math.floor(rand() * 3600_000))) continue;
    let cur = await updateIncident(sctx, deskAgent, inc.id, {
      groupId: groupIds.get(groupKey)!,
      ...(assigneeId ? { assigneeId } : {}),
    });
    if (stage === 0) continue;
    if (!step(10 * 60_000 + Math.floor(rand() * 7200_000))) continue;
    cur = await transitionIncident(sctx, agent, cur.id, { to: 'in_progress' });
    await addComment(sctx, agent, cur.id, { body: pick(tpl.notes), visibility: 'internal' });
    if (stage === 1) continue;
    if (stage === 2) {
      if (!step(30 * 60_000)) continue;
      await transitionIncident(sctx, agent, cur.id, {
        to: 'on_hold',
        comment: 'Waiting for your reply: could you confirm when this last worked?',
      });
      continue;
    }
    if (!step(3600_000 + Math.floor(rand() * 86400_000))) continue;
    cur = await transitionIncident(sctx, agent, cur.id, {
      to: 'resolved',
      resolutionCode: pick([
        'solved_permanently',
        'solved_permanently',
        'solved_workaround',
        'user_error',
        'not_reproducible',
      ] as const),
      resolutionNotes: tpl.resolution,
      comment: `${tpl.resolution} Please let us know if the problem comes back.`,
    });
    // About three in ten requesters answer the survey the resolution sent them.
    if (csatRand() < DEMO_RESPONSE_RATE) {
      const answer = demoSurveyAnswer(csatRand, false);
      const at = answer.answeredAt(clock.now());
      const [survey] = await ctx.db
        .select({ id: csatSurveys.id })
        .from(csatSurveys)
        .where(and(eq(csatSurveys.recordId, cur.id), isNull(csatSurveys.answeredAt)));
      if (survey && at.getTime() < end)
        await answerAsRequester({ ...ctx, clock: new ManualClock(at) }, requester, survey.id, {
          score: answer.score,
          ...(answer.comment ? { comment: answer.comment } : {}),
        });
    }
    if (stage === 4) {
      if (!step(86400_000 + Math.floor(rand() * 2 * 86400_000))) continue;
      await transitionIncident(sctx, rand() < 0.3 ? requester : agent, cur.id, { to: 'closed' });
    }
  }
  const requests = await seedDemoRequests(ctx, await actorFor(people.get('maria')!), {
    person: (key) => people.get(key)!,
    group: (key) => groupIds.get(key)!,
    actor: actorFor,
  });
  // Before the CMDB, whose business services then reuse the catalog services made here.
  const serviceLevels = await seedServiceLevelsDemo(ctx, {
    groups: groupIds,
    manager: await actorFor(people.get('maria')!),
    agent: deskAgent,
    requesterId: requesters[0]!,
  });
  const problems = await seedDemoProblems(
    ctx,
    await actorFor(people.get('maria')!),
    (key) => groupIds.get(key)!,
  );
  const cmdb = await seedCmdbDemo(ctx, {
    people,
    groups: groupIds,
    actor: await actorFor(people.get('maria')!),
  });
  // After the CMDB and the problems: changes name demo CIs and fix a demo problem. The windows
  // come after them, so the demo's planned changes show the conflicts windows bring.
  const changes = await seedDemoChanges(ctx, {
    person: (key) => people.get(key)!,
    group: (key) => groupIds.get(key)!,
    actor: actorFor,
  });
  const schedule = await seedScheduleDemo(ctx);
  const statusPage = await seedStatusPageDemo(ctx, {
    manager: await actorFor(people.get('maria')!),
    agent: deskAgent,
  });
  // After the CMDB and service levels: articles name the services they are about.
  const knowledge = await seedKnowledgeDemo(ctx, {
    person: (key) => people.get(key)!,
    actor: actorFor,
    manager: await actorFor(people.get('maria')!),
  });
  const alex = DEMO_PEOPLE.find((p) => p.key === 'alex')!;
  const inboundMail = await seedInboundMailDemo(ctx, {
    adminId: people.get('maria')!,
    requester: { email: alex.email, name: alex.name },
  });
  // Last: the history's records count against the services and agreements made above.
  const history = await seedReportHistory(ctx, {
    groups: groupIds,
    groupMembers,
    requesters,
    deskAgentId: deskAgent.userId,
  });
  // After every record: time logged on the live records and on the history.
  const time = await seedTimeDemo(ctx);
  // After the history: the proposals' baselines and outcomes are measured on it.
  const improvements = await seedDemoImprovements(ctx, await actorFor(people.get('maria')!), [
    people.get('maria')!,
    deskAgent.userId,
  ]);
  await backdateServiceLifecycles(ctx);
  return {
    improvements,
    inboundMail,
    users: DEMO_PEOPLE.length,
    groups: DEMO_GROUPS.length,
    incidents: count,
    requests,
    serviceLevels,
    problems,
    cmdb,
    changes,
    schedule,
    statusPage,
    knowledge,
    history,
    time,
    password: DEMO_PASSWORD,
    accounts: DEMO_PEOPLE.filter((p) => p.showcase).map((p) => `${p.email} (${p.title})`),
  };
}

/**
 * The services' stages as an organisation's would be: a live service went live long before the
 * six months of history (one to three years ago, staggered by name), a service in the pipeline
 * entered it a few weeks ago, a retired one retired a few months ago. Created just now, each would
 * otherwise say it reached its stage at the moment the demo was loaded.
 */
async function backdateServiceLifecycles(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  await queryRows(
    ctx.db,
    sql`update services s set lifecycle_changed_at = ${now}::timestamptz - make_interval(days => ranked.days)
        from (
          select ci_id,
            case lifecycle_status
              when 'live' then 365 + (row_number() over (order by c.name) * 97) % 730
              when 'pipeline' then 7 + (row_number() over (order by c.name) * 11) % 40
              else 60 + (row_number() over (order by c.name) * 29) % 120
            end::int as days
          from services join cis c on c.id = services.ci_id
        ) ranked
        where ranked.ci_id = s.ci_id`,
  );
}
