/**
 * Import files as rows of named fields. CSV: the first line names the columns, every cell is text
 * and a blank cell means "no value" (it clears the field). JSON: an array of objects (or
 * `{ "rows": [...] }`); a key that is absent leaves the field alone, null clears it, and an
 * `attributes` object may hold a CI's attributes. Column and key names are normalised to
 * snake_case, so `Support Group`, `supportGroup` and `support_group` are the same field.
 */

import { IMPORT_FORMATS, type ImportFormat } from '../../../domain/cmdb/vocabulary.ts';
import { CsvError, parseCsv } from '../../../shared/csv.ts';

export { IMPORT_FORMATS, type ImportFormat };

export type ImportRow = {
  /** The CSV line the row starts on, or the 1-based position of the object in a JSON file. */
  row: number;
  fields: Map<string, unknown>;
  /** Set when the row cannot be read at all (wrong number of cells, not an object). */
  problem?: string;
};

export class ImportFileError extends Error {}

/** `Support Group`, `supportGroup`, `support-group` → `support_group`; `attributes.os` → `os`. */
export function normaliseKey(key: string): string {
  return key
    .trim()
    .replace(/^attributes[.:]/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s\-.]+/g, '_')
    .toLowerCase();
}

function csvRows(text: string): ImportRow[] {
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new ImportFileError(`The CSV file cannot be read: ${e.message}.`);
    throw e;
  }
  const header = table.header.map(normaliseKey);
  const dupes = header.filter((h, i) => h !== '' && header.indexOf(h) !== i);
  if (dupes.length)
    throw new ImportFileError(`The CSV header names ${[...new Set(dupes)].join(', ')} more than once.`);
  return table.rows.map(({ line, cells }) => {
    if (cells.length !== header.length) {
      return {
        row: line,
        fields: new Map(),
        problem: `has ${cells.length} cells but the header names ${header.length} columns`,
      };
    }
    const fields = new Map<string, unknown>();
    header.forEach((h, i) => {
      if (h !== '') fields.set(h, cells[i]);
    });
    return { row: line, fields };
  });
}

function jsonRows(text: string): ImportRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ImportFileError(`The JSON file cannot be read: ${(e as Error).message}.`);
  }
  const list = Array.isArray(data) ? data : (data as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(list))
    throw new ImportFileError('A JSON import must be an array of objects, or an object with a "rows" array.');
  return list.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { row: i + 1, fields: new Map(), problem: 'is not an object' };
    }
    const fields = new Map<string, unknown>();
    for (const [k, v] of Object.entries(item)) {
      if (k === 'attributes' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [ak, av] of Object.entries(v)) fields.set(normaliseKey(ak), av);
      } else fields.set(normaliseKey(k), v);
    }
    return { row: i + 1, fields };
  });
}

export function readImportFile(format: ImportFormat, text: string): ImportRow[] {
  return format === 'csv' ? csvRows(text) : jsonRows(text);
}

/** The format a file is in, from its name or content type; null when neither says. */
export function formatOf(filename: string, contentType: string | undefined): ImportFormat | null {
  const name = filename.toLowerCase();
  if (name.endsWith('.csv') || contentType?.includes('csv')) return 'csv';
  if (name.endsWith('.json') || contentType?.includes('json')) return 'json';
  return null;
}

/** A field as text: trimmed string, number or boolean as written; null when blank or null. */
export function textField(row: ImportRow, key: string): string | null | undefined {
  if (!row.fields.has(key)) return undefined;
  const v = row.fields.get(key);
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v.trim() : String(v);
  return s === '' ? null : s;
}
