// The HTTP application: validation (zod), authorisation (scopes), then the service; errors through one mapper.
import { basename, resolve } from 'node:path';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Amanat } from '../app/amanat.js';
import { JOB_NAMES } from '../jobs/jobs.js';
import { DomainError, ErrorCodes } from '../lib/errors.js';
import { fromPackageRoot } from '../lib/paths.js';
import { mountAccessRoutes } from '../modules/access/access.routes.js';
import { mountApiKeyRoutes } from '../modules/api-keys/api-key.routes.js';
import { mountAuditRoutes } from '../modules/audit/audit.routes.js';
import {
  type BrandingOptions,
  DEFAULT_BRANDING,
  mountBrandingRoutes,
} from '../modules/branding/branding.routes.js';
import { mountCentreRoutes } from '../modules/centre/centre.routes.js';
import { mountConsentRoutes } from '../modules/consents/consent.routes.js';
import {
  COOKIE_PROOF_PATH,
  mountCookieRoutes,
  WIDGET_CONFIG_PATH,
} from '../modules/cookies/cookie.routes.js';
import { mountDisclosureRoutes } from '../modules/disclosures/disclosure.routes.js';
import { mountConsentFormRoutes } from '../modules/documents/consent-form.routes.js';
import { MAIL_INTAKE_PATH, mountMailRoutes } from '../modules/mail/mail.routes.js';
import { mountObligationRoutes } from '../modules/obligations/obligation.routes.js';
import { mountPaperRoutes } from '../modules/papers/papers.routes.js';
import { mountPolicyChangeRoutes } from '../modules/policies/policy.changes.routes.js';
import { mountPolicyRoutes } from '../modules/policies/policy.routes.js';
import { mountRequestRoutes } from '../modules/requests/request.routes.js';
import { mountRetentionRoutes } from '../modules/retention/retention.routes.js';
import { mountStaffRoutes } from '../modules/staff/staff.routes.js';
import { mountStatsRoutes } from '../modules/stats/stats.routes.js';
import { mountSystemRoutes } from '../modules/system/system.routes.js';
import { mountVaultRoutes } from '../modules/vault/vault.routes.js';
import { type AppEnv, type AuthOptions, requireScope } from './auth.js';
import { domainErrorResponse, mapError, zodErrorBody } from './error-mapper.js';
import { type InputLimits, inputGuard } from './input-guard.js';
import { authErrors, errors, keyOrSession, noAuth, securitySchemes } from './openapi-common.js';
import { failureLimit, type RateLimit, type RateLimitOptions, rateLimit } from './rate-limit.js';
import { memoryRateLimits, type RateLimitStore, sharedRateLimits } from './rate-limit-store.js';
import { securityHeaders } from './security-headers.js';
import { mountWebApp } from './web-app.js';

const MAIL_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

