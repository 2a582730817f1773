// Rate limits for the endpoints anyone can reach (sign-in, password reset, the privacy centre, testimonials):
// a token bucket per client (an address; an IPv6 /64) and route group. The counters live in a RateLimitStore
// (rate-limit-store.ts): in memory on PGlite, in the data store on PostgreSQL, shared by every instance.
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError, ErrorCodes } from '../lib/errors.js';
import { type ClientAddressOptions, clientAddress, clientKey } from './client-address.js';
import { memoryRateLimits, type RateLimit, type RateLimitStore } from './rate-limit-store.js';

export { type ClientAddressOptions, clientAddress } from './client-address.js';
export type { RateLimit, RateLimitStore } from './rate-limit-store.js';

export interface RateLimitOptions extends ClientAddressOptions {
  /** Where the counters live; this middleware's own memory when absent. */
  store?: RateLimitStore;
}

/**
 * Takes one token from the caller's bucket before the route runs (so parallel calls cannot all pass on one
 * token), or answers 429 with Retry-After, naming the limit, when none is left.
 */
function clientBuckets(
  group: string,
  limit: RateLimit,
  options: RateLimitOptions,
  refusal: (retryAfter: number) => { message: string; rule: string },
) {
  const counter = (options.store ?? memoryRateLimits()).counter(group, limit);
  return async (c: Context) => {
    const result = await counter.take(clientKey(clientAddress(c, options)));
    if (!result.taken) {
      const retryAfter = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      c.header('Retry-After', String(retryAfter));
      const { message, rule } = refusal(retryAfter);
      throw new DomainError(ErrorCodes.RATE_LIMITED, message, { issues: [{ path: 'rate', message: rule }] });
    }
    return result;
  };
}

export function rateLimit(
  group: string,
  limit: RateLimit,
  options: RateLimitOptions = {},
): MiddlewareHandler {
  const take = clientBuckets(group, limit, options, (retryAfter) => ({
    message: `Слишком много запросов (${group}): повторите через ${retryAfter} с. Too many requests; retry in ${retryAfter} s.`,
    rule: `at most ${limit.burst} at once, ${limit.perMinute} per minute`,
  }));
  return async (c, next) => {
    await take(c);
    await next();
  };
}

/**
 * A limit on failures per client (wrong codes): each call takes a token, a call that succeeds gives it back, so
 * a client is stopped after `burst` failures, whichever requests they aimed at, and regains `perMinute`. It
 * stops only that client: the subject, elsewhere, is not blocked by a stranger's guesses.
 */
export function failureLimit(
  group: string,
  limit: RateLimit,
  options: RateLimitOptions = {},
): MiddlewareHandler {
  const take = clientBuckets(group, limit, options, (retryAfter) => ({
    message:
      `Слишком много неудачных попыток (${group}): повторите через ${retryAfter} с. ` +
      `Too many failed attempts; retry in ${retryAfter} s.`,
    rule: `at most ${limit.burst} failures, then ${limit.perMinute} per minute`,
  }));
  return async (c, next) => {
    const token = await take(c);
    await next();
    if (c.res.status < 400) await token.giveBack();
  };
}
