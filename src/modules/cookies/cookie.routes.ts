// The cookie banner's routes: the widget's configuration and files, a visitor's proof (public, from any
// site: CORS *), the GPC declaration, and the staff views of the proofs (lookup, export, link to a subject).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Amanat } from '../../app/amanat.js';
import { type AppEnv, type AuthOptions, requireScope } from '../../http/auth.js';
import { zodErrorBody } from '../../http/error-mapper.js';
import { jsonProblem } from '../../http/input-guard.js';
import {
  authErrors,
  bodyErrors,
  calendarDate,
  errors,
  keyOrSession,
  keyOrSessionCsrf,
  noAuth,
} from '../../http/openapi-common.js';
import { sha256Hex } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { localDateOf } from '../calendar/dates.js';
import type { WidgetConfig } from './cookie.config.js';
import { COOKIE_PROOF_COLUMNS } from './cookie.proof-writer.js';
import {
  cookieProofBody,
  cookieProofSchema,
  langSchema,
  linkBody,
  widgetConfigSchema,
} from './cookie.schema.js';
import type { CookieProof } from './cookie.service.js';

export const WIDGET_CONFIG_PATH = '/api/widget/config';
export const COOKIE_PROOF_PATH = '/api/public/cookie-consents';

export interface CookieRouteOptions {
  /** The server's public address (PUBLIC_URL); the request's own origin otherwise. */
  publicUrl?: string;
  /** Where the built widget is (widget/dist by default). */
  widgetDir: string;
}

const notPublished = () =>
  new DomainError(
    ErrorCodes.POLICY_NOT_PUBLISHED,
    'Политика ещё не опубликована: баннеру нечего показать (amanat policy publish). ' +
      'No policy version is published yet, so the banner has nothing to show (amanat policy publish).',
    { issues: [{ path: 'policyVersion', message: 'publish a policy version first' }] },
  );

function origin(c: Context, options: CookieRouteOptions): string {
  return (options.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

function mountWidgetConfig(app: OpenAPIHono<AppEnv>, amanat: Amanat, options: CookieRouteOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: WIDGET_CONFIG_PATH,
      operationId: 'getWidgetConfig',
      security: noAuth,
      tags: ['Cookies'],
      summary:
        "The cookie banner's texts and categories of the latest published policy version (CORS *, ETag)",
      request: {
        query: z.object({
          lang: langSchema.default('ru').openapi({ description: 'ru (default), kk or en' }),
        }),
      },
      responses: {
        200: {
          description: 'The configuration',
          content: { 'application/json': { schema: widgetConfigSchema } },
        },
        304: { description: 'Not modified (If-None-Match matched the ETag)' },
        ...errors(422, 429, 503),
      },
    }),
    async (c) => {
      const content = await amanat.widgetConfigs.latest(c.req.valid('query').lang);
      if (!content) throw notPublished();
      const base = origin(c, options);
      const config: WidgetConfig = {
        ...content,
        policyUrl: `${base}/policy?lang=${content.lang}`,
        proofUrl: `${base}${COOKIE_PROOF_PATH}`,
      };
      const etag = `"${sha256Hex(`${content.textHash}|${base}`).slice(0, 32)}"`;
      c.header('ETag', etag);
      // A short public cache: every page view of the site asks, and a new version shows within a minute.
      c.header('Cache-Control', 'public, max-age=60');
      const match = c.req.header('if-none-match');
      if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return c.body(null, 304);
      }
      return c.json(config, 200);
    },
  );
}

