// Writes clients/ts/src/schema.d.ts from the OpenAPI document (npm run client:generate). A test fails when the
// committed file differs from what this would write, so run it after changing a route.
import { writeFileSync } from 'node:fs';
import { CLIENT_SCHEMA_FILE, currentOpenApiDocument, renderClientSchema } from './client-schema.js';

writeFileSync(CLIENT_SCHEMA_FILE, await renderClientSchema(await currentOpenApiDocument()));
console.log(`Записано / written: ${CLIENT_SCHEMA_FILE}`);
