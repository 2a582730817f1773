// Sign-in hardening, on PGlite and PostgreSQL: parallel wrong passwords lock the account
// after exactly the configured count; a session alone cannot switch off or swap an enrolled second factor;
// one used reset link voids the others; the answers to reset and sign-in never tell a staff e-mail from an
// unknown one (reset mail goes out from the job, not while the request waits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { type RunningJobs, startJobs } from '../src/jobs/jobs.js';
import { totpCode, totpStep } from '../src/lib/totp.js';
import { createSmtpMailer, type Mailer } from '../src/modules/mail/mailer.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const PASSWORD = 'верный-пароль-2026';
const MAX = 5; // DEFAULT_STAFF_SETTINGS.maxFailedLogins, which createTestAmanat keeps

describe.each(storeKinds())('staff sign-in hardening on %s', (kind) => {
  let t: TestAmanat;
  let smtp: TestSmtp;
  let app: ReturnType<typeof createHttpApp>;
  let now = new Date('2026-11-24T05:00:00Z');
  /** Counts what the request itself hands to SMTP, apart from the job. */
  let sentDuringRequests = 0;

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'AmanatTest/1.0', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const signIn = (email: string, password = PASSWORD, totp?: string) =>
    t.amanat.staff.signIn({ email, password, totp, userAgent: 'AmanatTest/1.0' });
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? 'error',
    );
  const add = (email: string) =>
    t.amanat.staff.add('cli:local', { email, fullName: 'Сотрудник Тестовый', password: PASSWORD });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const smtpMailer = createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' });
    const mailer: Mailer = {
      configured: true,
      send: (mail) => {
        sentDuringRequests++;
        return smtpMailer.send(mail);
      },
    };
    t = await createTestAmanat(kind, { clock: () => now, mailer });
    app = createHttpApp(t.amanat, {
      bodyLimitBytes: 1 << 20,
      signInLimit: { burst: 1000, perMinute: 1000 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('ten parallel wrong passwords lock the account after exactly the configured count; the right one is then refused', async () => {
    const staff = await add('parallel@nextbot.kz');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => outcome(signIn('parallel@nextbot.kz', 'неверный-пароль'))),
    );
    expect(answers.filter((a) => a === 'unauthenticated')).toHaveLength(MAX);
    expect(answers.filter((a) => a === 'account_locked')).toHaveLength(10 - MAX);
    expect(await outcome(signIn('parallel@nextbot.kz'))).toBe('account_locked');
    const log = await t.stores.sql.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_log WHERE details->>'staffId' = $1 ORDER BY seq`,
      [staff.id],
    );
    expect(log.filter((e) => e.action === 'staff.locked')).toHaveLength(1);
    const counts = log
      .filter((e) => e.action === 'staff.sign_in_refused' && e.details.failedInARow !== undefined)
      .map((e) => e.details.failedInARow);
    expect(counts.slice(0, MAX)).toEqual([1, 2, 3, 4, 5]);
    expect((await t.amanat.verifyAudit()).ok).toBe(true);
  });

  it('an unknown e-mail locks like a real account: same statuses and messages attempt by attempt', async () => {
    await add('real-lock@nextbot.kz');
    const attempt = (email: string) => post('/api/auth/sign-in', { email, password: 'неверный-пароль' });
    for (let i = 0; i <= MAX; i++) {
      const real = await attempt('real-lock@nextbot.kz');
      const ghost = await attempt('ghost-lock@nextbot.kz');
      expect(ghost.status, `attempt ${i + 1}`).toBe(real.status);
      expect(ghost.body.error.code).toBe(real.body.error.code);
      expect(ghost.body.error.message.replace(/\d{4}-[\d:.TZ-]+/g, 'T')).toBe(
        real.body.error.message.replace(/\d{4}-[\d:.TZ-]+/g, 'T'),
      );
      expect(real.status).toBe(i < MAX ? 401 : 423);
    }
    // The count is kept under the e-mail's keyed hash: one row for the unknown e-mail.
    expect(await t.stores.sql.query('SELECT 1 FROM staff_sign_in_failures')).toHaveLength(1);
  });

  it('TOTP setup does not switch off an enrolled factor: replacing it needs the password and a current code', async () => {
    const staff = await add('factor@nextbot.kz');
    const first = await t.amanat.staff.totpSetup(staff.id);
    await t.amanat.staff.totpConfirm(staff.id, totpCode(first.secret, totpStep(now)));
    now = new Date(now.getTime() + 60_000);
    const session = await signIn('factor@nextbot.kz', PASSWORD, totpCode(first.secret, totpStep(now)));
    const cookie = `amanat_session=${session.token}`;
    const headers = { cookie, 'x-csrf-token': session.csrfToken };

    // A session alone: refused, naming what is missing; the factor stays.
    const bare = await post('/api/auth/totp/setup', {}, headers);
    expect(bare.status).toBe(422);
    expect(bare.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['password', 'code']);
    expect(await outcome(signIn('factor@nextbot.kz'))).toBe('second_factor_required');

    now = new Date(now.getTime() + 60_000);
    const wrongPassword = await post(
      '/api/auth/totp/setup',
      { password: 'не-тот-пароль-1', code: totpCode(first.secret, totpStep(now)) },
      headers,
    );
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.error.issues[0].path).toBe('password');

    // Password and a current code: a new secret, pending; the old factor still guards sign-in.
    const replaced = await post(
      '/api/auth/totp/setup',
      { password: PASSWORD, code: totpCode(first.secret, totpStep(now)) },
      headers,
    );
    expect(replaced.status).toBe(200);
    const second = replaced.body.secret as string;
    expect(second).not.toBe(first.secret);
    expect(await outcome(signIn('factor@nextbot.kz'))).toBe('second_factor_required');
    now = new Date(now.getTime() + 60_000);
    expect(await outcome(signIn('factor@nextbot.kz', PASSWORD, totpCode(second, totpStep(now))))).toBe(
      'unauthenticated',
    );
    now = new Date(now.getTime() + 60_000);
    await signIn('factor@nextbot.kz', PASSWORD, totpCode(first.secret, totpStep(now)));

    // Confirmed: the new secret is the factor, the old one no longer signs in.
    await t.amanat.staff.totpConfirm(staff.id, totpCode(second, totpStep(now)));
    now = new Date(now.getTime() + 60_000);
    expect(await outcome(signIn('factor@nextbot.kz', PASSWORD, totpCode(first.secret, totpStep(now))))).toBe(
      'unauthenticated',
    );
    await signIn('factor@nextbot.kz', PASSWORD, totpCode(second, totpStep(now)));
  });

  it('using one reset link voids every other link of the account', async () => {
    await add('links@nextbot.kz');
    const before = smtp.messages.length;
    for (let i = 0; i < 3; i++) await t.amanat.staff.requestPasswordReset('links@nextbot.kz');
    expect((await t.amanat.staff.sendQueuedMail()).sent).toBe(3);
    const mails = await Promise.all([1, 2, 3].map((n) => smtp.waitFor(before + n)));
    const tokens = mails.map((m) => /"token": "([^"]+)"/.exec(m.text ?? '')![1]!);
    expect(new Set(tokens).size).toBe(3);
    await t.amanat.staff.confirmPasswordReset(tokens[2]!, 'новейший-пароль-2026');
    for (const old of [tokens[0]!, tokens[1]!]) {
      const answer = await post('/api/auth/password-reset/confirm', {
        token: old,
        password: 'второй-пароль-2026',
      });
      expect(answer.status).toBe(410);
    }
    await signIn('links@nextbot.kz', 'новейший-пароль-2026');
    expect(await outcome(signIn('links@nextbot.kz', 'второй-пароль-2026'))).toBe('unauthenticated');
  });

  it('reset answers a staff e-mail and an unknown one alike, and the mail goes out from the job', async () => {
    await add('known@nextbot.kz');
    const mailsBefore = smtp.messages.length;
    sentDuringRequests = 0;
    const known = await post('/api/auth/password-reset', { email: 'known@nextbot.kz' });
    const unknown = await post('/api/auth/password-reset', { email: 'nobody@nextbot.kz' });
    expect(known).toEqual({ ...unknown, headers: known.headers });
    expect(known.status).toBe(202);
    // The requests handed nothing to SMTP: the letter waits, sealed, for the job.
    expect(sentDuringRequests).toBe(0);
    const [waiting] = await t.stores.sql.query<{ letter: Uint8Array; sent_at: Date | null }>(
      `SELECT o.letter, o.sent_at FROM staff_mail_outbox o JOIN staff_accounts a ON a.id = o.staff_id
       WHERE a.email = 'known@nextbot.kz'`,
    );
    expect(waiting!.sent_at).toBeNull();
    expect(Buffer.from(waiting!.letter).toString('utf8')).not.toContain('token');
    expect(await t.amanat.staff.sendQueuedMail()).toEqual({ sent: 1, failed: 0 });
    expect(sentDuringRequests).toBe(1);
    const mail = await smtp.waitFor(mailsBefore + 1);
    expect(mail.to).toMatchObject({ text: 'known@nextbot.kz' });
    // Sent letters are wiped: the link's token is kept nowhere in the store.
    const [sent] = await t.stores.sql.query<{ letter: Uint8Array | null }>(
      `SELECT o.letter FROM staff_mail_outbox o JOIN staff_accounts a ON a.id = o.staff_id
       WHERE a.email = 'known@nextbot.kz'`,
    );
    expect(sent!.letter).toBeNull();
    expect(await t.amanat.staff.sendQueuedMail()).toEqual({ sent: 0, failed: 0 });
  });

  it('the staff-mail job of pg-boss sends the waiting reset letter', async () => {
    await add('by-job@nextbot.kz');
    await post('/api/auth/password-reset', { email: 'by-job@nextbot.kz' });
    const before = smtp.messages.length;
    let jobs: RunningJobs | undefined;
    try {
      jobs = await startJobs(t.amanat, { digestCron: '0 9 * * *', mailPollCron: '* * * * *', log: () => {} });
      await jobs.runNow('staff-mail');
      const mail = await smtp.waitFor(before + 1);
      expect(mail.to).toMatchObject({ text: 'by-job@nextbot.kz' });
      expect(mail.text).toContain('/api/auth/password-reset/confirm');
    } finally {
      await jobs?.stop();
    }
  });
});

describe('password reset without SMTP', () => {
  let t: TestAmanat;
  beforeAll(async () => {
    t = await createTestAmanat('pglite');
    await t.amanat.staff.add('cli:local', {
      email: 'nosmtp@nextbot.kz',
      fullName: 'Без Почты',
      password: PASSWORD,
    });
  });
  afterAll(async () => t?.close());

  it('answers a staff e-mail and an unknown one alike', async () => {
    const app = createHttpApp(t.amanat, { bodyLimitBytes: 1 << 20 });
    const ask = async (email: string) => {
      const response = await app.request('/api/auth/password-reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      return { status: response.status, body: await response.json() };
    };
    const known = await ask('nosmtp@nextbot.kz');
    expect(known).toEqual(await ask('stranger@nextbot.kz'));
    expect(known.status).toBe(503);
    const links = await t.stores.sql.query('SELECT 1 FROM staff_password_resets');
    expect(links).toHaveLength(0);
  });
});
