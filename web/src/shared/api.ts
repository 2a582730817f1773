// The typed API client of both apps: openapi-fetch over the types generated from /api/openapi.json
// (clients/ts/src/schema.d.ts, `npm run client:generate`). Same origin, cookies sent; every state-changing call
// carries the CSRF header read from its cookie (the staff session's `amanat_csrf`, the subject session's
// `amanat_subject_csrf`).
import createClient from 'openapi-fetch';
import type { components, paths } from '../../../clients/ts/src/index.js';

export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type ApiError = components['schemas']['Error'];

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function createApi(csrfCookie: 'amanat_csrf' | 'amanat_subject_csrf') {
  const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
  api.use({
    onRequest({ request }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const token = cookie(csrfCookie);
        if (token) request.headers.set('x-csrf-token', token);
      }
      return request;
    },
  });
  return api;
}

/** The API's error as one line for a person: its message, then each issue's field and message. */
export function errorText(error: unknown): string {
  const body = error as Partial<ApiError> | undefined;
  if (body?.error) {
    const issues = body.error.issues.map((issue) =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
    return [body.error.message, ...issues].join(' — ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Throws the API's error (for TanStack Query), answers the data otherwise. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok)
    throw new ApiFailure(result.response.status, result.error);
  return result.data as T;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(errorText(body) || `HTTP ${status}`);
  }
}
