/** Registers every module's background jobs and schedules, in the registry's order. Handlers are idempotent. */
import type { AppContext } from '../context.ts';
import { MODULES } from '../modules/registry.ts';
import { ALERT_QUEUES } from '../modules/sla/index.ts';
import type { JobQueue } from './queue.ts';

export async function registerJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  for (const m of MODULES) await m.jobs?.(ctx, jobs);
}

/**
 * The queues a send-only instance enqueues to inside a request's transaction, which must exist
 * before the transaction (see JobQueue.sendWithin): the SLA alert queues.
 */
export async function declareSentQueues(queue: JobQueue): Promise<void> {
  for (const name of Object.values(ALERT_QUEUES)) await queue.declare(name);
}
