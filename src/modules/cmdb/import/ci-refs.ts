/**
 * How an import names an existing CI (a relationship's ends, an asset's CI): by id, or by name,
 * hostname, serial number, asset tag or instance id, optionally narrowed to a class. A reference
 * must designate exactly one CI; all of a batch's references are looked up in one query.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client.ts';
import { isUuid } from '../../../db/rows.ts';
import { attributeText, type ClassModel, textArray, uuidArray } from '../model.ts';

export type CiRefSpec = { value: string; classKey: string | null };
export type ResolvedCi = { id: string; name: string; classKey: string };

type Candidate = ResolvedCi & { keys: (string | null)[] };

const KEYED = ['hostname', 'serial_number', 'asset_tag', 'instance_id'];

export async function resolveCiRefs(
  db: Db,
  model: ClassModel,
  specs: CiRefSpec[],
): Promise<(spec: CiRefSpec) => ResolvedCi | string> {
  const ids = [...new Set(specs.map((s) => s.value).filter(isUuid))];
  const values = [...new Set(specs.map((s) => s.value.toLowerCase()))];
  const columns = KEYED.map((k) => attributeText(k));
  const rows = specs.length
    ? await queryRows<{ id: string; name: string; classKey: string; n: string; k: (string | null)[] }>(
        db,
        sql`select cis.id, cis.name, cis.class_key as "classKey", lower(cis.name) as n,
                   array[${sql.join(columns, sql`, `)}] as k
            from cis where cis.id = any(${uuidArray(ids)}) or lower(cis.name) = any(${textArray(values)})
              ${sql.join(
                columns.map((c) => sql`or ${c} = any(${textArray(values)})`),
                sql` `,
              )}`,
      )
    : [];
  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    classKey: r.classKey,
    keys: [r.n, ...r.k],
  }));
  return (spec) => {
    const v = spec.value.toLowerCase();
    const scope = spec.classKey ? new Set(model.subclasses(spec.classKey)) : null;
    const hits = candidates.filter(
      (c) => (c.id === v || c.keys.includes(v)) && (!scope || scope.has(c.classKey)),
    );
    const within = spec.classKey ? ` among ${model.label(spec.classKey)} CIs` : '';
    if (hits.length === 1) return hits[0]!;
    if (hits.length === 0) return `no CI is named or identified by "${spec.value}"${within}`;
    const names = hits.slice(0, 3).map((h) => `${h.name} (${model.label(h.classKey)})`);
    return `"${spec.value}" matches ${hits.length} CIs${within} (${names.join(', ')}); give its id or a class`;
  };
}
