/**
 * Admin CLI entry: `npm run steward -- <command> [options]` (commands in ./cli-main.ts). Node's
 * compile cache is switched on before the rest loads, as in ./server.ts.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { main } = await import('./cli-main.ts');
main();
