/**
 * CI classes: a single-inheritance hierarchy of configuration item types, each declaring typed
 * attributes. A class's effective attributes are its ancestors' (root first) followed by its own.
 * Pure functions over plain data; the model is stored as rows and validated here before saving.
 * See docs/cmdb-model.md.
 */

export type AttributeType =
  | 'string'
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'ip'
  | 'url'
  | 'reference';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = [
  'string',
  'text',
  'integer',
  'number',
  'boolean',
  'date',
  'datetime',
  'enum',
  'ip',
  'url',
  'reference',
];

export type AttributeDef = {
  key: string;
  label: string;
  type: AttributeType;
  required: boolean;
  unique: boolean;
  /** enum only: the permitted values (stored exactly as written here). */
  allowedValues?: string[];
  /** integer / number only: inclusive bounds. */
  min?: number;
  max?: number;
  /** string / text / url only: maximum length in characters. */
  maxLength?: number;
  /** reference only: the class (or an ancestor of the class) the referenced CI must belong to. */
  referenceClass?: string;
};

export type CiClass = {
  key: string;
  label: string;
  parent: string | null;
  /** Abstract classes organise the hierarchy; no CI may be created directly in one. */
  abstract: boolean;
  attributes: AttributeDef[];
  /** Attribute keys (own or inherited) used, in order, to match imported rows to existing CIs. */
  identifiers?: string[];
};

export type ClassModelProblem = { classKey: string; attribute?: string; message: string };

export { DEFAULT_CI_CLASSES } from './defaults.ts';

const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const NUMERIC_TYPES: readonly AttributeType[] = ['integer', 'number'];
const LENGTH_TYPES: readonly AttributeType[] = ['string', 'text', 'url'];

/** First definition of each key wins, mirroring how lookups behave in a model with duplicates. */
function indexClasses(classes: readonly CiClass[]): Map<string, CiClass> {
  const index = new Map<string, CiClass>();
  for (const c of classes) if (!index.has(c.key)) index.set(c.key, c);
  return index;
}

export type Ancestry = { chain: CiClass[]; problems: string[] };

/**
 * The class followed by its ancestors, returned root first. Stops (and reports) at an unknown
 * class or parent, or when the parent chain loops, so it always terminates.
 */
export function ancestry(classes: readonly CiClass[], classKey: string): Ancestry {
  const index = indexClasses(classes);
  const chain: CiClass[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let key: string | null = classKey;
  let child: string | null = null;
  while (key !== null) {
    if (seen.has(key)) {
      problems.push(`The class hierarchy loops at "${key}".`);
      break;
    }
    const cls = index.get(key);
    if (!cls) {
      problems.push(
        child === null ? `Unknown class "${key}".` : `Class "${child}" has unknown parent "${key}".`,
      );
      break;
    }
    seen.add(key);
    chain.push(cls);
    child = key;
    key = cls.parent;
  }
  return { chain: chain.reverse(), problems };
}

export type ResolvedAttributes = { attributes: AttributeDef[]; problems: string[] };

/**
 * Effective attributes of a class: inherited ones first (root class first), then its own.
 * A redefinition of an inherited key with the same type replaces the inherited definition in place
 * (validateClassModel still flags it); with a different type it is reported and ignored, so the
 * ancestor's type, which queries over the ancestor class rely on, stays in force.
 */
export function resolveAttributes(classes: readonly CiClass[], classKey: string): ResolvedAttributes {
  const { chain, problems } = ancestry(classes, classKey);
  const byKey = new Map<string, { def: AttributeDef; owner: string }>();
  for (const cls of chain) {
    for (const def of cls.attributes) {
      const prev = byKey.get(def.key);
      if (prev && prev.def.type !== def.type) {
        problems.push(
          `Class "${cls.key}" redefines attribute "${def.key}" as ${def.type}, but "${prev.owner}" ` +
            `defines it as ${prev.def.type}; the "${prev.owner}" definition applies.`,
        );
        continue;
      }
      byKey.set(def.key, { def, owner: cls.key });
    }
  }
  return { attributes: [...byKey.values()].map((v) => v.def), problems };
}

/** Identifier keys of a class: its own `identifiers`, else those of its nearest ancestor declaring some. */
export function resolveIdentifiers(classes: readonly CiClass[], classKey: string): string[] {
  const { chain } = ancestry(classes, classKey);
  for (let i = chain.length - 1; i >= 0; i--) {
    const ids = chain[i]?.identifiers;
    if (ids !== undefined) return [...ids];
  }
  return [];
}

/** True when `child` is `ancestor` or descends from it. Unknown classes are subclasses of nothing. */
export function isSubclassOf(classes: readonly CiClass[], child: string, ancestor: string): boolean {
  const { chain, problems } = ancestry(classes, child);
  if (chain.length === 0 && problems.length > 0) return false;
  return chain.some((c) => c.key === ancestor);
}

/**
 * The class and every class descending from it, the class first. Unknown keys give just the key,
 * so a query over them matches nothing rather than failing.
 */
export function subclassesOf(classes: readonly CiClass[], classKey: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of classes) {
    if (c.parent === null) continue;
    const list = children.get(c.parent);
    if (list) list.push(c.key);
    else children.set(c.parent, [c.key]);
  }
  const out = [classKey];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
    }
  }
  return out;
}

