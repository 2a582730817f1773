// The web app: the privacy centre (index.html, public) and the console (console.html, staff), one build into
// web/dist that the server serves. `npm run build:web` builds it; `npm run dev:web` serves it with hot reload.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npm run dev:web` serves the pages with hot reload and sends everything the server answers to it (npm start).
const server = process.env.AMANAT_DEV_SERVER ?? 'http://127.0.0.1:3000';
const serverPaths = [
  '/api',
  '/policy',
  '/privacy_KZ.pdf',
  '/widget.js',
  '/widget.css',
  '/branding',
  '/.well-known',
];

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  server: { proxy: Object.fromEntries(serverPaths.map((path) => [path, server])) },
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
