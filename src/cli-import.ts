/** The CLI's `import` command: read a file, run the import synchronously, print the report. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from './context.ts';
import {
  formatOf,
  IMPORT_FORMATS,
  IMPORT_TYPES,
  type ImportFormat,
  type ImportType,
  listImportRows,
  startImport,
} from './modules/cmdb/service.ts';

export class ImportUsageError extends Error {}

export type ImportArgs = { file: string; type: ImportType; format: ImportFormat; dryRun: boolean };

/** Rows listed one by one; beyond this the report points at the API. */
const ROWS_PRINTED = 1000;

export function checkImportArgs(values: Record<string, string | boolean | undefined>): ImportArgs {
  const file = values.file;
  const type = values.type;
  if (typeof file !== 'string' || file === '') throw new ImportUsageError('--file is required.');
  if (typeof type !== 'string' || !(IMPORT_TYPES as readonly string[]).includes(type))
    throw new ImportUsageError(`--type must be one of ${IMPORT_TYPES.join(', ')}.`);
  const given = typeof values.format === 'string' ? values.format : undefined;
  if (given !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(given))
    throw new ImportUsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}.`);
  const format = (given as ImportFormat | undefined) ?? formatOf(file, undefined);
  if (!format) throw new ImportUsageError('Name the file .csv or .json, or give --format csv|json.');
  return { file, type: type as ImportType, format, dryRun: values['dry-run'] === true };
}

export async function runImportCommand(
  ctx: AppContext,
  args: ImportArgs,
  out: (s: string) => void,
): Promise<number> {
  let content: string;
  try {
    content = readFileSync(args.file, 'utf8');
  } catch (e) {
    throw new ImportUsageError(`Cannot read ${args.file}: ${(e as Error).message}`);
  }
  const { view } = await startImport(ctx, 'system', {
    type: args.type,
    format: args.format,
    filename: path.basename(args.file),
    content,
    dryRun: args.dryRun,
    mode: 'sync',
  });
  const c = view.counts;
  const verb = args.dryRun ? 'Dry run of' : 'Imported';
  out(
    `${verb} ${view.total} ${args.type} row(s) from ${view.filename}: ${c.created} created, ${c.updated} updated, ` +
      `${c.unchanged} unchanged, ${c.rejected} rejected${args.dryRun ? ' (nothing was changed)' : ''}. Import ${view.id}.`,
  );
  if (view.failure) out(`Failed: ${view.failure}`);
  const { items, nextCursor } = await listImportRows(ctx, 'system', view.id, {
    outcome: args.dryRun ? undefined : 'rejected',
    limit: ROWS_PRINTED,
  });
  for (const r of items)
    out(`  row ${String(r.row).padEnd(6)} ${r.outcome.padEnd(9)} ${r.message ?? ''}`.trimEnd());
  if (nextCursor) out(`  … more rows: GET /api/v1/cmdb/imports/${view.id}/rows`);
  return view.failure || c.rejected > 0 ? 1 : 0;
}
