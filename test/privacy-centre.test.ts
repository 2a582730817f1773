// The privacy centre's public API for data subjects: a request followed by its status link (from the confirmation
// e-mail) to the answer letter and the data export, and consent management after a code to the e-mail or phone.
// Unknown contacts get the same answers as known ones; codes are single-use, expire and are limited; no personal
// value travels in a URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsSender } from '../src/modules/centre/centre.sms.js';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { createTestApi, type TestApi } from './support/api.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { grantConsent, storeKinds } from './support/stores.js';

const PUBLIC_URL = 'https://privacy.example.kz';

describe.each(storeKinds())('the privacy centre on %s', (kind) => {
  let api: TestApi;
  let smtp: TestSmtp;
  let now = new Date('2026-03-20T05:00:00Z');
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const texts: { to: string; text: string }[] = [];
  const sms: SmsSender = {
    configured: true,
    async send(message) {
      texts.push(message);
    },
  };
  /** Every URL the tests requested: none may carry a personal value. */
  const urls: string[] = [];

  const request = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    urls.push(path);
    const response = await api.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return response;
  };
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await request('POST', path, { body, headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  const codeIn = (text: string | undefined) => /(\d{6})/.exec(text ?? '')?.[1] ?? '';
  /** The first message to this address after the first `after` messages (codes are mailed after the answer). */
  const nextMailTo = async (email: string, after: number) => {
    for (let i = after + 1; ; i++) {
      const message = await smtp.waitFor(i);
      if (JSON.stringify(message.to).includes(email)) return message;
    }
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await createTestApi(kind, {
      clock: () => now,
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
      publicUrl: PUBLIC_URL,
      sms,
      http: {
        publicLimit: { burst: 1000, perMinute: 1000 },
        subjectCodeLimit: { burst: 1000, perMinute: 1000 },
        subjectContactLimit: { burst: 1000, perMinute: 1000 },
        publicCodeFailureLimit: { burst: 1000, perMinute: 1000 },
        secureCookies: true,
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  async function knownSubject(email: string, phone?: string) {
    const mailing = api.purposeId(8);
    const subjectId = (await api.amanat.vault.ensureSubject('test', { email, ...(phone ? { phone } : {}) }))
      .subjectId;
    await grantConsent(api.amanat, subjectId, mailing);
    await api.amanat.vault.collect('test', subjectId, {
      purposes: [mailing],
      values: { email },
      source: 'website:newsletter',
    });
    return subjectId;
  }

  it('a request goes from the form to its status link, the letter and the data export', async () => {
    const email = 'status@example.kz';
    await knownSubject(email);
    const before = smtp.messages.length;
    const filed = await post('/api/public/requests', { type: 'access', contact: { email, name: 'Айгерим' } });
    expect(filed.status).toBe(201);
    const codeMail = await smtp.waitFor(before + 1);
    const verified = await post(`/api/public/requests/${filed.body.id}/verify`, {
      code: codeIn(codeMail.text),
    });
    expect(verified.status).toBe(200);
    const token: string = verified.body.statusToken;
    // 256 random bits, base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The confirmation e-mail carries the link, the token in its fragment (never sent to a server by a browser).
    const linkMail = await smtp.waitFor(before + 2);
    expect(linkMail.subject).toBe(`Обращение № ${verified.body.number} подтверждено`);
    expect(linkMail.text).toContain(`${PUBLIC_URL}/requests/status#${token}`);

    const status = await post('/api/public/requests/status', { token });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      number: verified.body.number,
      type: 'access',
      receivedOn: '2026-03-20',
      state: 'in_progress',
      letter: false,
      export: false,
    });
    expect(status.body.dueOn).toMatch(/^2026-0[34]-\d{2}$/);
    expect(status.body.workingDaysLeft).toBeGreaterThan(0);
    expect(status.body.timeline.map((e: { event: string }) => e.event)).toEqual([
      'received',
      'code_sent',
      'verified',
    ]);
    // Nothing personal in the status: no e-mail, no name.
    expect(JSON.stringify(status.body)).not.toMatch(/status@example|Айгерим/);

    // Before the answer there is no letter and no export; nothing is written for these refusals.
    expect((await post('/api/public/requests/status/letter', { token })).status).toBe(409);
    expect((await post('/api/public/requests/status/export', { token })).status).toBe(409);

    // Staff answer it.
    later(60);
    const executed = await api.call('POST', `/api/requests/${filed.body.id}/execute`, { body: {} });
    expect(executed.status).toBe(200);
    const answered = await post('/api/public/requests/status', { token });
    expect(answered.body).toMatchObject({
      state: 'answered',
      letter: true,
      export: true,
      workingDaysLeft: 0,
    });
    expect(answered.body.timeline.at(-1).event).toBe('answered');

    const letter = await request('POST', '/api/public/requests/status/letter', { body: { token } });
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/pdf');
    expect(letter.headers.get('content-disposition')).toContain('attachment');
    const pdf = Buffer.from(await letter.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdftotextAvailable) expect(pdfText(pdf)).toContain(`№ ${verified.body.number}`);

    const exported = await request('POST', '/api/public/requests/status/export', { body: { token } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="data-${verified.body.number}.json"`,
    );
    const report = await exported.json();
    expect(report.schema).toBe('amanat.access-report/1');
    expect(JSON.stringify(report)).toContain(email);

    // The subject's reads of their letter and data are in the audit log, by the subject via the privacy centre.
    const reads = await api.stores.sql.query<{ details: { what: string } }>(
      `SELECT details FROM audit_log WHERE action = 'request.answer_read' AND actor = 'subject:privacy-centre'
       AND details ->> 'request_id' = $1 ORDER BY seq`,
      [filed.body.id],
    );
    expect(reads.map((r) => r.details.what)).toEqual(['letter', 'export']);
  });

  it('a wrong or malformed status token answers 404 alike; a missing one 422 naming the field', async () => {
    for (const token of ['x'.repeat(43), 'not a token', 'A'.repeat(200)]) {
      const answer = await post('/api/public/requests/status', { token });
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('status_token_unknown');
    }
    const missing = await post('/api/public/requests/status', {});
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0].path).toBe('token');
  });

  /** Asks for a code and signs in with it; answers the cookies to send and the CSRF token. */
  async function signIn(contact: { email: string } | { phone: string }) {
    const before = smtp.messages.length;
    const asked = await post('/api/public/subject/code', contact);
    expect(asked.body).toEqual({ verification: 'code_sent' });
    const code =
      'email' in contact
        ? codeIn((await nextMailTo(contact.email, before)).text)
        : codeIn(texts.at(-1)?.text);
    const verified = await post('/api/public/subject/verify', { ...contact, code });
    expect(verified.status).toBe(204);
    const cookies = verified.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('amanat_subject='))!;
    const csrf = cookies.find((c) => c.startsWith('amanat_subject_csrf='))!;
    return { session, csrf };
  }
  const cookieHeader = (s: { session: string; csrf: string }) =>
    [s.session, s.csrf].map((c) => c.split(';')[0]).join('; ');
  const csrfOf = (s: { csrf: string }) => s.csrf.split(';')[0]!.split('=')[1]!;

  it('a subject verifies by e-mail, lists consents with text and version, withdraws one: the obligation is there', async () => {
    const email = 'consents@example.kz';
    const subjectId = await knownSubject(email);
    const s = await signIn({ email });
    expect(s.session).toMatch(/HttpOnly/);
    expect(s.session).toMatch(/SameSite=Strict/);
    expect(s.session).toMatch(/Secure/);
    expect(s.session).toMatch(/Max-Age=900/);
    expect(s.csrf).not.toMatch(/HttpOnly/);

    const listed = await request('GET', '/api/public/subject/consents?lang=en', {
      headers: { cookie: cookieHeader(s) },
    });
    expect(listed.status).toBe(200);
    const { consents } = await listed.json();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      purposeId: api.purposeId(8),
      state: 'granted',
      policyVersion: '2025-01',
      formId: api.purposeId(8),
      channel: 'web',
      withdrawnAt: null,
    });
    expect(consents[0].text).toContain('Согласие');
    expect(consents[0].purposeName.length).toBeGreaterThan(3);

    // Without the CSRF header the withdrawal is refused and changes nothing.
    const noCsrf = await post(
      '/api/public/subject/consents/withdraw',
      { purposeId: api.purposeId(8) },
      { cookie: cookieHeader(s) },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf_failed');
    const withdrawn = await post(
      '/api/public/subject/consents/withdraw',
      { purposeId: api.purposeId(8) },
      { cookie: cookieHeader(s), 'x-csrf-token': csrfOf(s) },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.obligationDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const obligations = await api.call('GET', `/api/obligations?subject_id=${subjectId}`);
    expect(obligations.body.obligations).toHaveLength(1);
    expect(obligations.body.obligations[0]).toMatchObject({
      kind: 'stop_processing',
      purposeId: api.purposeId(8),
      dueDate: withdrawn.body.obligationDueOn,
    });
    const after = await request('GET', '/api/public/subject/consents', {
      headers: { cookie: cookieHeader(s) },
    });
    expect((await after.json()).consents[0].state).toBe('withdrawn');
    // Withdrawing again: nothing to withdraw.
    const again = await post(
      '/api/public/subject/consents/withdraw',
      { purposeId: api.purposeId(8) },
      { cookie: cookieHeader(s), 'x-csrf-token': csrfOf(s) },
    );
    expect(again.status).toBe(404);

    // The withdrawal and the reads are by the subject via the privacy centre.
    const actions = await api.stores.sql.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE actor = 'subject:privacy-centre' AND subject_id = $1 ORDER BY seq`,
      [subjectId],
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'subject.lookup',
        'subject.centre_sign_in',
        'consent.read',
        'consent.withdraw',
      ]),
    );

    // Signing out ends the session.
    const out = await post('/api/public/subject/sign-out', undefined, { cookie: cookieHeader(s) });
    expect(out.status).toBe(204);
    const gone = await request('GET', '/api/public/subject/consents', {
      headers: { cookie: cookieHeader(s) },
    });
    expect(gone.status).toBe(401);
  });

  it('a phone gets its code by SMS', async () => {
    await knownSubject('phone-owner@example.kz', '+77011234567');
    const s = await signIn({ phone: '+7 701 123 45 67' });
    expect(texts.at(-1)?.to).toBe('+77011234567');
    const listed = await request('GET', '/api/public/subject/consents', {
      headers: { cookie: cookieHeader(s) },
    });
    expect((await listed.json()).consents).toHaveLength(1);
  });

  it('answers alike whether or not the contact is known: same status and body shape', async () => {
    await knownSubject('known@example.kz');
    const known = await post('/api/public/subject/code', { email: 'known@example.kz' });
    const unknown = await post('/api/public/subject/code', { email: 'nobody@example.kz' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const wrongKnown = await post('/api/public/subject/verify', {
      email: 'known@example.kz',
      code: '000000',
    });
    const wrongUnknown = await post('/api/public/subject/verify', {
      email: 'never@example.kz',
      code: '000000',
    });
    expect(wrongUnknown.status).toBe(422);
    expect(wrongKnown.status).toBe(422);
    expect(wrongUnknown.body).toEqual(wrongKnown.body);
    expect(wrongKnown.body.error.code).toBe('code_invalid');

    // An unknown contact that holds its mailbox gets a session with nothing in it.
    const s = await signIn({ email: 'stranger@example.kz' });
    const listed = await request('GET', '/api/public/subject/consents', {
      headers: { cookie: cookieHeader(s) },
    });
    expect(listed.status).toBe(200);
    expect((await listed.json()).consents).toEqual([]);
  });

  it('a code is single-use, dies after five wrong tries and after ten minutes', async () => {
    const email = 'codes@example.kz';
    await knownSubject(email);
    const ask = async () => {
      const before = smtp.messages.length;
      await post('/api/public/subject/code', { email });
      return codeIn((await nextMailTo(email, before)).text);
    };
    // Used once, then no more.
    const code = await ask();
    expect((await post('/api/public/subject/verify', { email, code })).status).toBe(204);
    expect((await post('/api/public/subject/verify', { email, code })).status).toBe(422);

    // Five wrong tries void the code, even the right one after them.
    const second = await ask();
    const wrong = second === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/public/subject/verify', { email, code: wrong })).status).toBe(422);
    }
    expect((await post('/api/public/subject/verify', { email, code: second })).status).toBe(422);

    // Expired after ten minutes.
    const third = await ask();
    later(11);
    const expired = await post('/api/public/subject/verify', { email, code: third });
    expect(expired.status).toBe(422);
    expect(expired.body.error.code).toBe('code_invalid');
  });

  it('bad input is refused naming the field, and writes nothing', async () => {
    const [before] = await api.stores.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM subject_codes',
    );
    const both = await post('/api/public/subject/code', { email: 'a@example.kz', phone: '+77011234567' });
    expect(both.status).toBe(422);
    const none = await post('/api/public/subject/code', {});
    expect(none.status).toBe(422);
    expect(none.body.error.issues[0].path).toBe('email');
    const badEmail = await post('/api/public/subject/code', { email: 'not-an-address' });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.error.issues[0].path).toBe('email');
    const extra = await post('/api/public/subject/code', { email: 'a@example.kz', name: 'x' });
    expect(extra.status).toBe(422);
    const [after] = await api.stores.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_codes');
    expect(after!.n).toBe(before!.n);
    // No session: 401 on the subject's routes.
    const noSession = await request('GET', '/api/public/subject/consents');
    expect(noSession.status).toBe(401);
    const forged = await post(
      '/api/public/subject/consents/withdraw',
      { purposeId: api.purposeId(8) },
      { cookie: 'amanat_subject=forged', 'x-csrf-token': 'forged' },
    );
    expect(forged.status).toBe(401);
  });

  it('no personal value is in any URL the flows used', () => {
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(url).not.toMatch(/@|%40|\+7|7701|Айгерим/);
  });
});

describe.each(storeKinds())('privacy-centre limits on %s', (kind) => {
  let api: TestApi;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await createTestApi(kind, {
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
      http: {
        trustProxyHeader: 'x-forwarded-for',
        publicLimit: { burst: 1000, perMinute: 1000 },
        subjectCodeLimit: { burst: 4, perMinute: 1 },
        subjectContactLimit: { burst: 2, perMinute: 1 },
        publicCodeFailureLimit: { burst: 3, perMinute: 1 },
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });
  const post = async (from: string, path: string, body: unknown) => {
    const response = await api.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  };

  it('a flood of codes to one contact is stopped whoever asks, and one client is stopped whatever it asks', async () => {
    // One contact, from different addresses: the third within the minute is refused.
    const statuses = [];
    for (const from of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      statuses.push((await post(from, '/api/public/subject/code', { email: 'flood@example.kz' })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    // One address, different contacts: the fifth within the minute is refused.
    const fromOne = [];
    for (let i = 0; i < 5; i++) {
      fromOne.push(
        (await post('198.51.100.9', '/api/public/subject/code', { email: `c${i}@example.kz` })).status,
      );
    }
    expect(fromOne).toEqual([200, 200, 200, 200, 429]);
    const refused = await post('198.51.100.9', '/api/public/subject/code', { email: 'c9@example.kz' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });

  it('without an SMS set-up a phone answers manual, and no code is stored', async () => {
    const count = async () =>
      (await api.stores.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM subject_codes'))[0]!.n;
    const before = await count();
    const answer = await api.app.request('/api/public/subject/code', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.70' },
      body: JSON.stringify({ phone: '+77019998877' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ verification: 'manual' });
    expect(await count()).toBe(before);
  });

  it('wrong codes and wrong status tokens are limited per client', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        (await post('203.0.113.50', '/api/public/subject/verify', { email: 'x@example.kz', code: '123456' }))
          .status,
      );
    }
    expect(codes).toEqual([422, 422, 422, 429]);
    const tokens = [];
    for (let i = 0; i < 4; i++) {
      tokens.push(
        (await post('203.0.113.51', '/api/public/requests/status', { token: 'y'.repeat(43) })).status,
      );
    }
    expect(tokens).toEqual([404, 404, 404, 429]);
    // Another client is not blocked by them.
    expect(
      (await post('203.0.113.52', '/api/public/requests/status', { token: 'y'.repeat(43) })).status,
    ).toBe(404);
  });
});