/**
 * The class in `classKey`'s ancestry that declares attribute `key` (nearest first), or null. An
 * attribute's unique and identity scope is this class and its subclasses.
 */
export function attributeOwner(classes: readonly CiClass[], classKey: string, key: string): string | null {
  const { chain } = ancestry(classes, classKey);
  for (let i = chain.length - 1; i >= 0; i--) {
    const cls = chain[i]!;
    if (cls.attributes.some((a) => a.key === key)) return cls.key;
  }
  return null;
}

function validateAttributeDef(
  def: AttributeDef,
  classKeys: ReadonlySet<string>,
  report: (message: string) => void,
): void {
  if (!KEY_PATTERN.test(def.key)) {
    report(`Attribute key "${def.key}" must start with a lowercase letter and use only a-z, 0-9 and _.`);
  }
  if (def.label.trim() === '') report(`Attribute "${def.key}" needs a label.`);
  if (!ATTRIBUTE_TYPES.includes(def.type)) report(`Attribute "${def.key}" has unknown type "${def.type}".`);
  if (def.type === 'enum') {
    if (!def.allowedValues || def.allowedValues.length === 0) {
      report(`Attribute "${def.key}" is an enum but lists no allowed values.`);
    } else if (new Set(def.allowedValues).size !== def.allowedValues.length) {
      report(`Attribute "${def.key}" lists an allowed value more than once.`);
    }
  } else if (def.allowedValues !== undefined) {
    report(`Attribute "${def.key}" is ${def.type}; allowed values only apply to enum attributes.`);
  }
  if (def.min !== undefined || def.max !== undefined) {
    if (!NUMERIC_TYPES.includes(def.type)) {
      report(
        `Attribute "${def.key}" is ${def.type}; min and max only apply to integer and number attributes.`,
      );
    }
    for (const [name, bound] of [
      ['min', def.min],
      ['max', def.max],
    ] as const) {
      if (bound !== undefined && !Number.isFinite(bound)) {
        report(`Attribute "${def.key}" has a ${name} that is not a finite number.`);
      }
    }
    if (def.min !== undefined && def.max !== undefined && def.min > def.max) {
      report(`Attribute "${def.key}" has min ${def.min} greater than max ${def.max}.`);
    }
  }
  if (def.maxLength !== undefined) {
    if (!LENGTH_TYPES.includes(def.type)) {
      report(
        `Attribute "${def.key}" is ${def.type}; maxLength only applies to string, text and url attributes.`,
      );
    }
    if (!Number.isInteger(def.maxLength) || def.maxLength < 1) {
      report(`Attribute "${def.key}" must have a maxLength that is a whole number of at least 1.`);
    }
  }
  if (def.type === 'reference') {
    if (!def.referenceClass) {
      report(`Attribute "${def.key}" is a reference but names no referenceClass.`);
    } else if (!classKeys.has(def.referenceClass)) {
      report(`Attribute "${def.key}" references unknown class "${def.referenceClass}".`);
    }
  } else if (def.referenceClass !== undefined) {
    report(`Attribute "${def.key}" is ${def.type}; referenceClass only applies to reference attributes.`);
  }
}

