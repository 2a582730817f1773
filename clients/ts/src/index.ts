// The Amanat API client: openapi-fetch over the types generated from /api/openapi.json (schema.d.ts).
// Every route is called by its path with typed parameters, body and answer, e.g.
//   const amanat = createAmanatClient({ baseUrl: 'https://amanat.example.kz', token: 'amk_…' });
//   const { data, error } = await amanat.POST('/api/subjects', { body: { email: 'a@example.kz' } });
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
/** An answer body by its schema name, e.g. Schema<'SubjectRequest'>. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
/** The one error shape every error status answers with. */
export type AmanatError = components['schemas']['Error'];
export type AmanatClient = Client<paths>;

export interface AmanatClientOptions {
  /** Where the server is, e.g. https://amanat.example.kz (the paths start with /api). */
  baseUrl: string;
  /** An API key (amk_…), sent as Authorization: Bearer. Without it: the public routes only. */
  token?: string;
  /** Another fetch (tests, a proxy). */
  fetch?: (request: Request) => Promise<Response>;
}

export function createAmanatClient(options: AmanatClientOptions): AmanatClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
