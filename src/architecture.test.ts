/**
 * The server's import boundaries, read from the source. Every module shows a public face
 * (`src/modules/<name>/index.ts`) and nothing else of it is imported from another module; the
 * pure domain does no I/O and knows no module; the records core depends on no process module;
 * and the modules form no cycle. The rules are data, below; tests are exempt (they may reach in).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));

const RULES = {
  /** The one file another module may import from. */
  publicFace: 'index.ts',
  /** Lists every module's declaration (module.ts: routes, jobs, hooks); the app wires what it lists. */
  registry: 'registry.ts',
  /**
   * Drizzle table definitions. The database schema is one graph: a foreign key may reference any
   * module's table, so a table file may import another module's table file. Such an edge is a
   * reference inside the database, not a dependency of one module's code on another's, and it
   * does not count in the module graph. Every other use of another module's table goes through
   * that module's index.ts, which re-exports only the tables listed in `sharedTables`.
   */
  tableFile: /(^|\/)([\w-]+-)?schema\.ts$/,
  /**
   * The tables a module deliberately shares for joins and foreign-key lookups; writes belong to
   * the owner's service functions (the catalog writes the CI rows of services, which are CIs).
   * The identity tables stand for people and groups everywhere; `records` is the base every
   * process's record joins. Shrink this list, never grow it casually.
   */
  sharedTables: {
    auth: ['users', 'groups', 'groupMembers', 'userRoles'],
    // recordCis: problems read which CIs a record concerns (known-error suggestions by CI).
    cmdb: ['cis', 'ciRelationships', 'recordCis'],
    organisations: ['organisations'],
    // recordLinks, recordHistory: problem management reads incident links and writes link
    // history with the link in one transaction; to move behind core functions.
    records: ['records', 'recordWatchers', 'recordComments', 'recordLinks', 'recordHistory'],
    sla: ['slaClocks'],
  } as Record<string, readonly string[]>,
  /** Modules the records core may use: the core sits under every process, never beside one. */
  recordsCoreMayUse: ['audit', 'auth', 'settings'] as readonly string[],
  /** What `src/domain` may not import: modules, the database, HTTP, jobs, or any other I/O. */
  domainMayNotImport: {
    folders: ['modules', 'db', 'http', 'jobs', 'demo'],
    files: ['context.ts', 'bootstrap.ts', 'config.ts', 'server.ts', 'serve.ts', 'cli.ts', 'cli-main.ts'],
    packages: [
      /^drizzle-orm/,
      /^pg(-boss)?$/,
      /^@electric-sql\//,
      /^(@fastify\/|fastify)/,
      /^node:(fs|net|http|https|http2|dns|dgram|child_process|worker_threads|cluster)(\/|$)/,
    ],
  },
} as const;

