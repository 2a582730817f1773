import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DomainError } from '../lib/errors.js';
import { domainErrorResponse } from './error-mapper.js';
import { rateLimit } from './rate-limit.js';

describe('rate limit', () => {
  // The limiter reads the clock itself: the tests move it.
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());
  function app(trustedProxyHops?: number) {
    const hono = new Hono();
    hono.onError((error, c) => {
      const { status, body } = domainErrorResponse(error as DomainError);
      return c.json(body, status);
    });
    hono.use(
      '/limited/*',
      rateLimit(
        'test',
        { burst: 3, perMinute: 6 },
        { trustProxyHeader: 'x-forwarded-for', trustedProxyHops },
      ),
    );
    hono.get('/limited/x', (c) => c.text('ok'));
    return hono;
  }
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  it('allows the burst, then answers 429 with Retry-After, per client, and refills with time', async () => {
    const hono = app();
    for (let i = 0; i < 3; i++)
      expect((await hono.request('/limited/x', from('203.0.113.1'))).status).toBe(200);
    const refused = await hono.request('/limited/x', from('203.0.113.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another client has its own bucket.
    expect((await hono.request('/limited/x', from('203.0.113.2'))).status).toBe(200);
    vi.setSystemTime(Date.now() + 10_000);
    expect((await hono.request('/limited/x', from('203.0.113.1'))).status).toBe(200);
    expect((await hono.request('/limited/x', from('203.0.113.1'))).status).toBe(429);
  });

  it('takes the address the trusted proxy appended: a forged leftmost X-Forwarded-For does not escape the limit', async () => {
    const hono = app();
    // The client writes its own X-Forwarded-For; the proxy appends the address it saw (203.0.113.9).
    for (let i = 0; i < 3; i++)
      expect((await hono.request('/limited/x', from(`198.51.100.${i}, 203.0.113.9`))).status).toBe(200);
    expect((await hono.request('/limited/x', from('198.51.100.77, 203.0.113.9'))).status).toBe(429);
    expect((await hono.request('/limited/x', from('203.0.113.9'))).status).toBe(429);
    // Another client behind the same proxy has its own bucket.
    expect((await hono.request('/limited/x', from('203.0.113.9, 203.0.113.10'))).status).toBe(200);
  });

  it('with two trusted proxies (TRUSTED_PROXY_HOPS=2) the client is the second entry from the right', async () => {
    const hono = app(2);
    // client-written, client as seen by the outer proxy, outer proxy as seen by the inner one
    for (let i = 0; i < 3; i++)
      expect((await hono.request('/limited/x', from(`10.9.9.${i}, 203.0.113.9, 192.0.2.1`))).status).toBe(
        200,
      );
    expect((await hono.request('/limited/x', from('10.9.9.99, 203.0.113.9, 192.0.2.1'))).status).toBe(429);
    expect((await hono.request('/limited/x', from('203.0.113.8, 192.0.2.1'))).status).toBe(200);
  });
});
