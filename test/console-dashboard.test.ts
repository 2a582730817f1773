// The console's front page: the counts behind its charts (GET /api/stats), the machinery's state
// (GET /api/system/status) and the web pages' branding (GET /api/public/branding, /branding/logo).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createHttpApp } from '../src/http/app.js';
import { type RunningJobs, startJobs } from '../src/jobs/jobs.js';
import { isDomainError } from '../src/lib/errors.js';
import { safeMessage } from '../src/modules/system/system-status.js';
import { createTestApi, type TestApi } from './support/api.js';
import { grantConsent, storeKinds } from './support/stores.js';

// Thursday 12 March 2026, 11:00 in Almaty (UTC+5); the tests move it forward only (the access list starts today).
let now = new Date('2026-03-12T06:00:00Z');
const clock = () => now;

describe.each(storeKinds())('console front page on %s', (kind) => {
  let t: TestApi;

  beforeAll(async () => {
    now = new Date('2026-03-12T06:00:00Z');
    t = await createTestApi(kind, { clock });
  });
  afterAll(async () => t?.close());

  it('stats: requests per week with the answered and on-time counts, consents per purpose, values destroyed', async () => {
    // A request of last week answered this week on time, and two received this week.
    const old = await t.call('POST', '/api/requests', {
      body: { type: 'information', channel: 'web', contact: { email: 'one@example.kz' } },
    });
    expect(old.status).toBe(201);
    now = new Date('2026-03-17T06:00:00Z');
    const refused = await t.call('POST', `/api/requests/${old.body.id}/refuse`, {
      body: { reason: 'Запрос не позволяет установить субъекта' },
    });
    expect(refused.status).toBe(200);
    for (const email of ['two@example.kz', 'three@example.kz']) {
      const filed = await t.call('POST', '/api/requests', {
        body: { type: 'access', channel: 'web', contact: { email } },
      });
      expect(filed.status).toBe(201);
    }
    // Two consents to the mailing purpose, one withdrawn.
    const mailing = t.purposeId(8);
    for (const email of ['c1@example.kz', 'c2@example.kz']) {
      const { subjectId } = await t.amanat.vault.ensureSubject('test', { email });
      await grantConsent(t.amanat, subjectId, mailing);
      if (email === 'c2@example.kz')
        await t.amanat.consents.withdraw('test', subjectId, {
          purpose: mailing,
          kind: 'processing',
          channel: 'web',
        });
    }
    // A sweep finished in February (the act's tally), and one still running (not counted).
    await t.stores.sql.query(
      `INSERT INTO retention_runs (id, trigger, instance, as_of, started_at, finished_at, status, values_destroyed)
       VALUES ($1, 'schedule', 'test', $3, $3, $3, 'completed', 17), ($2, 'schedule', 'test', $4, $4, NULL, 'running', 99)`,
      [randomUUID(), randomUUID(), new Date('2026-02-10T21:00:00Z'), new Date('2026-03-18T05:00:00Z')],
    );

    now = new Date('2026-03-18T06:00:00Z');
    const stats = await t.call('GET', '/api/stats?weeks=6');
    expect(stats.status).toBe(200);
    expect(stats.body.requestsPerWeek).toEqual([
      { week: '2026-02-09', received: 0, answered: 0, onTime: 0 },
      { week: '2026-02-16', received: 0, answered: 0, onTime: 0 },
      { week: '2026-02-23', received: 0, answered: 0, onTime: 0 },
      { week: '2026-03-02', received: 0, answered: 0, onTime: 0 },
      { week: '2026-03-09', received: 1, answered: 0, onTime: 0 },
      { week: '2026-03-16', received: 2, answered: 1, onTime: 1 },
    ]);
    expect(stats.body.destroyedPerMonth).toEqual([
      { month: '2026-02', values: 17 },
      { month: '2026-03', values: 0 },
    ]);
    const perPurpose = stats.body.consentsPerPurpose as { purposeId: string }[];
    expect(perPurpose).toHaveLength(t.amanat.rules.purposes().length);
    expect(perPurpose.find((p) => p.purposeId === mailing)).toEqual({
      purposeId: mailing,
      granted: 1,
      withdrawn: 1,
    });
    // Twelve weeks by default.
    expect((await t.call('GET', '/api/stats')).body.requestsPerWeek).toHaveLength(12);
  });

  it('stats: a wrong number of weeks is named and refused', async () => {
    for (const weeks of ['0', '105', 'abc', '2.5']) {
      const bad = await t.call('GET', `/api/stats?weeks=${weeks}`);
      expect(bad.status).toBe(422);
      expect(bad.body.error.issues[0].path).toBe('weeks');
    }
  });

  it('system status: no scheduler yet, then pg-boss’s own record of failures and the next sweep', async () => {
    const before = await t.call('GET', '/api/system/status');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      mailPoller: { configured: false, lastPollAt: null, lastError: null },
      jobs: null,
      nextSweepAt: null,
      auditChain: { ok: true, checkedAt: now.toISOString() },
    });
    expect(before.body.auditChain.entries).toBeGreaterThan(5);

    let jobs: RunningJobs | undefined;
    try {
      jobs = await startJobs(t.amanat, {
        digestCron: '0 9 * * *',
        mailPollCron: '* * * * *',
        retentionSweepCron: '30 2 * * *',
        log: () => {},
      });
      // A job that fails with a message naming an address and a phone: the status shows neither.
      await jobs.boss.createQueue('status-test', { name: 'status-test', retryLimit: 0 });
      await jobs.boss.work('status-test', async () => {
        throw new Error('mailbox of aigerim@example.kz refused, call +7 701 123 45 67');
      });
      const id = await jobs.boss.send('status-test', {});
      for (let i = 0; i < 200; i++) {
        if ((await jobs.boss.getJobById('status-test', id!))?.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const after = await t.call('GET', '/api/system/status');
      expect(after.body.jobs).toMatchObject({
        failed: 1,
        lastFailure: { job: 'status-test', message: 'mailbox of ***@*** refused, call ***' },
      });
      // 02:30 in Almaty after 11:00 on 18 March: 19 March 02:30 (+05:00).
      expect(after.body.nextSweepAt).toBe('2026-03-18T21:30:00.000Z');
      // The chain's verdict is reused for ten minutes, then walked again.
      now = new Date('2026-03-18T06:05:00Z');
      expect((await t.call('GET', '/api/system/status')).body.auditChain.checkedAt).toBe(
        '2026-03-18T06:00:00.000Z',
      );
      now = new Date('2026-03-18T06:11:00Z');
      expect((await t.call('GET', '/api/system/status')).body.auditChain.checkedAt).toBe(
        '2026-03-18T06:11:00.000Z',
      );
    } finally {
      await jobs?.stop();
      now = new Date('2026-03-18T06:00:00Z');
    }
  }, 60_000);

  it('branding: the register’s name, the default colour, no logo; then a configured logo', async () => {
    const plain = await t.call('GET', '/api/public/branding', { token: null });
    expect(plain.status).toBe(200);
    const name = t.amanat.rules.register.operator.name;
    expect(plain.body).toEqual({
      operatorName: { ru: name.ru, kk: name.kk ?? name.ru, en: name.en ?? name.ru },
      logoUrl: null,
      primaryColor: '#1c7ed6',
    });
    const none = await t.app.request('/branding/logo');
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe(
      'AMANAT_BRAND_LOGO',
    );

    const dir = mkdtempSync(join(tmpdir(), 'amanat-logo-'));
    try {
      const logoFile = join(dir, 'logo.svg');
      writeFileSync(logoFile, '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
      const app = createHttpApp(t.amanat, {
        bodyLimitBytes: 1 << 20,
        branding: { logoFile, primaryColor: '#aa3300' },
      });
      const branded = (await (await app.request('/api/public/branding')).json()) as Record<string, unknown>;
      expect(branded).toMatchObject({ logoUrl: '/branding/logo', primaryColor: '#aa3300' });
      const logo = await app.request('/branding/logo');
      expect(logo.status).toBe(200);
      expect(logo.headers.get('content-type')).toBe('image/svg+xml');
      expect(logo.headers.get('content-security-policy')).toContain('sandbox');
      expect(await logo.text()).toContain('<svg');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('branding settings', () => {
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return null;
    } catch (error) {
      return isDomainError(error) ? error.issues.map((i) => `${i.path}: ${i.message}`) : String(error);
    }
  };

  it('a wrong colour or a missing logo stops the start naming the variable', () => {
    expect(problem({ AMANAT_BRAND_COLOR: 'blue' })).toEqual([
      'AMANAT_BRAND_COLOR: a colour as #rrggbb, e.g. #1c7ed6',
    ]);
    expect(problem({ AMANAT_BRAND_LOGO: '/nowhere/logo.png' })).toEqual(['AMANAT_BRAND_LOGO: no such file']);
    expect(problem({ AMANAT_BRAND_LOGO: '/etc/passwd' })).toEqual([
      'AMANAT_BRAND_LOGO: a .png, .jpg, .webp or .svg file',
    ]);
    expect(loadConfig({ AMANAT_BRAND_COLOR: '#AA3300' }).branding).toEqual({ primaryColor: '#aa3300' });
  });

  it('an error message keeps no address or phone and stays short', () => {
    expect(safeMessage('to a.b@mail.kz: 550')).toBe('to ***@***: 550');
    expect(safeMessage('x'.repeat(1000))).toHaveLength(300);
  });
});
