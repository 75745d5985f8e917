/**
 * Reading an asset import row's typed fields (money, dates, enumerations) from CSV text or JSON
 * values. Absent means "leave alone", blank or null means "clear", anything unreadable is a
 * problem naming the field.
 */
import { ASSET_STATES, type AssetState } from '../../../domain/cmdb/assets.ts';
import { DEPRECIATION_METHODS } from '../../../domain/cmdb/depreciation.ts';
import type { AssetFields } from '../assets/service.ts';
import { type ImportRow, textField } from './rows.ts';

export type AssetRowFields = { [K in keyof AssetFields]?: AssetFields[K] } & { state?: AssetState };

/** What the row says about references, still as written (emails, names, CI references). */
export type AssetRefs = {
  assignedTo: string | null | undefined;
  supplier: string | null | undefined;
  ci: string | null | undefined;
  ciClass: string | null;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d{1,12}(?:\.\d{1,2})?$/;

type Reader = (r: ImportRow, key: string, problems: string[]) => unknown;

const money: Reader = (r, key, problems) => {
  const v = r.fields.get(key);
  if (typeof v === 'number' && v >= 0 && Number.isFinite(v)) return Math.round(v * 100) / 100;
  const s = textField(r, key);
  if (s === undefined || s === null) return s;
  if (MONEY.test(s)) return Number(s);
  problems.push(`${key} must be an amount such as 1250.00, got "${s}"`);
  return undefined;
};

const date: Reader = (r, key, problems) => {
  const s = textField(r, key);
  if (s === undefined || s === null) return s;
  if (DATE.test(s) && !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s)) return s;
  problems.push(`${key} must be a date written YYYY-MM-DD, got "${s}"`);
  return undefined;
};

const oneOf =
  (allowed: readonly string[]): Reader =>
  (r, key, problems) => {
    const s = textField(r, key);
    if (s === undefined || s === null) return s;
    if (allowed.includes(s.toLowerCase())) return s.toLowerCase();
    problems.push(`${key} must be one of ${allowed.join(', ')}, got "${s}"`);
    return undefined;
  };

const months: Reader = (r, key, problems) => {
  const s = textField(r, key);
  if (s === undefined || s === null) return s;
  if (/^\d{1,3}$/.test(s) && Number(s) >= 1) return Number(s);
  problems.push(`${key} must be a whole number of months, got "${s}"`);
  return undefined;
};

const currency: Reader = (r, key, problems) => {
  const s = textField(r, key);
  if (s === undefined || s === null) return s;
  if (/^[a-z]{3}$/i.test(s)) return s.toUpperCase();
  problems.push(`${key} must be an ISO 4217 code such as EUR, got "${s}"`);
  return undefined;
};

const text =
  (max: number): Reader =>
  (r, key, problems) => {
    const s = textField(r, key);
    if (s && s.length > max) {
      problems.push(`${key} must be at most ${max} characters`);
      return undefined;
    }
    return s;
  };

const READERS: [keyof AssetRowFields, string, Reader][] = [
  ['assetTag', 'asset_tag', text(50)],
  ['name', 'name', text(200)],
  ['serialNumber', 'serial_number', text(100)],
  ['model', 'model', text(100)],
  ['state', 'state', oneOf(ASSET_STATES)],
  ['location', 'location', text(120)],
  ['purchaseOrder', 'purchase_order', text(100)],
  ['cost', 'cost', money],
  ['currency', 'currency', currency],
  ['purchaseDate', 'purchase_date', date],
  ['warrantyEnd', 'warranty_end', date],
  ['depreciationMethod', 'depreciation_method', oneOf(DEPRECIATION_METHODS)],
  ['usefulLifeMonths', 'useful_life_months', months],
  ['salvageValue', 'salvage_value', money],
  ['notes', 'notes', text(5000)],
];

const KNOWN = new Set([...READERS.map(([, k]) => k), 'assigned_to', 'supplier', 'ci', 'ci_class']);

export function readAssetRow(r: ImportRow): { fields: AssetRowFields; refs: AssetRefs } | string {
  const problems: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const [prop, key, read] of READERS) {
    const v = read(r, key, problems);
    if (v !== undefined) fields[prop] = v;
  }
  // Columns that cannot be cleared fall back to "leave alone" when blank.
  for (const prop of ['assetTag', 'name', 'state', 'depreciationMethod'] as const)
    if (fields[prop] === null) delete fields[prop];
  if (fields.notes === null) fields.notes = '';
  const unknown = [...r.fields.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  if (problems.length) return `${problems.join('; ')}.`;
  return {
    fields: fields as AssetRowFields,
    refs: {
      assignedTo: textField(r, 'assigned_to'),
      supplier: textField(r, 'supplier'),
      ci: textField(r, 'ci'),
      ciClass: textField(r, 'ci_class') ?? null,
    },
  };
}
