/**
 * The CMDB's background work: imports too large for a request, the daily contract expiry check,
 * and pruning the graph change log every hour.
 */
import type { AppContext } from '../../context.ts';
import { recordExpiryWarnings } from './contracts/service.ts';
import { pruneGraphChanges } from './graph-store.ts';
import { IMPORT_JOB, processImport } from './import/service.ts';

export const CONTRACT_EXPIRY_JOB = 'cmdb.contract-expiry';
export const GRAPH_PRUNE_JOB = 'cmdb.graph-changes-prune';

export async function registerCmdbJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  await jobs.work(IMPORT_JOB, async (data) => {
    if (typeof data.importId === 'string') await processImport(ctx, data.importId);
  });
  await jobs.every(CONTRACT_EXPIRY_JOB, '15 6 * * *', async () => {
    await recordExpiryWarnings(ctx);
  });
  await jobs.every(GRAPH_PRUNE_JOB, '41 * * * *', async () => {
    await pruneGraphChanges(ctx.database);
  });
}
