// The web app: the privacy centre (index.html, public) and the console (console.html, staff), built into web/dist
// that the server serves; this config builds the console, vite.centre.config.ts the centre (`npm run build:web` runs
// both). `npm run dev:web` serves both pages with hot reload, the centre on React.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@amanat/client': here('../clients/ts/src/index.ts') } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // No inline scripts or data: modules: the pages run under a CSP without 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The privacy centre (index.html) is built by vite.centre.config.ts on preact/compat, after this one.
    rollupOptions: { input: { console: here('console.html') } },
  },
});
