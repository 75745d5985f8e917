/** Registers every module's background jobs and schedules, in the registry's order. Handlers are idempotent. */
import type { AppContext } from '../context.ts';
import { MODULES } from '../modules/registry.ts';
import type { JobQueue } from './queue.ts';

export async function registerJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  await declareSentQueues(jobs);
  for (const m of MODULES) await m.jobs?.(ctx, jobs);
}

/**
 * The queues a send-only instance enqueues to inside a request's transaction, which must exist
 * before the transaction (see JobQueue.sendWithin): every module's `sentQueues`.
 */
export async function declareSentQueues(queue: JobQueue): Promise<void> {
  for (const m of MODULES) for (const name of m.sentQueues ?? []) await queue.declare(name);
}
