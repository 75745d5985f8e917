/**
 * Imports of CIs, relationships and assets from CSV or JSON. The file is stored with the import,
 * then processed in batches, each batch in its own transaction that also records its rows'
 * outcomes and the progress, so a client can poll `GET /cmdb/imports/:id` for a progress bar and
 * an interrupted import resumes where it stopped. Small files complete within the request; large
 * ones are handed to a pg-boss job. A dry run does the same work and writes only the report.
 */
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { ImportView } from '../../../contracts/cmdb.ts';
import { queryRows } from '../../../db/client.ts';
import { decodeCursor, keysetPage, type PageRequest } from '../../../db/cursor.ts';
import { rowById } from '../../../db/rows.ts';
import { type Actor, actingUserId, can, systemOrCan } from '../../../domain/roles.ts';
import { AppError, forbidden } from '../../../errors.ts';
import { loadClassModel, lockModelShared, textArray } from '../model.ts';
import { namesFor } from '../present.ts';
import { assetImporter } from './assets.ts';
import { ciImporter } from './cis.ts';
import { relationshipImporter } from './relationships.ts';
import { ImportFileError, type ImportFormat, type ImportRow, readImportFile } from './rows.ts';
import { importRows, imports } from './schema.ts';
import type { Importer, ImportType, Outcome, RowOutcome } from './types.ts';

export const IMPORT_JOB = 'cmdb.import';
export const BATCH_SIZE = 1000;
/** Files up to this many rows are processed within the request. */
export const SYNC_ROW_LIMIT = 500;
const ERRORS_SHOWN = 50;

const IMPORTERS: Record<ImportType, Importer> = {
  cis: ciImporter,
  relationships: relationshipImporter,
  assets: assetImporter,
};

type ImportRecord = typeof imports.$inferSelect;

export type { ImportView };

export type ImportRequest = {
  type: ImportType;
  format: ImportFormat;
  filename: string;
  content: string;
  dryRun: boolean;
  /** 'auto': small files now, large ones in a job; 'sync': everything now (the CLI). */
  mode?: 'auto' | 'sync';
};

function assertCanImport(actor: Actor | 'system') {
  if (!systemOrCan(actor, 'cmdb.import'))
    throw forbidden('Only administrators, service managers and agents may import into the CMDB.');
}

async function presentImport(ctx: AppContext, imp: ImportRecord): Promise<ImportView> {
  const [errors, names] = await Promise.all([
    ctx.db
      .select({ row: importRows.row, message: importRows.message })
      .from(importRows)
      .where(and(eq(importRows.importId, imp.id), eq(importRows.outcome, 'rejected')))
      .orderBy(asc(importRows.row))
      .limit(ERRORS_SHOWN),
    namesFor(ctx.db, [imp.createdBy], []),
  ]);
  const who = imp.createdBy ? names.person.get(imp.createdBy) : undefined;
  return {
    id: imp.id,
    type: imp.type as ImportType,
    format: imp.format as ImportFormat,
    filename: imp.filename,
    dryRun: imp.dryRun,
    status: imp.status as ImportView['status'],
    total: imp.total,
    processed: imp.processed,
    percent:
      imp.total === 0
        ? imp.status === 'completed'
          ? 100
          : 0
        : Math.floor((imp.processed * 100) / imp.total),
    counts: { created: imp.created, updated: imp.updated, unchanged: imp.unchanged, rejected: imp.rejected },
    failure: imp.failure,
    createdBy: who ? { id: who.id, name: who.name } : null,
    createdAt: imp.createdAt.toISOString(),
    startedAt: imp.startedAt?.toISOString() ?? null,
    finishedAt: imp.finishedAt?.toISOString() ?? null,
    errors: errors.map((e) => ({ row: e.row, message: e.message ?? '' })),
  };
}

/** Store the file and process it, now or in a job; answers whether it is already finished. */
export async function startImport(
  ctx: AppContext,
  actor: Actor | 'system',
  req: ImportRequest,
): Promise<{ view: ImportView; finished: boolean }> {
  assertCanImport(actor);
  let parsed: ImportRow[];
  try {
    parsed = readImportFile(req.format, req.content);
  } catch (e) {
    if (e instanceof ImportFileError)
      throw new AppError('validation.failed', e.message, [{ field: 'file', message: e.message }]);
    throw e;
  }
  const [imp] = await ctx.db
    .insert(imports)
    .values({
      type: req.type,
      format: req.format,
      filename: req.filename,
      dryRun: req.dryRun,
      total: parsed.length,
      content: req.content,
      createdBy: actingUserId(actor),
      createdAt: ctx.clock.now(),
    })
    .returning();
  const now = req.mode === 'sync' || parsed.length <= SYNC_ROW_LIMIT || !ctx.jobs;
  if (now) {
    await processImport(ctx, imp!.id, parsed);
    return { view: await presentImport(ctx, await loadImport(ctx, imp!.id)), finished: true };
  }
  // The answer shows the import as accepted: once queued, a worker may start on it at once.
  const view = await presentImport(ctx, imp!);
  await ctx.jobs!.send(IMPORT_JOB, { importId: imp!.id }, { singletonKey: imp!.id });
  return { view, finished: false };
}

function loadImport(ctx: AppContext, id: string): Promise<ImportRecord> {
  return rowById(ctx.db, imports, id, 'Import');
}