export interface HttpOptions {
  bodyLimitBytes: number;
  /** Raw e-mails to the intake route; 25 MB by default. */
  mailBodyLimitBytes?: number;
  localAdminToken?: string;
  /** Called for unexpected errors (not domain errors), so they reach the server log. */
  onUnexpectedError?: (error: unknown) => void;
  /** Console cookies carry the Secure flag (default true). */
  secureCookies?: boolean;
  /** Sign-in and password reset, per client address. */
  signInLimit?: RateLimit;
  /** Public endpoints (privacy centre, testimonials), per client address. */
  publicLimit?: RateLimit;
  /** Wrong codes on the privacy centre's requests, per client address (10, then 2 per minute, by default). */
  publicCodeFailureLimit?: RateLimit;
  /** Codes a data subject asks for (consent management), per client address (5, then 2 per minute). */
  subjectCodeLimit?: RateLimit;
  /** Codes sent to one contact, e-mail or phone (3, then 1 per minute), whoever asks. */
  subjectContactLimit?: RateLimit;
  /**
   * Where the rate limits count: by default the data store's rate_limits table on PostgreSQL (every instance on
   * the database shares one budget), this app's memory on PGlite (one process owns the store).
   */
  rateLimitStore?: RateLimitStore;
  /** The header a trusted reverse proxy sets with the client's address (e.g. x-forwarded-for). */
  trustProxyHeader?: string;
  /** Trusted proxies appending to that header (1 by default): the client is that many entries from the right. */
  trustedProxyHops?: number;
  /** One line per request: method, path, status, time — never bodies or query strings (personal data). */
  logRequest?: (line: string) => void;
  /** Longest string and deepest JSON any request may carry (100,000 characters, 32 levels by default). */
  inputLimits?: InputLimits;
  /** Cookie-banner proofs per client address (120 at once, 120 a minute by default: visitors share NAT addresses). */
  cookieProofLimit?: RateLimit;
  /** The widget's configuration per client address (120 at once, 120 a minute by default). */
  widgetConfigLimit?: RateLimit;
  /** The server's public address (PUBLIC_URL), for the absolute URLs of the widget's configuration. */
  publicUrl?: string;
  /** The built cookie widget (widget.js, widget.css); widget/dist by default. */
  widgetDir?: string;
  /** The operator's logo and colour for the web pages (AMANAT_BRAND_LOGO, AMANAT_BRAND_COLOR). */
  branding?: BrandingOptions;
  /** The built web app (AMANAT_WEB_DIR); web/dist of the package by default. */
  webDir?: string;
}

/** A proof is a few hundred bytes: anything over this is not the widget's. */
const COOKIE_PROOF_BODY_LIMIT_BYTES = 8 * 1024;

/** Routes any site's pages call from the browser: answered with CORS *, no credentials. */
const CROSS_ORIGIN_PATHS = [
  WIDGET_CONFIG_PATH,
  COOKIE_PROOF_PATH,
  '/.well-known/gpc.json',
  '/widget.js',
  '/widget.css',
];

/** A refusal by Hono itself (malformed JSON, a body not sent as JSON) as a domain error naming what is expected. */
function frameworkRefusal(error: HTTPException, contentType: string | undefined): DomainError {
  if (error.status === 415) {
    const got = contentType ? `«${contentType}»` : 'не указан / missing';
    return new DomainError(
      ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
      `Тело запроса должно быть JSON с заголовком Content-Type: application/json (получен ${got}). ` +
        'The request body must be JSON sent with Content-Type: application/json.',
      {
        issues: [
          { path: 'content-type', message: `expected application/json, got ${contentType ?? 'none'}` },
        ],
      },
    );
  }
  if (/json/i.test(error.message)) {
    return new DomainError(
      ErrorCodes.BAD_REQUEST,
      'Тело запроса — некорректный JSON / The request body is not valid JSON',
      { issues: [{ path: 'body', message: 'expected a JSON document' }] },
    );
  }
  return new DomainError(ErrorCodes.BAD_REQUEST, error.message);
}

/** A body limit answering 413 in the API's error shape. */
function limitBody(maxBytes: number) {
  const tooLarge = (c: Context) => {
    const { status, body } = domainErrorResponse(
      new DomainError(
        ErrorCodes.PAYLOAD_TOO_LARGE,
        `Тело запроса больше ${maxBytes} байт / Request body over ${maxBytes} bytes`,
      ),
    );
    return c.json(body, status);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c: Context, next: Next) => {
    // A declared length is enough (Node's parser never reads past it) and leaves the request on the Node
    // server's fast body path; only a chunked body is counted as it streams, by Hono's bodyLimit.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    return streamed(c, next);
  };
}

type App = OpenAPIHono<AppEnv>;

/**
 * Middleware for every request, in this order: the request log, no caching, body limits, the public rate
 * limit and the wrong-code limit, the input guard. Registered before every route: Hono runs middleware only
 * for routes added after it.
 */
/**
 * The rate limits' store and the client address rules. Only the limited routes (sign-in, password reset,
 * /api/public/*) reach the store: consent grants and collection never wait on a rate-limit round trip.
 */