type Import = { from: string; specifier: string; target: string | null; names: string[] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?(?:([\w*{}\s,$]+?)\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import and re-export of a file, with the file it resolves to (null for packages). */
function importsOf(file: string, text: string): Import[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: Import[] = [];
  const add = (specifier: string, clause = '') => {
    const target = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null;
    const names = [...clause.replace(/\btype\s+/g, '').matchAll(/(?:^|[{,])\s*([\w$]+)/g)].map((m) => m[1]!);
    found.push({ from: file, specifier, target, names });
  };
  for (const m of code.matchAll(STATIC)) add(m[2]!, m[1]);
  for (const m of code.matchAll(DYNAMIC)) add(m[1]!);
  return found;
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
/** The module a file belongs to: `src/modules/<name>/…`; files directly in src/modules are wiring. */
const moduleOf = (file: string) => rel(file).match(/^modules\/([^/]+)\/./)?.[1] ?? null;
const isTableFile = (file: string) => RULES.tableFile.test(rel(file));

/** A cross-module edge that counts: anything but a table file referencing another's table. */
function countsAsDependency(i: Import): boolean {
  return !(isTableFile(i.from) && i.target !== null && isTableFile(i.target));
}

type Graph = Map<string, Map<string, string>>;

/** The module graph: for each module, the modules it imports, each with one importing file as witness. */
function moduleGraph(imports: Import[]): Graph {
  const graph: Graph = new Map();
  for (const i of imports) {
    const a = moduleOf(i.from);
    const b = i.target && moduleOf(i.target);
    if (!a || !b || a === b || !countsAsDependency(i)) continue;
    const out = graph.get(a) ?? new Map<string, string>();
    if (!out.has(b)) out.set(b, `${rel(i.from)} → ${rel(i.target!)}`);
    graph.set(a, out);
  }
  return graph;
}

/** One cycle of the graph as a path that returns to its start, or null when there is none. */
function findCycle(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const files = sourceFiles(SRC);
const imports = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')));
const crossModule = imports.filter((i) => {
  const a = moduleOf(i.from);
  const b = i.target && moduleOf(i.target);
  return a && b && a !== b;
});
const show = (i: Import) => `${rel(i.from)} imports ${i.specifier}`;

describe('module boundaries', () => {
  it('reads the imports it judges', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(crossModule.length).toBeGreaterThan(50);
  });

  it('imports another module only through its index.ts', () => {
    const reachingIn = crossModule.filter(
      (i) => countsAsDependency(i) && path.basename(i.target!) !== RULES.publicFace,
    );
    expect(reachingIn.map(show)).toEqual([]);
  });

  it('gives every module a public face and a place in the registry', () => {
    const folders = readdirSync(path.join(SRC, 'modules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const registry = path.join(SRC, 'modules', RULES.registry);
    const listed = imports.filter((i) => i.from === registry && i.target?.endsWith('/module.ts'));
    const missing = folders.flatMap((m) => [
      ...(files.includes(path.join(SRC, 'modules', m, RULES.publicFace)) ? [] : [`${m} has no index.ts`]),
      ...(listed.some((i) => moduleOf(i.target!) === m) ? [] : [`${m} is not in ${RULES.registry}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('shares only the tables a module lists as shared', () => {
    const leaks = imports.flatMap((i) => {
      const owner = moduleOf(i.from);
      if (!owner || path.basename(i.from) !== RULES.publicFace || !i.target || !isTableFile(i.target))
        return [];
      if (i.names.length === 0 || i.names.includes('*')) return [`${show(i)}: re-exports all its tables`];
      const shared = RULES.sharedTables[owner] ?? [];
      return i.names.filter((n) => !shared.includes(n)).map((n) => `${rel(i.from)} shares table ${n}`);
    });
    expect(leaks).toEqual([]);
  });

  it('keeps the records core free of process modules', () => {
    const wrong = crossModule.filter(
      (i) =>
        moduleOf(i.from) === 'records' &&
        countsAsDependency(i) &&
        !RULES.recordsCoreMayUse.includes(moduleOf(i.target!)!),
    );
    expect(wrong.map(show)).toEqual([]);
  });

  it('keeps src/domain pure: no module, database, HTTP, jobs or other I/O', () => {
    const { folders, files: banned, packages } = RULES.domainMayNotImport;
    const wrong = imports.filter((i) => {
      if (!rel(i.from).startsWith('domain/')) return false;
      if (!i.target) return packages.some((p) => p.test(i.specifier));
      const r = rel(i.target);
      return folders.some((f) => r.startsWith(`${f}/`)) || (banned as readonly string[]).includes(r);
    });
    expect(wrong.map(show)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    const graph = moduleGraph(imports);
    const cycle = findCycle(graph);
    const witness = cycle?.slice(1).map((b, k) => `  ${graph.get(cycle[k]!)!.get(b)}`);
    expect(cycle && `${cycle.join(' → ')}\n${witness!.join('\n')}`).toBeNull();
  });
});

describe('the checks themselves', () => {
  it('finds a cycle and names its path', () => {
    const g = new Map([
      ['a', new Map([['b', '']])],
      ['b', new Map([['c', '']])],
      ['c', new Map([['a', '']])],
      ['d', new Map([['a', '']])],
    ]);
    expect(findCycle(g)).toEqual(['a', 'b', 'c', 'a']);
    g.get('c')!.delete('a');
    expect(findCycle(g)).toBeNull();
  });

  it('reads multi-line, type-only, re-exported and dynamic imports, not commented ones', () => {
    const file = path.join(SRC, 'modules/x/service.ts');
    const text = [
      "import {\n  type A,\n  b,\n} from '../y/index.ts';",
      "export { users, groups } from './schema.ts';",
      "// import { z } from '../z/internal.ts';",
      "const m = await import('../w/index.ts');",
    ].join('\n');
    const found = importsOf(file, text);
    expect(found.map((i) => [rel(i.target!), i.names])).toEqual([
      ['modules/y/index.ts', ['A', 'b']],
      ['modules/x/schema.ts', ['users', 'groups']],
      ['modules/w/index.ts', []],
    ]);
  });
});
