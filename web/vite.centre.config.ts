// The privacy centre's build (index.html): the same React code run on preact/compat, so that its first load stays
// under 80 kB of JS gzipped (React DOM 19 alone is about 60 kB of it). The console is built by vite.config.ts on
// React; `npm run build:web` runs that one first (it empties web/dist), then this one into the same folder.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@amanat/client', replacement: here('../clients/ts/src/index.ts') },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: false,
    // No inline scripts or data: modules: the pages run under a CSP without 'unsafe-inline'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { index: here('index.html') } },
  },
});
