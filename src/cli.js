/**
 * Admin CLI entry: `npm run steward -- <command> [options]` (commands in ./cli-main.ts). Plain
 * JavaScript that switches Node's compile cache on before the rest loads, as ./server.js does.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { main } = await import('./cli-main.ts');
main();
