/**
 * Identification and reconciliation of imported rows with the CIs already recorded, so an import
 * updates what exists instead of duplicating it. A row is probed, in order, by:
 *   1. the class's identifiers (`identifiers`, inherited from the nearest ancestor declaring some),
 *   2. every other unique attribute of the class,
 *   3. only when none of those has a value in the row: its name within its exact class.
 * An attribute is looked up among the CIs of the class that declares it and its subclasses (the
 * same scope its uniqueness is enforced in). Values compare trimmed and case-insensitively.
 * See docs/cmdb.md.
 */
import type { AttributeValue } from './attributes.ts';
import { attributeOwner, type CiClass, resolveAttributes, resolveIdentifiers } from './classes.ts';

export type IdentityRule = { attribute: string; scope: string };

/** One lookup an import row needs: CIs in `scope` (and its subclasses unless `exact`) whose `rule` equals `value`. */
export type IdentityProbe = { rule: string; scope: string; exact: boolean; value: string };

export type IdentityMatch = { id: string; name: string; classKey: string };

export type Identification =
  | { kind: 'new' }
  | { kind: 'match'; ci: IdentityMatch; probe: IdentityProbe }
  | { kind: 'conflict'; message: string }
  | { kind: 'ambiguous'; message: string };

/** Identifying attributes of a class, in the order they are tried, each with its lookup scope. */
export function identityRules(classes: readonly CiClass[], classKey: string): IdentityRule[] {
  const { attributes } = resolveAttributes(classes, classKey);
  const keys = resolveIdentifiers(classes, classKey);
  for (const def of attributes) if (def.unique && !keys.includes(def.key)) keys.push(def.key);
  return keys.flatMap((attribute) => {
    const scope = attributeOwner(classes, classKey, attribute);
    return scope === null ? [] : [{ attribute, scope }];
  });
}

/** The comparable form of a value: trimmed, lower-case text; null when there is nothing to compare. */
export function identityValue(value: AttributeValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim().toLowerCase();
  return s === '' ? null : s;
}

export function identityProbes(
  rules: readonly IdentityRule[],
  classKey: string,
  values: Record<string, AttributeValue>,
  name: string | null,
): IdentityProbe[] {
  const probes: IdentityProbe[] = [];
  for (const r of rules) {
    const value = identityValue(values[r.attribute]);
    if (value !== null) probes.push({ rule: r.attribute, scope: r.scope, exact: false, value });
  }
  const byName = identityValue(name);
  if (probes.length === 0 && byName !== null) {
    probes.push({ rule: 'name', scope: classKey, exact: true, value: byName });
  }
  return probes;
}

/**
 * A key that is equal for two probes exactly when they would find the same CIs. Parts are joined
 * by the ASCII unit separator, which cannot occur in coerced values and is valid in PostgreSQL text.
 */
export function probeKey(p: IdentityProbe): string {
  return `${p.rule}\u001f${p.exact ? '=' : '<'}${p.scope}\u001f${p.value}`;
}

const describeProbe = (p: IdentityProbe) => `${p.rule} "${p.value}"`;

/**
 * Decide what a row is, from what each of its probes found. Probes that find nothing do not
 * count against a match: a row may carry a new serial number for a CI known by its hostname.
 */
export function identify(
  probes: readonly IdentityProbe[],
  found: (probe: IdentityProbe) => readonly IdentityMatch[],
): Identification {
  let match: { ci: IdentityMatch; probe: IdentityProbe } | null = null;
  for (const probe of probes) {
    const cis = found(probe);
    if (cis.length === 0) continue;
    if (cis.length > 1) {
      const names = cis.slice(0, 3).map((c) => `"${c.name}"`);
      return {
        kind: 'ambiguous',
        message: `${describeProbe(probe)} matches ${cis.length} existing CIs (${names.join(', ')}${cis.length > 3 ? ', …' : ''}); make it unique or identify the row by another attribute.`,
      };
    }
    const ci = cis[0]!;
    if (match === null) match = { ci, probe };
    else if (match.ci.id !== ci.id) {
      return {
        kind: 'conflict',
        message: `Conflicting identity: ${describeProbe(match.probe)} identifies "${match.ci.name}" (${match.ci.id}) but ${describeProbe(probe)} identifies "${ci.name}" (${ci.id}); nothing was changed.`,
      };
    }
  }
  return match === null ? { kind: 'new' } : { kind: 'match', ...match };
}
