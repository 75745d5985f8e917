/**
 * Process entry, in plain JavaScript on purpose. Before anything else loads it switches on Node's
 * compile cache, so a restart reuses what the last start compiled (the modules' code and their
 * TypeScript with the types stripped), and the resolution hooks of ./fast-resolve.js. Because this
 * file needs no stripping, a warm start never loads Node's TypeScript stripper (about 17 MB
 * resident and a few hundred milliseconds). The cache lives in the system's temporary folder
 * unless NODE_COMPILE_CACHE names another; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./fast-resolve.js');
const { main } = await import('./serve.ts');
main().catch((/** @type {unknown} */ err) => {
  console.error('Steward failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