function rateLimitOptions(amanat: Amanat, options: HttpOptions): RateLimitOptions {
  return {
    store:
      options.rateLimitStore ??
      (amanat.stores.kind === 'postgres' ? sharedRateLimits(amanat.stores.sql) : memoryRateLimits()),
    trustProxyHeader: options.trustProxyHeader,
    trustedProxyHops: options.trustedProxyHops,
  };
}

function useMiddleware(app: App, options: HttpOptions, limitOptions: RateLimitOptions): void {
  useCrossOrigin(app, options, limitOptions);
  // nosniff and no Referer on every answer; a Content-Security-Policy on every HTML page.
  app.use('*', securityHeaders());
  const logRequest = options.logRequest;
  if (logRequest) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      logRequest(
        `${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`,
      );
    });
  }

  // No answer of the API is kept by a browser or a proxy cache: many carry decrypted personal data (records,
  // consents, requests, reports, letters), and one rule for all cannot miss a new route. Errors included.
  // The widget's configuration is the one exception: public texts the same for everyone, cached briefly.
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.req.path !== WIDGET_CONFIG_PATH) c.header('Cache-Control', 'no-store');
  });

  // E-mails are bigger than API bodies: the mail intake route has its own limit.
  const apiLimit = limitBody(options.bodyLimitBytes);
  const mailLimit = limitBody(options.mailBodyLimitBytes ?? MAIL_BODY_LIMIT_BYTES);
  app.use('/api/*', (c, next) => (c.req.path === MAIL_INTAKE_PATH ? mailLimit(c, next) : apiLimit(c, next)));
  // Anyone can reach the privacy centre and the testimonials: limited per client address.
  // Cookie proofs have a limit of their own (useCrossOrigin).
  const publicLimit = rateLimit('public', options.publicLimit ?? { burst: 30, perMinute: 30 }, limitOptions);
  app.use('/api/public/*', (c, next) => (c.req.path === COOKIE_PROOF_PATH ? next() : publicLimit(c, next)));

  // Wrong codes per client, across requests (each code also dies after its own five wrong attempts).
  const codeFailures = options.publicCodeFailureLimit ?? { burst: 10, perMinute: 2 };
  app.use('/api/public/requests/:requestId/verify', failureLimit('code', codeFailures, limitOptions));
  // Status links are 256-bit tokens; guessing is still limited, per client, like codes.
  // ('/status/*' also matches '/status' itself.)
  app.use('/api/public/requests/status/*', failureLimit('status', codeFailures, limitOptions));
  // A data subject's codes (consent management): asking is limited per client, wrong codes per client too.
  app.use(
    '/api/public/subject/code',
    rateLimit('subject-code', options.subjectCodeLimit ?? { burst: 5, perMinute: 2 }, limitOptions),
  );
  app.use('/api/public/subject/verify', failureLimit('subject-verify', codeFailures, limitOptions));

  // Every text a caller sends: no NUL, no lone surrogate, bounded length and JSON depth (422 naming the field).
  app.use('/api/*', inputGuard(options.inputLimits));
}

/**
 * The cookie banner's routes, called from the operator's site: CORS * (preflights answered here, before any
 * limit), a small body limit for proofs, and a rate limit per client address of their own.
 */
