// The web app: the privacy centre (index.html, public) and the console (console.html, staff), built into web/dist
// that the server serves; this config builds the console, vite.centre.config.ts the centre (`npm run build:web` runs
// both). `npm run dev:web` serves both pages with hot reload, the centre on React.
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
    // The privacy centre (index.html) is built by vite.centre.config.ts on preact/compat, after this one.
    rollupOptions: { input: { console: here('console.html') } },
  },
});
