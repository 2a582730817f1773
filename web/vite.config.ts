// The web app: the privacy centre (index.html, public) and the console (console.html, staff), one build into
// web/dist that the server serves. `npm run build:web` builds it; `npm run dev:web` serves it with hot reload.
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
    rollupOptions: { input: { index: here('index.html'), console: here('console.html') } },
  },
});
