// Headers every answer carries: no MIME sniffing, no Referer sent from our pages, and a Content-Security-Policy
// without 'unsafe-inline' on every HTML page. The web app's pages set their own (a nonce per answer, web-app.ts);
// any other page — the published policy, a consent form — gets one naming the SHA-256 of each inline style it
// holds. Those documents are stored as published (self-contained, their styles inline, never changed), so the
// policy is computed from their bytes instead of changing them.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The policy of a server-rendered page: nothing but its own inline styles (by hash) and images. */
export function documentCsp(html: string): string {
  const blocks = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => hash(m[1]!));
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => hash(decodeAttribute(m[1]!)));
  const styles = [...new Set(blocks), ...(attributes.length > 0 ? ["'unsafe-hashes'"] : [])];
  styles.push(...new Set(attributes));
  return [
    "default-src 'none'",
    styles.length > 0 ? `style-src ${styles.join(' ')}` : null,
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ]
    .filter(Boolean)
    .join('; ');
}

const CACHE_ENTRIES = 200;

export function securityHeaders(): MiddlewareHandler {
  // Policy pages answer with an ETag (their SHA-256): their policy is computed once.
  const byEtag = new Map<string, string>();
  return async (c, next) => {
    await next();
    try {
      c.res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      // An answer whose headers cannot be changed (one passed through from fetch): copied into a new one.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('x-content-type-options', 'nosniff');
    }
    const headers = c.res.headers;
    headers.set('referrer-policy', 'no-referrer');
    const type = headers.get('content-type') ?? '';
    if (!type.startsWith('text/html') || headers.has('content-security-policy')) return;
    const etag = headers.get('etag');
    let csp = etag ? byEtag.get(etag) : undefined;
    if (!csp) {
      csp = documentCsp(await c.res.clone().text());
      if (etag) {
        if (byEtag.size >= CACHE_ENTRIES) byEtag.delete(byEtag.keys().next().value!);
        byEtag.set(etag, csp);
      }
    }
    // Read again: reading a copy of the body may have replaced the answer's header object (@hono/node-server).
    c.res.headers.set('content-security-policy', csp);
  };
}
