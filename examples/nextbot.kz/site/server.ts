// Starts the nextbot.kz example site: `npm run example:site` (see the README's section "The example website").
// AMANAT_URL (default http://127.0.0.1:3000), AMANAT_API_KEY (required), SITE_PORT (default 3100),
// AMANAT_PUBLIC_URL (Amanat as browsers reach it; AMANAT_URL by default), SITE_STORE (the site's JSON store).
import { serve } from '@hono/node-server';
import { createSite } from './app.js';

const apiKey = process.env.AMANAT_API_KEY;
if (!apiKey) {
  console.error(
    'Укажите AMANAT_API_KEY — ключ сайта в Amanat (README, «Пример сайта»). Set AMANAT_API_KEY to the site key.',
  );
  process.exit(1);
}
const port = Number(process.env.SITE_PORT ?? 3100);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`SITE_PORT: ожидается номер порта 1–65535, получено «${process.env.SITE_PORT}».`);
  process.exit(1);
}
const amanatUrl = process.env.AMANAT_URL ?? 'http://127.0.0.1:3000';
const { app } = createSite({
  amanatUrl,
  amanatPublicUrl: process.env.AMANAT_PUBLIC_URL,
  apiKey,
  storeFile: process.env.SITE_STORE ?? '.cache/example-site/store.json',
});
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`Сайт nextbot.kz (пример): http://127.0.0.1:${info.port} — Amanat: ${amanatUrl}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
