// Console sign-in, sessions and CSRF over real HTTP, and personal-data access bound to the approved access
// list: a support person reads purpose 6 and is refused purpose 2's passport data; removed from the list,
// they are refused at once. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../src/lib/totp.js';
import { localDateOf } from '../src/modules/calendar/dates.js';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { type RunningServer, startServer } from '../src/server.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AmanatTest/1.0';
const PASSWORD = 'верный-пароль-2026';

interface Session {
  cookie: string;
  csrf: string;
}

describe.each(storeKinds())('staff access on %s', (kind) => {
  let t: TestAmanat;
  let server: RunningServer;
  let smtp: TestSmtp;
  let now = new Date('2026-11-24T05:00:00Z');
  const ids: Record<string, string> = {};
  let customer: string;
  const purposeNo = (n: number) => t.amanat.rules.purposes().find((p) => p.number === n)!.id;

  async function http(
    method: string,
    path: string,
    options: {
      session?: Session;
      body?: unknown;
      csrf?: string | null;
      userAgent?: string;
      bearer?: string;
    } = {},
  ) {
    const headers: Record<string, string> = { 'user-agent': options.userAgent ?? BROWSER };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.session) headers.cookie = options.session.cookie;
    const csrf = options.csrf === undefined ? options.session?.csrf : options.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const type = response.headers.get('content-type') ?? '';
    const body: any = type.includes('json')
      ? await response.json()
      : Buffer.from(await response.arrayBuffer());
    return { status: response.status, body, headers: response.headers };
  }

  async function signIn(email: string, password = PASSWORD, totp?: string): Promise<Session> {
    const response = await http('POST', '/api/auth/sign-in', {
      body: { email, password, ...(totp ? { totp } : {}) },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('amanat_session='))!;
    const cookie = session.split(';')[0]!;
    return { cookie, csrf: response.body.csrfToken };
  }

  const auditActions = async (actor: string) =>
    (
      await t.stores.sql.query<{
        action: string;
        purpose_id: string | null;
        details: Record<string, unknown>;
      }>('SELECT action, purpose_id, details FROM audit_log WHERE actor = $1 ORDER BY seq', [actor])
    ).map((r) => ({ action: r.action, purpose: r.purpose_id, reason: r.details.reason }));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestAmanat(kind, {
      clock: () => now,
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
    });
    server = await startServer(t.amanat, {
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: 1 << 20,
      logRequests: false,
      // The limit itself is tested in src/http/rate-limit.test.ts; here it must not get in the way.
      signInLimit: { burst: 1000, perMinute: 1000 },
    });
    const add = (
      email: string,
      fullName: string,
      position: string,
      flags: { isAdmin?: boolean; isHead?: boolean } = {},
    ) => t.amanat.staff.add('cli:local', { email, fullName, position, password: PASSWORD, ...flags });
    ids.head = (
      await add('head@nextbot.kz', 'Сейтказиева Айгерим Бахытовна', 'Генеральный директор', { isHead: true })
    ).id;
    ids.admin = (
      await add('admin@nextbot.kz', 'Ким Виктор Сергеевич', 'Системный администратор', { isAdmin: true })
    ).id;
    ids.support = (await add('support@nextbot.kz', 'Омарова Дина Маратовна', 'Специалист поддержки')).id;
    ids.locked = (await add('lock@nextbot.kz', 'Петров Илья Олегович', 'Бухгалтер')).id;
    ids.totp = (await add('totp@nextbot.kz', 'Жумабаев Ерлан Канатович', 'Юрист')).id;

    customer = (await t.amanat.vault.ensureSubject('test', { email: 'client@example.kz' })).subjectId;
    await t.amanat.vault.collect('test', customer, {
      purposes: [purposeNo(6)],
      values: { full_name: 'Клиентова Анна', phone: '+77011234567', email: 'client@example.kz' },
      source: 'website:support-form',
      contractRef: 'offer-2026',
    });
    await t.amanat.vault.collect('test', customer, {
      purposes: [purposeNo(2)],
      values: { identity_document: 'N12345678, выдан МВД РК 01.02.2020' },
      source: 'contract:2026-17',
      contractRef: 'contract-2026-17',
      retentionOptions: { [purposeNo(2)]: 'years_5' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
    await smtp?.close();
  });

  it('a wrong password is refused; five in a row lock the account, with every refusal in the audit log', async () => {
    for (let i = 0; i < 4; i++) {
      const wrong = await http('POST', '/api/auth/sign-in', {
        body: { email: 'lock@nextbot.kz', password: 'не тот' },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toContain('Неверный e-mail или пароль');
    }
    const fifth = await http('POST', '/api/auth/sign-in', {
      body: { email: 'lock@nextbot.kz', password: 'не тот' },
    });
    expect(fifth.status).toBe(401);
    const locked = await http('POST', '/api/auth/sign-in', {
      body: { email: 'lock@nextbot.kz', password: PASSWORD },
    });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    const log = await auditActions(`staff:${ids.locked}`);
    expect(log.filter((e) => e.action === 'staff.sign_in_refused').map((e) => e.reason)).toEqual([
      'password',
      'password',
      'password',
      'password',
      'password',
      'locked',
    ]);
    const unknown = await http('POST', '/api/auth/sign-in', {
      body: { email: 'nobody@nextbot.kz', password: PASSWORD },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(fifth.body.error.message);
    now = new Date(now.getTime() + 16 * 60_000);
    await signIn('lock@nextbot.kz');
  });

  it('the session cookie is HttpOnly, Secure and SameSite; changes need the CSRF header', async () => {
    const response = await http('POST', '/api/auth/sign-in', {
      body: { email: 'admin@nextbot.kz', password: PASSWORD },
    });
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith('amanat_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/Secure/i);
    expect(sessionCookie).toMatch(/SameSite=Strict/i);
    const session = { cookie: sessionCookie.split(';')[0]!, csrf: response.body.csrfToken as string };
    const me = await http('GET', '/api/auth/me', { session });
    expect(me.status).toBe(200);
    expect(me.body.staff.email).toBe('admin@nextbot.kz');
    const role = { name: 'Поддержка', purposes: [purposeNo(6)], actions: ['subjects:read', 'data:read'] };
    const noToken = await http('PUT', '/api/roles/support', { session, body: role, csrf: null });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
    const wrongToken = await http('PUT', '/api/roles/support', { session, body: role, csrf: 'x'.repeat(43) });
    expect(wrongToken.body.error.code).toBe('csrf_failed');
    expect((await auditActions(`staff:${ids.admin}`)).filter((e) => e.reason === 'csrf')).toHaveLength(2);
    expect((await http('PUT', '/api/roles/support', { session, body: role })).status).toBe(200);
  });

  it('a session cookie used from another browser ends the session; an expired session is refused', async () => {
    const session = await signIn('admin@nextbot.kz');
    const stolen = await http('GET', '/api/auth/me', { session, userAgent: 'curl/8.0' });
    expect(stolen.status).toBe(401);
    expect(stolen.body.error.message).toContain('другом браузере');
    // The owner's own browser is refused too: the session is over.
    expect((await http('GET', '/api/auth/me', { session })).status).toBe(401);
    const ended = await t.stores.sql.query<{ revoked_reason: string }>(
      `SELECT revoked_reason FROM staff_sessions WHERE staff_id = $1 AND revoked_reason = 'bound_elsewhere'`,
      [ids.admin],
    );
    expect(ended).toHaveLength(1);

    const idle = await signIn('admin@nextbot.kz');
    now = new Date(now.getTime() + 31 * 60_000);
    const expired = await http('GET', '/api/auth/me', { session: idle });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('истёк');
    expect((await http('GET', '/api/auth/me')).status).toBe(401);
  });

  it('TOTP: after enrolment sign-in needs a code, and a code is accepted once', async () => {
    const session = await signIn('totp@nextbot.kz');
    const setup = await http('POST', '/api/auth/totp/setup', { session });
    expect(setup.status).toBe(200);
    expect(setup.body.url).toMatch(/^otpauth:\/\/totp\//);
    const secret = setup.body.secret as string;
    const confirm = await http('POST', '/api/auth/totp/confirm', {
      session,
      body: { code: totpCode(secret, totpStep(now)) },
    });
    expect(confirm.status).toBe(204);
    const noCode = await http('POST', '/api/auth/sign-in', {
      body: { email: 'totp@nextbot.kz', password: PASSWORD },
    });
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe('second_factor_required');
    now = new Date(now.getTime() + 60_000);
    const code = totpCode(secret, totpStep(now));
    await signIn('totp@nextbot.kz', PASSWORD, code);
    const replay = await http('POST', '/api/auth/sign-in', {
      body: { email: 'totp@nextbot.kz', password: PASSWORD, totp: code },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toContain('уже использован');
    const log = await auditActions(`staff:${ids.totp}`);
    expect(log.map((e) => e.reason)).toContain('totp_replayed');
  });

  it('password reset by e-mail: the link sets a new password once and ends open sessions', async () => {
    const before = await signIn('lock@nextbot.kz');
    const sent = smtp.messages.length;
    expect(
      (await http('POST', '/api/auth/password-reset', { body: { email: 'lock@nextbot.kz' } })).status,
    ).toBe(202);
    expect(
      (await http('POST', '/api/auth/password-reset', { body: { email: 'ghost@nextbot.kz' } })).status,
    ).toBe(202);
    // The letter goes out from the mail job, not while the request waits.
    expect(smtp.messages.length).toBe(sent);
    expect(await t.amanat.staff.sendQueuedMail()).toEqual({ sent: 1, failed: 0 });
    const mail = await smtp.waitFor(sent + 1);
    expect(mail.subject).toContain('восстановление пароля');
    const token = /"token": "([^"]+)"/.exec(mail.text ?? '')![1]!;
    const short = await http('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'short' },
    });
    expect(short.status).toBe(422);
    const done = await http('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'новый-пароль-2026-11' },
    });
    expect(done.status).toBe(204);
    expect((await http('GET', '/api/auth/me', { session: before })).status).toBe(401);
    const again = await http('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'ещё-один-пароль-2026' },
    });
    expect(again.status).toBe(410);
    await signIn('lock@nextbot.kz', 'новый-пароль-2026-11');
    expect(smtp.messages.length).toBe(sent + 1);
  });

  it('support reads purpose 6 and is refused purpose 2; removed from the approved list, refused at once', async () => {
    const admin = await signIn('admin@nextbot.kz');
    const head = await signIn('head@nextbot.kz');
    const support = await signIn('support@nextbot.kz');
    const today = localDateOf(now, 'Asia/Almaty');
    // Not on any approved list yet: the account alone reads nothing.
    const before = await http('GET', `/api/subjects/${customer}/data?purpose=${purposeNo(6)}`, {
      session: support,
    });
    expect(before.status).toBe(403);
    expect(before.body.error.message).toContain('нет в утверждённом перечне');

    expect(
      (
        await http('PUT', '/api/roles/admins', {
          session: admin,
          body: { name: 'Администраторы', purposes: [], actions: ['staff:manage'] },
        })
      ).status,
    ).toBe(200);
    const proposal = await http('POST', '/api/access-list/proposals', {
      session: admin,
      body: {
        entries: [
          { staffId: ids.support, roleId: 'support', grantedFrom: today },
          { staffId: ids.admin, roleId: 'admins', grantedFrom: today },
        ],
        note: 'Первый перечень',
      },
    });
    expect(proposal.status).toBe(201);
    // Proposed is not approved: still nothing.
    expect(
      (await http('GET', `/api/subjects/${customer}/data?purpose=${purposeNo(6)}`, { session: support }))
        .status,
    ).toBe(403);
    const byAdmin = await http('POST', `/api/access-list/${proposal.body.id}/approve`, {
      session: admin,
      body: {},
    });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error.message).toContain('только руководитель');
    const approved = await http('POST', `/api/access-list/${proposal.body.id}/approve`, {
      session: head,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approvedBy.name).toBe('Сейтказиева Айгерим Бахытовна');

    const allowed = await http('GET', `/api/subjects/${customer}/data?purpose=${purposeNo(6)}`, {
      session: support,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.values.map((v: { field: string }) => v.field).sort()).toEqual([
      'email',
      'full_name',
      'phone',
    ]);
    const refused = await http('GET', `/api/subjects/${customer}/data?purpose=${purposeNo(2)}`, {
      session: support,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('не входит в роль «support»');
    expect(JSON.stringify(refused.body)).not.toContain('N12345678');
    const log = await auditActions(`staff:${ids.support}`);
    expect(log).toEqual(
      expect.arrayContaining([
        { action: 'data.read', purpose: purposeNo(6), reason: undefined },
        { action: 'access.refused', purpose: purposeNo(2), reason: 'purpose_not_permitted' },
      ]),
    );

    // The whole record needs data:export and a reason; support has neither.
    const record = await http(
      'GET',
      `/api/subjects/${customer}/record?reason=${encodeURIComponent('проверка жалобы клиента')}`,
      {
        session: support,
      },
    );
    expect(record.status).toBe(403);

    // An administrator cannot widen the role they hold themselves.
    const selfEdit = await http('PUT', '/api/roles/admins', {
      session: admin,
      body: { name: 'Администраторы', purposes: [purposeNo(2)], actions: ['staff:manage', 'data:read'] },
    });
    expect(selfEdit.status).toBe(403);
    expect(selfEdit.body.error.message).toContain('которую вы сами занимаете');

    const second = await http('POST', '/api/access-list/proposals', {
      session: admin,
      body: {
        entries: [{ staffId: ids.admin, roleId: 'admins', grantedFrom: today }],
        note: 'Омарова переведена',
      },
    });
    expect(
      (await http('POST', `/api/access-list/${second.body.id}/approve`, { session: head, body: {} })).status,
    ).toBe(200);
    const removed = await http('GET', `/api/subjects/${customer}/data?purpose=${purposeNo(6)}`, {
      session: support,
    });
    expect(removed.status).toBe(403);
    const list = await http('GET', '/api/access-list', { session: admin });
    expect(list.body.current).toBe(second.body.id);
    expect(list.body.versions.map((v: { status: string }) => v.status)).toEqual(['approved', 'superseded']);
  });

  it.runIf(pdftotextAvailable || process.env.AMANAT_REQUIRE_PDFTOTEXT === '1')(
    'the approved access list PDF names the approver and the date, in Russian',
    async () => {
      const current = await t.amanat.access.currentVersionId();
      const admin = await signIn('admin@nextbot.kz');
      const pdf = await http('GET', `/api/access-list/${current}/pdf`, { session: admin });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(pdf.body as Buffer);
      expect(text).toContain('УТВЕРЖДАЮ');
      expect(text).toContain('Сейтказиева Айгерим Бахытовна');
      expect(text).toContain(localDateOf(now, 'Asia/Almaty').split('-').reverse().join('.'));
      expect(text).toContain('Ким Виктор Сергеевич');

      // The same version in Kazakh: the paper's words and the purposes' titles from the register in Kazakh.
      const kk = await http('GET', `/api/access-list/${current}/pdf?lang=kk`, { session: admin });
      expect(kk.status).toBe(200);
      expect(kk.headers.get('content-disposition')).toContain('-kk.pdf');
      const kkText = pdfText(kk.body as Buffer);
      expect(kkText).toContain('БЕКІТЕМІН');
      expect(kkText).toContain('ЖК Бекишев Берик Серикович');
      expect(kkText).toContain('Сейтказиева Айгерим Бахытовна');
      expect(kkText).not.toContain('УТВЕРЖДАЮ');

      // A language the list is not printed in is refused, naming the parameter and what it takes.
      const bad = await http('GET', `/api/access-list/${current}/pdf?lang=de`, { session: admin });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(bad.body.error)).toContain('lang');
      expect(JSON.stringify(bad.body.error)).toMatch(/ru.*kk/);
    },
  );
});