function mountProof(app: OpenAPIHono<AppEnv>, amanat: Amanat): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: COOKIE_PROOF_PATH,
      operationId: 'recordCookieConsent',
      security: noAuth,
      tags: ['Cookies'],
      summary:
        "A proof of a visitor's cookie choice (the widget; JSON as application/json or text/plain for sendBeacon)",
      request: {
        body: {
          content: {
            'application/json': { schema: cookieProofBody },
            'text/plain': {
              schema: z.string().openapi({
                description: 'The same JSON document, sent by navigator.sendBeacon',
                example:
                  '{"visitorId":"3f1c2a9e-7b4d-4e2f-9a61-0c8d5b7e4a21","policyVersion":"2025-01","lang":"ru",' +
                  '"textHash":"…","choices":{"necessary":true,"analytics":false,"marketing":false},' +
                  '"method":"reject_all","gpc":false,"decidedAt":"2026-12-04T10:15:00.000Z"}',
              }),
            },
          },
        },
      },
      responses: {
        202: {
          description: 'Accepted and written',
          content: {
            'application/json': {
              schema: z
                .object({ id: z.string() })
                .openapi({ example: { id: '7d9f1e2a-3b4c-4d5e-8f60-718293a4b5c6' } }),
            },
          },
        },
        ...errors(...bodyErrors, 429),
      },
    }),
    async (c) => {
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      let raw: unknown;
      if (mediaType === 'text/plain') {
        const text = await c.req.text();
        try {
          raw = JSON.parse(text);
        } catch {
          throw new DomainError(
            ErrorCodes.BAD_REQUEST,
            'Тело запроса — некорректный JSON / The request body is not valid JSON',
            {
              issues: [{ path: 'body', message: 'expected a JSON document' }],
            },
          );
        }
        // What the input guard checks for JSON bodies (no NUL, bounded strings and depth).
        const issue = jsonProblem(raw);
        if (issue) {
          throw new DomainError(
            ErrorCodes.VALIDATION_FAILED,
            `Недопустимый текст в запросе / Text not allowed: ${issue.path}`,
            {
              issues: [issue],
            },
          );
        }
      } else {
        raw = await c.req.json();
      }
      const parsed = cookieProofBody.safeParse(raw);
      if (!parsed.success) return c.json(zodErrorBody(parsed.error, 'json'), 422);
      const result = await amanat.cookieConsents.record(parsed.data, c.req.header('user-agent'));
      return c.json(result, 202);
    },
  );
}

function mountGpc(app: OpenAPIHono<AppEnv>, amanat: Amanat): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/gpc.json',
      operationId: 'getGpcSupport',
      security: noAuth,
      tags: ['Cookies'],
      summary:
        'Global Privacy Control support: the site honours the signal (marketing categories are refused)',
      responses: {
        200: {
          description: 'GPC support',
          content: {
            'application/json': { schema: z.object({ gpc: z.literal(true), lastUpdate: z.string() }) },
          },
        },
      },
    }),
    async (c) => {
      const latest = await amanat.widgetConfigs.latestSummary();
      const lastUpdate =
        latest?.publishedOn ?? localDateOf(amanat.clock(), amanat.rules.register.operator.timezone);
      return c.json({ gpc: true as const, lastUpdate }, 200);
    },
  );
}

/** The export's columns: the proof as written, then the subject it was linked to later. */
const CSV_COLUMNS = [...COOKIE_PROOF_COLUMNS, 'subject_id'] as const;

/** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(p: CookieProof): string {
  const values = [
    p.id,
    p.visitorId,
    p.policyVersion,
    p.lang,
    p.textHash,
    Object.entries(p.choices)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v ? 1 : 0}`)
      .join(';'),
    p.method,
    String(p.gpc),
    p.decidedAt,
    p.receivedAt,
    p.userAgent ?? '',
    p.subjectId ?? '',
  ];
  return `${values.map(csvField).join(',')}\r\n`;
}

function mountStaffRoutes(app: OpenAPIHono<AppEnv>, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cookie-consents',
      operationId: 'listCookieConsents',
      security: keyOrSession,
      tags: ['Cookies'],
      summary: "A visitor's cookie proofs, newest first",
      middleware: [requireScope(auth, 'consents:read')] as const,
      request: { query: z.object({ visitorId: z.uuid() }) },
      responses: {
        200: {
          description: 'The proofs',
          content: { 'application/json': { schema: z.object({ proofs: z.array(cookieProofSchema) }) } },
        },
        ...errors(...authErrors, 422),
      },
    }),
    async (c) =>
      c.json({ proofs: await amanat.cookieConsents.byVisitor(c.req.valid('query').visitorId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cookie-consents/export',
      operationId: 'exportCookieConsents',
      security: keyOrSession,
      tags: ['Cookies'],
      summary: "The cookie proofs received on the operator's local days from..to, as CSV or JSON (streamed)",
      middleware: [requireScope(auth, 'consents:read')] as const,
      request: {
        query: z.object({
          from: calendarDate(),
          to: calendarDate(),
          format: z.enum(['csv', 'json']).default('csv'),
        }),
      },
      responses: {
        200: {
          description: 'The proofs, oldest first',
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: z.array(cookieProofSchema) },
          },
        },
        ...errors(...authErrors, 422),
      },
    }),
    async (c) => {
      const { from, to, format } = c.req.valid('query');
      const pages = amanat.cookieConsents.exportRange(from, to);
      // The first page is read before the answer starts, so a bad range still answers 422.
      const first = await pages.next();
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          let count = 0;
          const emit = (page: CookieProof[]) => {
            for (const p of page) {
              controller.enqueue(
                encoder.encode(
                  format === 'csv' ? csvLine(p) : `${count === 0 ? '' : ',\n'}${JSON.stringify(p)}`,
                ),
              );
              count += 1;
            }
          };
          try {
            controller.enqueue(encoder.encode(format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '[\n'));
            if (!first.done) emit(first.value);
            for await (const page of pages) emit(page);
            if (format === 'json') controller.enqueue(encoder.encode('\n]\n'));
            controller.close();
          } catch (error) {
            controller.error(error);
          }
        },
      });
      const name = `cookie-consents-${from}-${to}.${format}`;
      return c.body(body, 200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cookie-consents/link',
      operationId: 'linkCookieVisitor',
      security: keyOrSessionCsrf,
      tags: ['Cookies'],
      summary: "Links a visitor's cookie proofs to a subject (the site's backend, when the visitor signs in)",
      middleware: [requireScope(auth, 'consents:write')] as const,
      request: { body: { content: { 'application/json': { schema: linkBody } }, required: true } },
      responses: {
        200: {
          description: 'Linked',
          content: {
            'application/json': {
              schema: z.object({ linked: z.number().int() }).openapi({ example: { linked: 3 } }),
            },
          },
        },
        ...errors(...authErrors, ...bodyErrors, 404),
      },
    }),
    async (c) => {
      const { visitorId, subjectId } = c.req.valid('json');
      return c.json(await amanat.cookieConsents.link(c.get('principal').actor, visitorId, subjectId), 200);
    },
  );
}

/** widget.js and widget.css from the widget's build, or 503 saying how to build it. */
function mountWidgetFiles(app: OpenAPIHono<AppEnv>, options: CookieRouteOptions): void {
  const files = {
    '/widget.js': 'application/javascript; charset=utf-8',
    '/widget.css': 'text/css; charset=utf-8',
  };
  // Read and gzipped once per change of the file (its modification time), not on every page view: the banner is on
  // every page of the operator's site, and gzip sends about a third of the bytes.
  const cache = new Map<
    string,
    { mtimeMs: number; bytes: Uint8Array<ArrayBuffer>; gzipped: Uint8Array<ArrayBuffer> }
  >();
  for (const [path, contentType] of Object.entries(files)) {
    app.get(path, (c) => {
      const file = join(options.widgetDir, path.slice(1));
      if (!existsSync(file)) {
        return c.text(
          `Виджет cookie не собран: нет ${path.slice(1)} (выполните npm run build:widget). ` +
            `The cookie widget is not built: ${path.slice(1)} is missing (run npm run build:widget).\n`,
          503,
          { 'Cache-Control': 'no-store' },
        );
      }
      const { mtimeMs } = statSync(file);
      let entry = cache.get(file);
      if (!entry || entry.mtimeMs !== mtimeMs) {
        const bytes = readFileSync(file);
        entry = {
          mtimeMs,
          bytes: new Uint8Array(bytes) as Uint8Array<ArrayBuffer>,
          gzipped: new Uint8Array(gzipSync(bytes, { level: 9 })) as Uint8Array<ArrayBuffer>,
        };
        cache.set(file, entry);
      }
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      return c.body(gzip ? entry.gzipped : entry.bytes, 200, {
        'content-type': contentType,
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
        vary: 'Accept-Encoding',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
    });
  }
}

export function mountCookieRoutes(
  app: OpenAPIHono<AppEnv>,
  amanat: Amanat,
  auth: AuthOptions,
  options: CookieRouteOptions,
): void {
  mountWidgetConfig(app, amanat, options);
  mountProof(app, amanat);
  mountGpc(app, amanat);
  mountStaffRoutes(app, amanat, auth);
  mountWidgetFiles(app, options);
}