async function finish(ctx: AppContext, id: string, failure: string | null) {
  await ctx.db
    .update(imports)
    .set({ status: failure ? 'failed' : 'completed', failure, finishedAt: ctx.clock.now(), content: '' })
    .where(eq(imports.id, id));
}

/** One batch in one transaction: reconcile, record outcomes, advance progress. False if another worker moved on. */
async function runBatch(
  ctx: AppContext,
  imp: ImportRecord,
  start: number,
  rows: ImportRow[],
  seen: Map<string, number>,
) {
  return ctx.db.transaction(async (tx) => {
    await lockModelShared(tx);
    const [cur] = await tx
      .select({ processed: imports.processed })
      .from(imports)
      .where(eq(imports.id, imp.id))
      .for('update');
    if (cur?.processed !== start) return false;
    const model = await loadClassModel(tx);
    const batch = { ctx, tx, model, dryRun: imp.dryRun, actorId: imp.createdBy, at: ctx.clock.now(), seen };
    const outcomes: RowOutcome[] = await IMPORTERS[imp.type as ImportType].reconcile(batch, rows);
    const n = (o: Outcome) => outcomes.filter((x) => x.outcome === o).length;
    await queryRows(
      tx,
      sql`insert into import_rows (import_id, row, outcome, target_id, message)
          select ${imp.id}::uuid, r, o, t, m from unnest(${sql.param(outcomes.map((o) => o.row))}::int[], ${textArray(outcomes.map((o) => o.outcome))},
            ${sql.param(outcomes.map((o) => (imp.dryRun && o.outcome === 'created' ? null : o.targetId)))}::uuid[],
            ${sql.param(outcomes.map((o) => o.message))}::text[]) as x(r, o, t, m)`,
    );
    await tx
      .update(imports)
      .set({
        processed: start + rows.length,
        created: sql`${imports.created} + ${n('created')}`,
        updated: sql`${imports.updated} + ${n('updated')}`,
        unchanged: sql`${imports.unchanged} + ${n('unchanged')}`,
        rejected: sql`${imports.rejected} + ${n('rejected')}`,
      })
      .where(eq(imports.id, imp.id));
    return true;
  });
}

/**
 * Process (or resume) an import. Idempotent: a finished import is left alone, and a batch
 * already recorded is never redone, so a job that runs twice has the effect of running once.
 */
export async function processImport(ctx: AppContext, id: string, parsed?: ImportRow[]): Promise<void> {
  const imp = await loadImport(ctx, id);
  if (imp.status === 'completed' || imp.status === 'failed') return;
  let rows: ImportRow[];
  try {
    // The request that stored the file has already read it; a job reads it from the import.
    rows = parsed ?? readImportFile(imp.format as ImportFormat, imp.content);
  } catch (e) {
    if (e instanceof ImportFileError) return finish(ctx, id, e.message);
    throw e;
  }
  await ctx.db
    .update(imports)
    .set({ status: 'running', total: rows.length, startedAt: imp.startedAt ?? ctx.clock.now() })
    .where(eq(imports.id, id));
  const seen = new Map<string, number>();
  if (imp.processed > 0)
    IMPORTERS[imp.type as ImportType].remember(
      await loadClassModel(ctx.db),
      rows.slice(0, imp.processed),
      seen,
    );
  try {
    for (let start = imp.processed; start < rows.length; start += BATCH_SIZE) {
      if (!(await runBatch(ctx, imp, start, rows.slice(start, start + BATCH_SIZE), seen))) return;
    }
  } catch (e) {
    ctx.log.error({ err: e, importId: id }, 'import failed');
    return finish(
      ctx,
      id,
      'The import stopped on an unexpected error; rows processed so far are kept. Quote the import id when reporting it.',
    );
  }
  await finish(ctx, id, null);
}

export async function getImport(ctx: AppContext, actor: Actor, id: string): Promise<ImportView> {
  if (!can(actor, 'cmdb.read')) throw forbidden('You may not see CMDB imports.');
  return presentImport(ctx, await loadImport(ctx, id));
}

export async function listImports(ctx: AppContext, actor: Actor, limit: number): Promise<ImportView[]> {
  if (!can(actor, 'cmdb.read')) throw forbidden('You may not see CMDB imports.');
  const rows = await ctx.db
    .select()
    .from(imports)
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
  return Promise.all(rows.map((r) => presentImport(ctx, r)));
}

export async function listImportRows(
  ctx: AppContext,
  actor: Actor | 'system',
  id: string,
  q: PageRequest & { outcome?: Outcome | undefined },
) {
  if (!systemOrCan(actor, 'cmdb.read')) throw forbidden('You may not see CMDB imports.');
  const imp = await loadImport(ctx, id);
  const after = q.cursor ? Number(decodeCursor(q.cursor, 1)[0]) : 0;
  const rows = await ctx.db
    .select({
      row: importRows.row,
      outcome: importRows.outcome,
      targetId: importRows.targetId,
      message: importRows.message,
    })
    .from(importRows)
    .where(
      and(
        eq(importRows.importId, imp.id),
        gt(importRows.row, after),
        q.outcome ? eq(importRows.outcome, q.outcome) : undefined,
      ),
    )
    .orderBy(asc(importRows.row))
    .limit(q.limit + 1);
  const { page, nextCursor } = keysetPage(rows as RowOutcome[], q.limit, (last) => [last.row]);
  return { items: page, nextCursor };
}
