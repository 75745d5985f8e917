/**
 * Module resolution answered from memory where Node would repeat work, registered by the entry
 * files before anything else loads. Node reads a package's package.json again for every module
 * it resolves in or into that package, and parses its whole `exports` map each time; for a package
 * with a large map (the ORM's is 179 kB) that was about a third of loading the server's modules.
 * Two common cases are answered here; everything else goes to Node unchanged:
 * - a bare specifier imported from Steward's own files resolves the same from every one of them,
 *   so Node resolves it once;
 * - a relative `.js` import inside a package whose package.json says "type": "module" is a URL
 *   join naming an ES module, as Node's own resolution would make it (ES module resolution adds no
 *   extension and searches no folder), checked to exist.
 * Plain JavaScript, so that loading it needs no type stripping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const own = new URL('.', import.meta.url).href;
/** @type {Map<string, import('node:module').ResolveFnOutput>} */
const resolvedBare = new Map();
/** @type {Map<string, boolean>} */
const esmScope = new Map();

/**
 * Whether the nearest package.json above `dir` says "type": "module" (remembered per folder).
 * @param {string} dir
 * @returns {boolean}
 */
function isEsmScope(dir) {
  const known = esmScope.get(dir);
  if (known !== undefined) return known;
  const file = path.join(dir, 'package.json');
  let esm;
  if (existsSync(file)) {
    try {
      esm = JSON.parse(readFileSync(file, 'utf8')).type === 'module';
    } catch {
      esm = false;
    }
  } else {
    const parent = path.dirname(dir);
    esm = parent !== dir && isEsmScope(parent);
  }
  esmScope.set(dir, esm);
  return esm;
}

/** @type {import('node:module').ResolveHookSync} */
function resolve(specifier, context, next) {
  const parent = context.parentURL;
  if (!parent?.startsWith('file:') || !context.conditions.includes('import')) return next(specifier, context);
  if (parent.startsWith(own) && !parent.includes('/node_modules/') && /^[@a-z]/i.test(specifier)) {
    if (specifier.startsWith('node:')) return next(specifier, context);
    const known = resolvedBare.get(specifier);
    if (known) return { ...known, shortCircuit: true };
    const result = next(specifier, context);
    resolvedBare.set(specifier, result);
    return result;
  }
  if (parent.includes('/node_modules/') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const url = new URL(specifier, parent);
    const file = fileURLToPath(url);
    if (isEsmScope(path.dirname(file)) && existsSync(file))
      return { url: url.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}

registerHooks({ resolve });
