/**
 * Bulk edit and bulk transition: every item is loaded, checked and versioned on its own, in its
 * own transaction, so one stale or forbidden record fails alone and the others go through. The
 * answer lists each item's outcome: its new version, or the problem a single change would have
 * answered (code, status, detail).
 */

import type { AppContext } from '../../context.ts';
import type { BulkRequest, BulkResult } from '../../contracts/worklists.ts';
import type { Actor } from '../../domain/roles.ts';
import { AppError, invalid } from '../../errors.ts';
import { defined } from '../../shared/defined.ts';
import { findRecord } from '../records/index.ts';
import { OPERATIONS } from './operations.ts';

export async function bulkChange(ctx: AppContext, actor: Actor, body: BulkRequest): Promise<BulkResult[]> {
  const ops = OPERATIONS[body.type];
  const patch = body.patch ? defined(body.patch) : null;
  if (patch) {
    const wrong = Object.keys(patch).filter((k) => !(ops.patchable as readonly string[]).includes(k));
    if (wrong.length)
      throw invalid(
        wrong.map((f) => ({
          field: `patch.${f}`,
          message: `cannot be set on a ${ops.cfg.label.toLowerCase()}`,
        })),
      );
    if (Object.keys(patch).length === 0)
      throw invalid([{ field: 'patch', message: 'names no field to change' }]);
  }
  const results: BulkResult[] = [];
  const seen = new Set<string>();
  for (const item of body.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    try {
      const rec = patch
        ? await ops.update(ctx, actor, item.id, patch, item.version)
        : await ops.transition(ctx, actor, item.id, body.transition!, item.version);
      results.push({ id: item.id, number: rec.number, ok: true, version: rec.version });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // The number only of a record the person may see: a 404 stays a 404.
      const row = err.status === 404 ? undefined : await findRecord(ctx.db, item.id);
      results.push({
        id: item.id,
        number: row?.number ?? null,
        ok: false,
        problem: { code: err.code, status: err.status, detail: err.message },
      });
    }
  }
  return results;
}
