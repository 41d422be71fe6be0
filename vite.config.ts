import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './scripts/vite/precompress.mjs';
import { preloadApp } from './scripts/vite/preloadApp.mjs';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const apiTarget = `http://localhost:${process.env.PORT ?? '8080'}`;

/** The client app. `npm run build` writes client/dist, which the server serves. */
export default defineConfig({
  root: clientRoot,
  plugins: [react(), preloadApp(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/ws': { target: apiTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
});
