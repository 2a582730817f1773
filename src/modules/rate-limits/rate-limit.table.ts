import { doublePrecision, integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters shared by every instance on one PostgreSQL database (src/http/rate-limit-store.ts): the
 * shape rate-limiter-flexible's RateLimiterPostgres reads and writes, created here by a migration so the library
 * never creates tables at run time. Unused on PGlite (one process: its counters stay in memory). A key is a
 * limit and a client (an address, an IPv6 /64), never a person's data.
 */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  /** Points taken in the current window. */
  points: integer('points').notNull().default(0),
  /** When the window ends, milliseconds since 1970 (fractional: a window may be 60/7 s long). */
  expire: doublePrecision('expire'),
});
