/**
 * Builds the web app before `npm start` when web/dist is missing or older than its sources,
 * so a fresh clone needs only `npm install && npm start`. Plain JavaScript, like the server's
 * entry, so that this check does not load Node's TypeScript stripper on every start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web/dist/index.html');

/** @param {string} dir @returns {number} The newest modification time below `dir`. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = [
  path.join(root, 'web/src'),
  path.join(root, 'web/index.html'),
  path.join(root, 'src/shared'),
];
const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
const changed = sources
  .filter(existsSync)
  .some((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs) > built);
if (!existsSync(path.join(root, 'web/index.html'))) {
  console.log('No web app sources; serving the API only.');
} else if (changed) {
  console.log('Building the web app…');
  const r = spawnSync('npm', ['run', '-s', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The web app failed to build; see the messages above.');
    process.exit(r.status ?? 1);
  }
}
