// Rate limits for the endpoints anyone can reach (sign-in, password reset, the privacy centre, testimonials):
// a token bucket per client address and route group, in this process's memory. Behind a reverse proxy every
// client shares the proxy's address unless TRUST_PROXY_HEADER names the header the proxy sets. That header is a
// list the client starts (it may send any X-Forwarded-For it likes) and each proxy appends to: the address is
// the one the trusted proxies appended, TRUSTED_PROXY_HOPS entries from the right (1: the rightmost).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError, ErrorCodes } from '../lib/errors.js';

export interface RateLimit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Requests regained per minute. */
  perMinute: number;
}

const MAX_CLIENTS = 50_000;

export interface ClientAddressOptions {
  /** The header a trusted reverse proxy appends the client's address to, e.g. x-forwarded-for. */
  trustProxyHeader?: string;
  /** How many trusted proxies append to that header (1 by default): the address is that many from the right. */
  trustedProxyHops?: number;
}

export function clientAddress(c: Context, options: ClientAddressOptions = {}): string {
  if (options.trustProxyHeader) {
    const entries = (c.req.header(options.trustProxyHeader) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // Fewer entries than hops: the request passed fewer proxies than configured; the leftmost is the best known.
    const forwarded = entries[Math.max(0, entries.length - (options.trustedProxyHops ?? 1))];
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by the Node adapter (e.g. app.request in-process): one shared bucket.
    return 'local';
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client address: `take` refills the caller's bucket for the time passed and takes one token,
 * or answers 429 (naming the limit) when none is left. The token is taken before the route runs, so parallel
 * calls cannot all pass on one token.
 */
function clientBuckets(
  limit: RateLimit,
  options: ClientAddressOptions & { now?: () => number },
  refusal: (retryAfter: number) => { message: string; rule: string },
) {
  const buckets = new Map<string, Bucket>();
  const now = options.now ?? (() => Date.now());
  return (c: Context): Bucket => {
    const key = clientAddress(c, options);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 60_000) * limit.perMinute);
    bucket.at = t;
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil(((1 - bucket.tokens) / limit.perMinute) * 60);
      c.header('Retry-After', String(retryAfter));
      const { message, rule } = refusal(retryAfter);
      throw new DomainError(ErrorCodes.RATE_LIMITED, message, { issues: [{ path: 'rate', message: rule }] });
    }
    bucket.tokens -= 1;
    if (buckets.size >= MAX_CLIENTS) buckets.clear();
    buckets.set(key, bucket);
    return bucket;
  };
}

export function rateLimit(
  group: string,
  limit: RateLimit,
  options: ClientAddressOptions & { now?: () => number } = {},
): MiddlewareHandler {
  const take = clientBuckets(limit, options, (retryAfter) => ({
    message: `Слишком много запросов (${group}): повторите через ${retryAfter} с. Too many requests; retry in ${retryAfter} s.`,
    rule: `at most ${limit.burst} at once, ${limit.perMinute} per minute`,
  }));
  return async (c, next) => {
    take(c);
    await next();
  };
}

/**
 * A limit on failures per client address (wrong codes): each call takes a token, a call that succeeds gives it
 * back, so a client is stopped after `burst` failures, whichever requests they aimed at, and regains `perMinute`.
 * It stops only that client: the subject, elsewhere, is not blocked by a stranger's guesses.
 */
export function failureLimit(
  group: string,
  limit: RateLimit,
  options: ClientAddressOptions & { now?: () => number } = {},
): MiddlewareHandler {
  const take = clientBuckets(limit, options, (retryAfter) => ({
    message:
      `Слишком много неудачных попыток (${group}): повторите через ${retryAfter} с. ` +
      `Too many failed attempts; retry in ${retryAfter} s.`,
    rule: `at most ${limit.burst} failures, then ${limit.perMinute} per minute`,
  }));
  return async (c, next) => {
    const bucket = take(c);
    await next();
    if (c.res.status < 400) bucket.tokens = Math.min(limit.burst, bucket.tokens + 1);
  };
}
