/**
 * Any report table to CSV (RFC 4180, formula-safe, the same cells as record list exports) or to
 * an XLSX workbook (exceljs): a bold header row, frozen, columns sized to their contents, numbers
 * as numbers.
 */
import type { FastifyReply } from 'fastify';
import { csvLine } from '../worklists/index.ts';

export type Cell = string | number | null;
export type Table = { title: string; columns: string[]; rows: Cell[][] };

export function tableCsv(t: Table): string {
  return [csvLine(t.columns), ...t.rows.map((r) => csvLine(r))].join('');
}

/** Sheet names are at most 31 characters, without : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Report';

export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  // Loaded on the first workbook: most instances never write one.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steward';
  const used = new Set<string>();
  for (const t of tables) {
    let name = sheetName(t.title);
    for (let i = 2; used.has(name); i++) name = `${sheetName(t.title).slice(0, 27)} (${i})`;
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.columns).font = { bold: true };
    // A text cell that looks like a formula stays text: exceljs writes strings as strings.
    for (const r of t.rows) ws.addRow(r.map((c) => (c === null ? '' : c)));
    ws.columns.forEach((col, i) => {
      const widest = Math.max(
        t.columns[i]!.length,
        ...t.rows.slice(0, 500).map((r) => String(r[i] ?? '').length),
      );
      col.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Tables as one CSV (one after another, a blank line between) or one XLSX workbook (a sheet each). */
export async function tablesFile(tables: readonly Table[], format: 'csv' | 'xlsx'): Promise<Buffer | string> {
  return format === 'csv' ? tables.map(tableCsv).join('\r\n') : tablesXlsx(tables);
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** A file name safe in a Content-Disposition header. */
export const fileName = (base: string, ext: string) =>
  `${
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report'
  }.${ext}`;

/** Send a report file as a download, never cached, never sniffed. */
export function sendReportFile(
  reply: FastifyReply,
  body: Buffer | string,
  format: keyof typeof CONTENT_TYPES,
  base: string,
) {
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileName(base, format)}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/** Report tables as a download: one CSV (one after another) or one XLSX workbook (a sheet each). */
export async function sendTables(
  reply: FastifyReply,
  tables: readonly Table[],
  format: 'csv' | 'xlsx',
  base: string,
) {
  return sendReportFile(reply, await tablesFile(tables, format), format, base);
}
