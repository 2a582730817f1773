// Where rate-limit counters live: in this process's memory (PGlite: one process owns the store), or in the data
// store's rate_limits table (PostgreSQL: every instance counts in the same rows, so several instances share one
// budget instead of each allowing the full rate). The counting itself is rate-limiter-flexible's.
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Sql } from '../db/database.js';

export interface RateLimit {
  /** Requests allowed in a burst. */
  burst: number;
  /** Requests regained per minute. */
  perMinute: number;
}

export type Taken =
  | {
      taken: true /** Gives the token back (a call that succeeded, for a limit on failures). */;
      giveBack(): Promise<void>;
    }
  | { taken: false; msBeforeNext: number };

/** One limit's counters, per client key. */
export interface LimitCounter {
  take(key: string): Promise<Taken>;
}

export interface RateLimitStore {
  counter(group: string, limit: RateLimit): LimitCounter;
}

interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * A token bucket (burst B, r per minute) from two fixed-window limiters, the library's bursty scheme: a steady
 * pool of one request every 60/r s, and a burst pool of B - 1 taken from only when the steady one is spent. The
 * burst pool refills after B·(B - 1)·60/r s, so a client that uses it sustains at most r·(1 + 1/B) per minute
 * (a burst pool refilling every (B - 1)·60/r s would let it sustain 2r). The limit's numbers are in the key
 * prefix: two limits on one group never share counters.
 */
function tokenBucket(
  make: (options: LimiterOptions) => RateLimiterAbstract,
  group: string,
  limit: RateLimit,
) {
  const stepSeconds = 60 / limit.perMinute;
  const prefix = `${group}:${limit.burst}/${limit.perMinute}`;
  const steady = make({ keyPrefix: `${prefix}:steady`, points: 1, duration: stepSeconds });
  const extra =
    limit.burst > 1
      ? make({
          keyPrefix: `${prefix}:burst`,
          points: limit.burst - 1,
          duration: limit.burst * (limit.burst - 1) * stepSeconds,
        })
      : undefined;
  // A token given back after its window ended would count below zero in the next one: given back only before.
  const taken = (pool: RateLimiterAbstract, key: string, res: RateLimiterRes): Taken => {
    const until = Date.now() + res.msBeforeNext;
    return { taken: true, giveBack: async () => void (Date.now() < until && (await pool.reward(key))) };
  };
  const refusedBy = (rejection: unknown): RateLimiterRes => {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection; // the store failed: an error, not a refusal
  };
  return {
    pools: extra ? [steady, extra] : [steady],
    async take(key: string): Promise<Taken & { fromBurst: boolean; burstMs: number }> {
      let steadyRefusal: RateLimiterRes;
      try {
        return { ...taken(steady, key, await steady.consume(key)), fromBurst: false, burstMs: 0 };
      } catch (rejection) {
        steadyRefusal = refusedBy(rejection);
      }
      if (!extra)
        return { taken: false, msBeforeNext: steadyRefusal.msBeforeNext, fromBurst: false, burstMs: 0 };
      try {
        const res = await extra.consume(key);
        return { ...taken(extra, key, res), fromBurst: true, burstMs: res.msBeforeNext };
      } catch (rejection) {
        const res = refusedBy(rejection);
        const msBeforeNext = Math.min(steadyRefusal.msBeforeNext, res.msBeforeNext);
        return { taken: false, msBeforeNext, fromBurst: true, burstMs: res.msBeforeNext };
      }
    },
  };
}

// Clients remembered per limit in memory before the oldest are forgotten.
const MAX_CLIENTS = 50_000;
// Oldest entries looked at for one that may be forgotten, before one that should be kept goes anyway.
const EVICTION_SCAN = 8;

/**
 * Counters in this process's memory, at most maxClients per limit. Over it, the least recently seen client is
 * forgotten (never all: clearing everything let a spray of addresses reset every limit, a locked-out one
 * included), and a client that has dipped into its burst pool is passed over while that pool is spent, as long
 * as an older one may go instead: forgetting it would hand a locked-out client a fresh burst.
 */
export function memoryRateLimits(options: { maxClients?: number } = {}): RateLimitStore {
  const maxClients = options.maxClients ?? MAX_CLIENTS;
  return {
    counter(group, limit) {
      const bucket = tokenBucket((o) => new RateLimiterMemory(o), group, limit);
      // Insertion order is recency: a client seen again is moved to the end. Value: until when to keep it.
      const seen = new Map<string, number>();
      const forget = (key: string) => {
        seen.delete(key);
        for (const pool of bucket.pools) void pool.delete(key);
      };
      const evictOne = () => {
        const now = Date.now();
        let scanned = 0;
        for (const [key, keepUntil] of seen) {
          if (keepUntil <= now || ++scanned > EVICTION_SCAN) return forget(key);
          seen.delete(key); // passed over: to the end, kept
          seen.set(key, keepUntil);
        }
      };
      return {
        async take(key) {
          const result = await bucket.take(key);
          const keepUntil = result.fromBurst ? Date.now() + result.burstMs : (seen.get(key) ?? 0);
          seen.delete(key);
          seen.set(key, keepUntil);
          if (seen.size > maxClients) evictOne();
          return result;
        },
      };
    },
  };
}

/**
 * Counters in the data store's rate_limits table (migration 0008; the library is told the table exists and
 * never creates it), shared by every instance on that database: one round trip per limited request (two when
 * the steady pool is spent). Expired rows are deleted by the library every five minutes.
 */
export function sharedRateLimits(sql: Sql): RateLimitStore {
  // The library speaks to a node-postgres-like client: { name?, text, values } in, { rows, rowCount } out.
  const storeClient = {
    async query(q: { name?: string; text: string; values?: unknown[] }) {
      const rows = await sql.query(q.text, q.values, { prepare: q.name !== undefined });
      return { rows, rowCount: rows.length };
    },
  };
  return {
    counter(group, limit) {
      const make = (o: LimiterOptions) =>
        new RateLimiterPostgres({
          ...o,
          storeClient,
          storeType: 'client',
          tableName: 'rate_limits',
          tableCreated: true,
        });
      const bucket = tokenBucket(make, group, limit);
      return { take: (key) => bucket.take(key) };
    },
  };
}