function useCrossOrigin(app: App, options: HttpOptions, limitOptions: RateLimitOptions): void {
  const crossOrigin = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type'],
    exposeHeaders: ['ETag', 'Retry-After'],
    maxAge: 86_400,
  });
  for (const path of CROSS_ORIGIN_PATHS) app.use(path, crossOrigin);
  // The configuration travels with every first page view of the operator's site: gzipped, like the widget's files.
  app.use(WIDGET_CONFIG_PATH, compress({ encoding: 'gzip' }));
  app.use(COOKIE_PROOF_PATH, limitBody(COOKIE_PROOF_BODY_LIMIT_BYTES));
  // Counted in this process's memory even on PostgreSQL: every page view of a busy site may send a proof, and a
  // shared counter is one more write per proof on one row per address. Bench on PostgreSQL, one address: 352
  // proofs/s against 1,472 for a bare INSERT with the shared counter, 1,151 against 1,281 in memory. With several
  // instances the budget is per instance: the limit guards against floods, it is not a quota.
  const banner: RateLimitOptions = { ...limitOptions, store: options.rateLimitStore ?? memoryRateLimits() };
  app.use(
    COOKIE_PROOF_PATH,
    rateLimit('cookie-proof', options.cookieProofLimit ?? { burst: 120, perMinute: 120 }, banner),
  );
  app.use(
    WIDGET_CONFIG_PATH,
    rateLimit('widget-config', options.widgetConfigLimit ?? { burst: 120, perMinute: 120 }, banner),
  );
}

/**
 * Errors through one mapper, and a 404 that points to the API's description — unless a browser asks for a page
 * of the web app (its router reads the path).
 */
function handleErrors(app: App, options: HttpOptions, webPage: (c: Context) => Response | null): void {
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own refusals: a body that is not JSON, or not sent as JSON.
      const { body } = domainErrorResponse(frameworkRefusal(error, c.req.header('content-type')));
      return c.json(body, error.status);
    }
    const { status, body } = mapError(error);
    if (status === 500) options.onUnexpectedError?.(error);
    return c.json(body, status);
  });
  app.notFound((c) => {
    const page = webPage(c);
    if (page) return page;
    const where = `${c.req.method} ${c.req.path}`;
    return c.json(
      {
        error: {
          code: ErrorCodes.NOT_FOUND,
          message:
            `Нет такого адреса: ${where}. API находится под /api, его описание (OpenAPI) — /api/openapi.json. ` +
            `No such address: ${where}. The API is under /api; its description (OpenAPI) is /api/openapi.json.`,
          issues: [{ path: 'path', message: 'no route; see /api/openapi.json for the routes' }],
        },
      },
      404,
    );
  });
}

/** Liveness and the store in use. */
function mountHealthRoute(app: App, amanat: Amanat): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      operationId: 'getHealth',
      security: noAuth,
      tags: ['System'],
      summary: 'Liveness and the store in use (no credentials needed)',
      responses: {
        200: {
          description: 'Healthy',
          content: {
            'application/json': {
              schema: z.object({
                status: z.literal('ok'),
                store: z.enum(['pglite', 'postgres']),
                register: z.object({ operator: z.string(), policyVersion: z.string(), purposes: z.number() }),
                keyCache: z
                  .enum(['own-process', 'listening', 'reconnecting', 'off'])
                  .describe(
                    'Subject-key cache: own-process (embedded store), listening (hears destructions by other ' +
                      'instances), reconnecting (not used until it hears them again), off',
                  ),
              }),
            },
          },
        },
      },
    }),
    async (c) => {
      await amanat.stores.sql.query('SELECT 1');
      const r = amanat.rules.register;
      return c.json(
        {
          status: 'ok' as const,
          store: amanat.stores.kind,
          register: {
            operator: r.operator.name.ru,
            policyVersion: r.policy.version,
            purposes: r.purposes.length,
          },
          keyCache: amanat.keyStore.cacheStatus().state,
        },
        200,
      );
    },
  );
}

/** The loaded processing register. */
function mountRegisterRoute(app: App, amanat: Amanat, auth: AuthOptions): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/register',
      operationId: 'getRegister',
      security: keyOrSession,
      tags: ['Register'],
      summary: 'The loaded processing register (as validated), with validation warnings',
      middleware: [requireScope(auth, 'register:read')] as const,
      responses: {
        200: {
          description: 'The register',
          content: {
            'application/json': {
              schema: z.object({
                source: z.string(),
                warnings: z.array(z.object({ path: z.string(), message: z.string() })),
                register: z.record(z.string(), z.unknown()).openapi({
                  description:
                    'The register document as validated (schema: register.schema.json, `npm run register:json-schema`)',
                }),
              }),
            },
          },
        },
        ...errors(...authErrors),
      },
    }),
    (c) =>
      c.json(
        {
          // The file's name, never the server's absolute path (nor in the warnings' file:line:column).
          source: basename(amanat.rules.sourceFile),
          warnings: amanat.registerWarnings.map((w) => ({
            path: w.path.replace(amanat.rules.sourceFile, basename(amanat.rules.sourceFile)),
            message: w.message,
          })),
          register: amanat.rules.register as unknown as Record<string, unknown>,
        },
        200,
      ),
  );
}

