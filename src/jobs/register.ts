/** Registers every module's background jobs and schedules, in the registry's order. Handlers are idempotent. */
import type { AppContext } from '../context.ts';
import { MODULES } from '../modules/registry.ts';

export async function registerJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  for (const m of MODULES) await m.jobs?.(ctx, jobs);
}
