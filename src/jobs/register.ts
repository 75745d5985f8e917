/** Registers every background job and schedule. Handlers are idempotent. */
import type { AppContext } from '../context.ts';
import { purgeExpiredSessions } from '../modules/auth/service.ts';
import { registerCmdbJobs } from '../modules/cmdb/service.ts';
import { registerEscalationJobs } from '../modules/escalation/worker.ts';
import { ALERT_QUEUES } from '../modules/sla/alerts.ts';
import { runSlaSweep, SWEEP_QUEUE } from '../modules/sla/sweep.ts';

export async function registerJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  await jobs.work('auth.purge-sessions', async () => {
    const n = await purgeExpiredSessions(ctx);
    if (n > 0) ctx.log.info({ purged: n }, 'expired sessions purged');
  });
  await jobs.schedule('auth.purge-sessions', '17 * * * *');
  // SLA warnings and breaches are enqueued inside the transaction that fires them, which needs
  // their queues to exist beforehand; the processes that act on them register their workers.
  for (const queue of Object.values(ALERT_QUEUES)) await jobs.declare(queue);
  await jobs.work(SWEEP_QUEUE, async () => {
    const r = await runSlaSweep(ctx);
    if (r.fired > 0) ctx.log.info(r, 'SLA sweep fired warnings or breaches');
  });
  // pg-boss runs a cron schedule once per tick across all instances; the sweep is safe either way.
  await jobs.schedule(SWEEP_QUEUE, '* * * * *');
  await registerCmdbJobs(ctx);
  // After the alert queues are declared: escalation works them.
  await registerEscalationJobs(ctx);
}