/** Every parent cycle once, as its members in parent order starting from the smallest key. */
function findCycles(classes: readonly CiClass[]): string[][] {
  const index = indexClasses(classes);
  const cycles: string[][] = [];
  for (const start of index.keys()) {
    const path: string[] = [];
    const seen = new Set<string>();
    let key: string | null = start;
    while (key !== null && !seen.has(key)) {
      seen.add(key);
      path.push(key);
      key = index.get(key)?.parent ?? null;
    }
    // `start` lies on a cycle only if the walk came back to it; report each cycle from its smallest member.
    if (key === start && path.length > 1 && path.every((k) => start <= k)) cycles.push(path);
  }
  return cycles;
}

/** Every problem with a class model; empty when it is safe to use. */
export function validateClassModel(classes: readonly CiClass[]): ClassModelProblem[] {
  const problems: ClassModelProblem[] = [];
  const classKeys = new Set(classes.map((c) => c.key));
  const seenClasses = new Set<string>();

  for (const cls of classes) {
    const report = (message: string, attribute?: string) =>
      problems.push(
        attribute === undefined ? { classKey: cls.key, message } : { classKey: cls.key, attribute, message },
      );

    if (seenClasses.has(cls.key)) report(`Class key "${cls.key}" is used by more than one class.`);
    seenClasses.add(cls.key);
    if (!KEY_PATTERN.test(cls.key)) {
      report(`Class key "${cls.key}" must start with a lowercase letter and use only a-z, 0-9 and _.`);
    }
    if (cls.label.trim() === '') report(`Class "${cls.key}" needs a label.`);
    if (cls.parent === cls.key) report(`Class "${cls.key}" cannot be its own parent.`);
    else if (cls.parent !== null && !classKeys.has(cls.parent)) {
      report(`Class "${cls.key}" has unknown parent "${cls.parent}".`);
    }

    const own = new Set<string>();
    for (const def of cls.attributes) {
      const reportAttr = (message: string) => report(message, def.key);
      if (own.has(def.key))
        reportAttr(`Attribute "${def.key}" is defined more than once in class "${cls.key}".`);
      own.add(def.key);
      validateAttributeDef(def, classKeys, reportAttr);
    }

    // Keys inherited from ancestors (the chain minus the class itself) may not be redefined.
    const inherited = new Map<string, { def: AttributeDef; owner: string }>();
    for (const ancestor of ancestry(classes, cls.key).chain.slice(0, -1)) {
      for (const def of ancestor.attributes) {
        if (!inherited.has(def.key)) inherited.set(def.key, { def, owner: ancestor.key });
      }
    }
    for (const def of cls.attributes) {
      const prev = inherited.get(def.key);
      if (!prev) continue;
      const typeNote =
        prev.def.type === def.type ? '' : ` with a different type (${def.type} instead of ${prev.def.type})`;
      report(`Attribute "${def.key}" redefines the one inherited from "${prev.owner}"${typeNote}.`, def.key);
    }

    const available = new Set([...inherited.keys(), ...own]);
    for (const id of cls.identifiers ?? []) {
      if (!available.has(id)) report(`Identifier "${id}" is not an attribute of class "${cls.key}".`);
    }
  }

  for (const cycle of findCycles(classes)) {
    const [first] = cycle;
    problems.push({
      classKey: first ?? '',
      message: `The class hierarchy has a cycle: ${[...cycle, first].join(' → ')}.`,
    });
  }
  return problems;
}
