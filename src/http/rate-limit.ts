// Rate limits for the endpoints anyone can reach (sign-in, password reset, the privacy centre, testimonials):
// a token bucket per client address and route group, in this process's memory. Behind a reverse proxy every
// client shares the proxy's address unless TRUST_PROXY names the header the proxy sets.
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

export function clientAddress(c: Context, trustProxyHeader?: string): string {
  if (trustProxyHeader) {
    const forwarded = c.req.header(trustProxyHeader)?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by the Node adapter (e.g. app.request in-process): one shared bucket.
    return 'local';
  }
}

export function rateLimit(
  group: string,
  limit: RateLimit,
  options: { trustProxyHeader?: string; now?: () => number } = {},
): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const now = options.now ?? (() => Date.now());
  return async (c, next) => {
    const key = clientAddress(c, options.trustProxyHeader);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 60_000) * limit.perMinute);
    bucket.at = t;
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil(((1 - bucket.tokens) / limit.perMinute) * 60);
      c.header('Retry-After', String(retryAfter));
      throw new DomainError(
        ErrorCodes.RATE_LIMITED,
        `Слишком много запросов (${group}): повторите через ${retryAfter} с. Too many requests; retry in ${retryAfter} s.`,
        {
          issues: [
            { path: 'rate', message: `at most ${limit.burst} at once, ${limit.perMinute} per minute` },
          ],
        },
      );
    }
    bucket.tokens -= 1;
    if (buckets.size >= MAX_CLIENTS) buckets.clear();
    buckets.set(key, bucket);
    await next();
  };
}
