// The typed client's types, generated from the OpenAPI document by openapi-typescript. Shared by the generator
// (npm run client:generate) and the contract test, which fails when the committed file is stale.
import { randomBytes } from 'node:crypto';
import openapiTS, { astToString } from 'openapi-typescript';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { createHttpApp } from '../src/http/app.js';
import { fromPackageRoot } from '../src/lib/paths.js';

export const CLIENT_SCHEMA_FILE = fromPackageRoot('clients', 'ts', 'src', 'schema.d.ts');

const HEADER =
  '// Generated from /api/openapi.json by `npm run client:generate` (openapi-typescript). Do not edit:\n' +
  '// change the routes and run the command again; test/openapi-contract.test.ts fails when this file is stale.\n';

/** TypeScript types (paths, components, operations) for a parsed OpenAPI document. */
export async function renderClientSchema(document: unknown): Promise<string> {
  // A field with a default may be left out of a request: not required in the types (defaultNonNullable).
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { defaultNonNullable: false });
  return HEADER + astToString(ast);
}

/** The document of this code base's routes, served by an app over a throwaway in-memory store. */
export async function currentOpenApiDocument(): Promise<unknown> {
  const stores = await openStores({ kind: 'pglite' });
  try {
    const amanat = await createAmanat({
      stores,
      masterKey: randomBytes(32),
      registerFile: fromPackageRoot('examples', 'nextbot.kz', 'register.yaml'),
    });
    const app = createHttpApp(amanat, { bodyLimitBytes: 1024 * 1024 });
    return await (await app.request('/api/openapi.json')).json();
  } finally {
    await stores.close();
  }
}
