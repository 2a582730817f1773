import { defineConfig } from 'drizzle-kit';

// Two stores, two migration folders: `npm run db:generate` generates both (see package.json).
const store = process.env.AMANAT_MIGRATIONS_STORE === 'keys' ? 'keys' : 'data';

export default defineConfig({
  dialect: 'postgresql',
  schema: store === 'keys' ? './src/db/key-store-schema.ts' : './src/db/schema.ts',
  out: `./src/db/migrations/${store}`,
});
