import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../lib/errors.js';
import { domainErrorResponse } from './error-mapper.js';
import { rateLimit } from './rate-limit.js';

describe('rate limit', () => {
  function app(now: () => number) {
    const hono = new Hono();
    hono.onError((error, c) => {
      const { status, body } = domainErrorResponse(error as DomainError);
      return c.json(body, status);
    });
    hono.use(
      '/limited/*',
      rateLimit('test', { burst: 3, perMinute: 6 }, { now, trustProxyHeader: 'x-forwarded-for' }),
    );
    hono.get('/limited/x', (c) => c.text('ok'));
    return hono;
  }
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  it('allows the burst, then answers 429 with Retry-After, per client, and refills with time', async () => {
    let t = 0;
    const hono = app(() => t);
    for (let i = 0; i < 3; i++)
      expect((await hono.request('/limited/x', from('203.0.113.1'))).status).toBe(200);
    const refused = await hono.request('/limited/x', from('203.0.113.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another client has its own bucket.
    expect((await hono.request('/limited/x', from('203.0.113.2'))).status).toBe(200);
    t += 10_000;
    expect((await hono.request('/limited/x', from('203.0.113.1'))).status).toBe(200);
    expect((await hono.request('/limited/x', from('203.0.113.1'))).status).toBe(429);
  });
});
