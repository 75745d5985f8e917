/**
 * Admin CLI entry: `npm run steward -- <command> [options]` (commands in ./cli-main.ts). Plain
 * JavaScript that switches Node's compile cache and the resolution hooks on before the rest loads,
 * as ./server.js does.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./fast-resolve.js');
const { main } = await import('./cli-main.ts');
main();
