/** The CMDB's background work: imports too large for a request, and the daily contract expiry check. */
import type { AppContext } from '../../context.ts';
import { recordExpiryWarnings } from './contracts/service.ts';
import { IMPORT_JOB, processImport } from './import/service.ts';

export const CONTRACT_EXPIRY_JOB = 'cmdb.contract-expiry';

export async function registerCmdbJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  await jobs.work(IMPORT_JOB, async (data) => {
    if (typeof data.importId === 'string') await processImport(ctx, data.importId);
  });
  await jobs.work(CONTRACT_EXPIRY_JOB, async () => {
    await recordExpiryWarnings(ctx);
  });
  await jobs.schedule(CONTRACT_EXPIRY_JOB, '15 6 * * *');
}
