// Rate limits that hold, on PGlite (counters in memory) and PostgreSQL (counters in the
// rate_limits table): a spray of addresses does not reset a locked-out client, two instances on one database
// share one budget, and an IPv6 client is one /64. The limiter is called directly (the HTTP layer is tested in
// src/http/rate-limit.test.ts): 60,000 HTTP requests would test nothing more.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStores, type Stores } from '../src/db/database.js';
import { clientKey } from '../src/http/client-address.js';
import {
  type LimitCounter,
  memoryRateLimits,
  type RateLimit,
  type RateLimitStore,
  sharedRateLimits,
} from '../src/http/rate-limit-store.js';
import { openTestStores, storeKinds, type TestStores } from './support/stores.js';

const SIGN_IN: RateLimit = { burst: 10, perMinute: 10 }; // the default sign-in limit
const taken = async (counter: LimitCounter, address: string) =>
  (await counter.take(clientKey(address))).taken;

/** 60,000 distinct IPv4 addresses, a few at a time (the PostgreSQL pool has 4 connections). */
async function spray(counter: LimitCounter, count: number): Promise<void> {
  const parallel = 16;
  for (let start = 0; start < count; start += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, count - start) }, (_, i) => {
        const n = start + i;
        return counter.take(`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
      }),
    );
  }
}

describe.each(storeKinds())('rate limits on %s', (kind) => {
  let test: TestStores;
  let limits: RateLimitStore;
  beforeAll(async () => {
    test = await openTestStores(kind);
    limits = kind === 'postgres' ? sharedRateLimits(test.stores.sql) : memoryRateLimits();
  });
  afterAll(() => test?.close());

  // The clock stands still (the limiter's Date and the memory store's expiry timers): a slow spray must not let a
  // window end, which would give the locked-out address its tokens back as the limit says it should.
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => void vi.useRealTimers());

  it('spraying 60,000 addresses does not reset a locked-out address (sign-in limit)', async () => {
    const signIn = limits.counter('sign-in', SIGN_IN);
    for (let i = 0; i < SIGN_IN.burst; i++) expect(await taken(signIn, '203.0.113.7')).toBe(true);
    expect(await taken(signIn, '203.0.113.7')).toBe(false);
    if (kind === 'pglite') await spray(signIn, 60_000);
    else {
      // One round trip per take (~600 a second here) would make this a minute-long test: the table gets the
      // 60,000 clients' counters in one statement, and a thousand more go through the limiter.
      await test.stores.sql.query(
        `INSERT INTO rate_limits (key, points, expire)
         SELECT 'sign-in:10/10:steady:10.9.' || (n / 256) || '.' || (n % 256), 1, $1 FROM generate_series(0, 59999) n`,
        [Date.now() + 6_000],
      );
      await spray(signIn, 1_000);
    }
    expect(await taken(signIn, '203.0.113.7')).toBe(false);
    // The sprayed addresses each took one token of their own, nothing more.
    expect(await taken(signIn, '10.0.0.1')).toBe(true);
  }, 60_000);

  it('two IPv6 addresses in one /64 share a bucket; in different /64s they do not', async () => {
    const limit = limits.counter('ipv6', { burst: 2, perMinute: 1 });
    expect(await taken(limit, '2001:db8:1:2::1')).toBe(true);
    expect(await taken(limit, '2001:db8:1:2:ffff:ffff:ffff:9')).toBe(true);
    expect(await taken(limit, '2001:db8:1:2:abcd::42')).toBe(false);
    expect(await taken(limit, '2001:db8:1:3::1')).toBe(true);
    // An IPv4 client reported by a dual-stack socket is its IPv4 address, not the ::ffff:0:0/96 /64.
    expect(await taken(limit, '::ffff:198.51.100.1')).toBe(true);
    expect(await taken(limit, '198.51.100.1')).toBe(true);
    expect(await taken(limit, '::ffff:198.51.100.1')).toBe(false);
    expect(await taken(limit, '::ffff:198.51.100.2')).toBe(true);
  });

  it.runIf(kind === 'postgres')('two instances on one database share one budget', async () => {
    if (!test.urls) throw new Error('PostgreSQL expected');
    const second: Stores = await openStores({
      kind: 'postgres',
      dataUrl: test.urls.data,
      keyStoreUrl: test.urls.keys,
      poolSize: 2,
    });
    try {
      const first = sharedRateLimits(test.stores.sql).counter('shared', SIGN_IN);
      const other = sharedRateLimits(second.sql).counter('shared', SIGN_IN);
      for (let i = 0; i < SIGN_IN.burst; i++)
        expect(await taken(i % 2 === 0 ? first : other, '203.0.113.50')).toBe(true);
      expect(await taken(first, '203.0.113.50')).toBe(false);
      expect(await taken(other, '203.0.113.50')).toBe(false);
    } finally {
      await second.close();
    }
  });
});

describe('rate limits in memory, over their cap', () => {
  it('forget the oldest clients one at a time, never all, and keep a locked-out one', async () => {
    const limits = memoryRateLimits({ maxClients: 100 });
    const strict = limits.counter('strict', { burst: 1, perMinute: 1 });
    const locking = limits.counter('locking', { burst: 3, perMinute: 1 });
    expect(await taken(strict, '203.0.113.1')).toBe(true);
    expect(await taken(strict, '203.0.113.1')).toBe(false);
    for (let i = 0; i < 3; i++) expect(await taken(locking, '203.0.113.2')).toBe(true);
    expect(await taken(locking, '203.0.113.2')).toBe(false);
    await spray(strict, 150);
    await spray(locking, 1_000);
    // The oldest, which had not dipped into a burst, is forgotten; the latest sprayed are still counted.
    expect(await taken(strict, '203.0.113.1')).toBe(true);
    expect(await taken(strict, '10.0.0.149')).toBe(false);
    // A client that spent its burst is passed over while older ones can go.
    expect(await taken(locking, '203.0.113.2')).toBe(false);
  });
});

describe('client key', () => {
  it('is an IPv4 address as it is, an IPv6 /64, a mapped IPv4 address as IPv4', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:0db8:0000:0000:ffff::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('[2001:db8:aa:bb:cc::1]')).toBe('2001:db8:aa:bb::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:cb00:7109')).toBe('203.0.113.9');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('local')).toBe('local');
    expect(clientKey('x'.repeat(500))).toHaveLength(100);
  });
});
