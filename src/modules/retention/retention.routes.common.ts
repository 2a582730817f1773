// What the retention module's route files share: the mounter's shape, JSON response and body helpers, the actor.
import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import type { AppEnv, AuthOptions } from '../../http/auth.js';

/** Mounts one route: its definition (OpenAPI contract) and its handler. */
export type RouteMount = (app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions) => void;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true as const },
});
export const actor = (c: { get(key: 'principal'): { actor: string } }) => c.get('principal').actor;
