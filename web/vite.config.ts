/** Vite config for the web app: root is web/, output web/dist, /api proxied to the server in dev. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    // WEB_DIST lets parallel builds (e.g. several browser-test runs) keep apart.
    outDir: process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