/** Every module's routes, in the order the OpenAPI document lists them. */
function mountModules(
  app: App,
  amanat: Amanat,
  auth: AuthOptions,
  options: HttpOptions,
  limitOptions: RateLimitOptions,
): void {
  mountVaultRoutes(app, amanat, auth);
  mountConsentRoutes(app, amanat, auth);
  mountConsentFormRoutes(app, amanat);
  mountCookieRoutes(app, amanat, auth, {
    publicUrl: options.publicUrl,
    widgetDir: options.widgetDir ?? resolve('widget/dist'),
  });
  mountObligationRoutes(app, amanat, auth);
  mountRetentionRoutes(app, amanat, auth);
  mountRequestRoutes(app, amanat, auth);
  mountMailRoutes(app, amanat, auth);
  mountAuditRoutes(app, amanat, auth);
  mountApiKeyRoutes(app, amanat, auth);
  mountStaffRoutes(app, amanat, auth, {
    secureCookies: options.secureCookies ?? true,
    signInLimit: options.signInLimit ?? { burst: 10, perMinute: 10 },
    limitOptions,
  });
  mountAccessRoutes(app, amanat, auth);
  mountDisclosureRoutes(app, amanat, auth);
  mountPaperRoutes(app, amanat, auth);
  mountPolicyChangeRoutes(app, amanat.policyChanges, auth);
  // The published policy: public pages (/policy, the register's policy.url) and the API over its versions.
  mountPolicyRoutes(app, amanat, auth);
  // The console's front page and the web pages' look.
  mountStatsRoutes(app, amanat, auth);
  mountSystemRoutes(app, amanat, auth, {
    mailPoll: JOB_NAMES.mailPoll,
    retentionSweep: JOB_NAMES.retentionSweep,
  });
  mountBrandingRoutes(app, amanat, options.branding ?? DEFAULT_BRANDING);
  // The privacy centre's verified subjects (their consents).
  mountCentreRoutes(app, amanat, {
    secureCookies: options.secureCookies ?? true,
    limitOptions,
    contactLimit: options.subjectContactLimit ?? { burst: 3, perMinute: 1 },
  });
}

/** The OpenAPI document, with the security schemes the routes name. */
function mountDocs(app: App): void {
  for (const [name, scheme] of Object.entries(securitySchemes)) {
    app.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  }
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Amanat API',
      version: '0.1.0',
      description:
        'Оператор персональных данных: реестр, хранилище субъектов, журнал согласий, аудит. ' +
        'Personal-data operator: register, subject vault, consent journal, audit chain.',
    },
    servers: [{ url: '/', description: 'This server (the API is under /api)' }],
  });
}

export function createHttpApp(amanat: Amanat, options: HttpOptions) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(zodErrorBody(result.error, result.target), 422);
    },
  });
  const auth: AuthOptions = {
    apiKeys: amanat.apiKeys,
    staff: amanat.staff,
    access: amanat.access,
    localAdminToken: options.localAdminToken,
  };
  const limitOptions = rateLimitOptions(amanat, options);
  useMiddleware(app, options, limitOptions);
  const webPage = mountWebApp(app, options.webDir ?? fromPackageRoot('web', 'dist'));
  handleErrors(app, options, webPage);
  mountHealthRoute(app, amanat);
  mountRegisterRoute(app, amanat, auth);
  mountModules(app, amanat, auth, options, limitOptions);
  mountDocs(app);
  return app;
}
