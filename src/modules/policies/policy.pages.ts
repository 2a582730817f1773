// The published policy as pages anyone may read (no credentials): /policy (the version in force: the latest, or
// on ?at=YYYY-MM-DD), /policy/{version}, each ?lang=ru|kk|en and ?format=html|pdf, and the PDF at the path of
// the register's policy.url (https://nextbot.kz/privacy_KZ.pdf → /privacy_KZ.pdf). Versions never change, so
// their bytes are kept in memory by version, document and language, and answered with their SHA-256 as ETag.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Amanat } from '../../app/amanat.js';
import type { AppEnv } from '../../http/auth.js';
import { dateProblem } from '../../http/openapi-common.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { type Lang, langs } from '../register/register.retention.js';
import { POLICY_HTML, POLICY_PDF } from './policy.documents.js';
import type { PolicyService, PolicyVersionSummary } from './policy.service.js';

type Bytes = { bytes: Buffer; sha256: string; mediaType: string };
const CACHE_ENTRIES = 600;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

function badQuery(field: string, message: string): DomainError {
  return new DomainError(
    ErrorCodes.BAD_REQUEST,
    `Параметр запроса «${field}»: ${message}. Query parameter "${field}": ${message}.`,
    { issues: [{ path: field, message }] },
  );
}

/** The page's language and format from the query string, or a 400 naming the parameter. */
export function pageQuery(c: Context, defaultFormat: 'html' | 'pdf') {
  const lang = c.req.query('lang') ?? 'ru';
  if (!(langs as readonly string[]).includes(lang)) {
    throw badQuery('lang', `ожидается ru, kk или en / expected ru, kk or en, got '${lang.slice(0, 20)}'`);
  }
  const format = c.req.query('format') ?? defaultFormat;
  if (format !== 'html' && format !== 'pdf') {
    throw badQuery('format', `ожидается html или pdf / expected html or pdf, got '${format.slice(0, 20)}'`);
  }
  const at = c.req.query('at');
  if (at !== undefined) {
    const problem = dateProblem(at, { date: true, instant: false, past: false });
    if (problem) throw badQuery('at', problem);
  }
  return { lang: lang as Lang, format: format as 'html' | 'pdf', at };
}

export async function unknownVersion(policies: PolicyService, version: string): Promise<DomainError> {
  const known = (await policies.list()).map((v) => v.id);
  const listed = known.length > 0 ? known.join(', ') : 'нет / none';
  return new DomainError(
    ErrorCodes.NOT_FOUND,
    `Редакция политики «${version}» не опубликована. Опубликованные редакции: ${listed}. ` +
      `Policy version "${version}" is not published. Published versions: ${listed}.`,
    { issues: [{ path: 'version', message: `no published version '${version}'; known: ${listed}` }] },
  );
}

function noneInForce(at: string | undefined): DomainError {
  const message = at
    ? `На ${at} ни одна редакция политики ещё не была опубликована. No policy version was in force on ${at}.`
    : 'Политика ещё не опубликована (amanat policy publish). No policy version is published yet.';
  return new DomainError(ErrorCodes.NOT_FOUND, message, {
    issues: [
      {
        path: at ? 'at' : 'version',
        message: at ? `nothing published on or before ${at}` : 'none published',
      },
    ],
  });
}

export function createPolicyPages(policies: PolicyService) {
  const cache = new Map<string, Bytes>();

  async function bytesOf(version: string, name: string, lang: Lang): Promise<Bytes | null> {
    const key = `${version}\u0000${name}\u0000${lang}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const found = await policies.document(version, name, lang);
    if (!found) return null;
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
    return found;
  }

  /** The document's bytes with ETag and Cache-Control; 304 when the browser holds them already. */
  async function answer(
    c: Context,
    version: PolicyVersionSummary,
    query: { lang: Lang; format: 'html' | 'pdf' },
    cacheControl: string,
    fileName?: string,
  ): Promise<Response> {
    const name = query.format === 'pdf' ? POLICY_PDF : POLICY_HTML;
    const doc = await bytesOf(version.id, name, query.lang);
    if (!doc) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        `В редакции «${version.id}» нет документа ${name} (${query.lang}). Version "${version.id}" has no ${name} (${query.lang}).`,
        { issues: [{ path: 'lang', message: `no ${name} in ${query.lang} for version '${version.id}'` }] },
      );
    }
    const etag = `"${doc.sha256}"`;
    const headers: Record<string, string> = {
      etag,
      'cache-control': cacheControl,
      'content-language': query.lang,
      'x-policy-version': encodeURIComponent(version.id),
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    headers['content-type'] = doc.mediaType;
    if (query.format === 'pdf') {
      const file = fileName ?? `policy-${version.id}-${query.lang}.pdf`;
      headers['content-disposition'] = `inline; filename="${file.replace(/[^\w.-]/g, '_')}"`;
    }
    return c.body(new Uint8Array(doc.bytes), 200, headers);
  }

  /** GET /policy: the version in force today (the latest) or on ?at=. */
  async function current(c: Context, defaultFormat: 'html' | 'pdf', fileName?: string) {
    const query = pageQuery(c, defaultFormat);
    const version = query.at ? await policies.summary({ at: query.at }) : await policies.latestSummary();
    if (!version) throw noneInForce(query.at);
    return answer(c, version, query, REVALIDATE, fileName);
  }

  /** GET /policy/{version}. */
  async function byId(c: Context, id: string) {
    const query = pageQuery(c, 'html');
    const version = await policies.summary({ id });
    if (!version) throw await unknownVersion(policies, id);
    return answer(c, version, query, IMMUTABLE);
  }

  return { current, byId };
}

/** The path part of the register's policy.url, when it is one this server can answer at (not /api, not /policy). */
export function policyPdfPath(url: string | undefined): string | null {
  if (!url) return null;
  const path = new URL(url).pathname;
  if (path === '/' || path.startsWith('/api/') || path === '/policy' || path.startsWith('/policy/'))
    return null;
  return path;
}

export function mountPolicyPages(app: OpenAPIHono<AppEnv>, amanat: Amanat): void {
  const pages = createPolicyPages(amanat.policies);
  app.get('/policy', (c) => pages.current(c, 'html'));
  app.get('/policy/:version', (c) => pages.byId(c, c.req.param('version')));
  const pdfPath = policyPdfPath(amanat.rules.register.policy.url);
  if (pdfPath) {
    const fileName = pdfPath.slice(pdfPath.lastIndexOf('/') + 1);
    app.get(pdfPath, (c) => pages.current(c, 'pdf', fileName));
  }
}
