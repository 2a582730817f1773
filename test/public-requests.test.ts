// The privacy centre answers an anonymous caller the same way whether or not the contact already has an open
// request: no other request's id, number or state reaches the caller; the contact is told by e-mail. Wrong codes
// are limited per request and per client address, yet a stranger cannot lock the subject out: the subject asks
// for a new code by e-mail address, and that answer too is the same whether or not a request waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { createTestApi, type TestApi } from './support/api.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('the public request form on %s', (kind) => {
  let api: TestApi;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await createTestApi(kind, {
      clock: () => new Date('2026-03-20T05:00:00Z'),
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
    });
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  const file = (email: string) =>
    api.call('POST', '/api/public/requests', {
      token: null,
      body: { type: 'access', contact: { email, name: 'Айгерим' } },
    });

  it('answers a contact with an open request exactly as a new one, and says the rest by e-mail', async () => {
    const first = await file('open@example.kz');
    const firstMail = await smtp.waitFor(1);
    expect(firstMail.subject).toMatch(/Код подтверждения по обращению № (\d+)/);
    const number = /№ (\d+)/.exec(firstMail.subject ?? '')![1]!;

    const again = await file('open@example.kz');
    const fresh = await file('someone-else@example.kz');
    for (const answer of [first, again, fresh]) {
      expect(answer.status).toBe(201);
      expect(Object.keys(answer.body).sort()).toEqual(['id', 'verification']);
      expect(answer.body.verification).toBe('code_sent');
    }
    // The open request's id is not in the answer to the second call (nor its number or due date: the keys above).
    expect(again.body.id).not.toBe(first.body.id);

    // The contact hears of the open request by e-mail.
    const notice = smtp.messages.find((m) => m.subject?.includes('уже принято'));
    expect(notice?.subject).toBe(`Ваше обращение № ${number} уже принято`);
    expect(notice?.text).toContain('30.03.2026');
    expect(notice?.to).toMatchObject({ text: 'open@example.kz' });

    // Repeating the form does not flood the mailbox: the 1st, 2nd and 4th duplicate are told, the 3rd is not.
    for (let i = 0; i < 3; i++) expect((await file('open@example.kz')).status).toBe(201);
    // (A send completes before the answer: the SMTP server has each message by then.)
    expect(smtp.messages).toHaveLength(5);
    expect(smtp.messages.filter((m) => m.subject?.includes('уже принято'))).toHaveLength(3);

    // The receipt cannot be told from a request by trying a code: both answer "wrong code".
    const onReceipt = await api.call('POST', `/api/public/requests/${again.body.id}/verify`, {
      token: null,
      body: { code: '000000' },
    });
    const onFresh = await api.call('POST', `/api/public/requests/${fresh.body.id}/verify`, {
      token: null,
      body: { code: '000000' },
    });
    expect(onReceipt.status).toBe(422);
    expect(onFresh.status).toBe(422);
    expect(onReceipt.body.error.code).toBe('verification_failed');

    // The duplicate was still linked to the open request (staff see it).
    const open = await api.call('GET', `/api/requests/${first.body.id}`);
    expect(open.body.duplicates).toBe(4);
  });

  it('a request in Kazakh gets its e-mails in Kazakh, subject lines included', async () => {
    const sent = smtp.messages.length;
    const kk = () =>
      api.call('POST', '/api/public/requests', {
        token: null,
        body: { type: 'access', contact: { email: 'kk@example.kz', name: 'Әйгерім' }, language: 'kk' },
      });
    expect((await kk()).status).toBe(201);
    const code = await smtp.waitFor(sent + 1);
    expect(code.subject).toMatch(/^№ (\d+) өтініш бойынша растау коды$/);
    const number = /№ (\d+)/.exec(code.subject ?? '')![1]!;
    expect(code.text).toContain('Сәлеметсіз бе, Әйгерім!');
    expect(code.text).toContain(
      `№ ${number} өтінішті («Дербес деректерге қол жеткізу») сіз жібергеніңізді растау үшін`,
    );
    expect(code.text).toContain('ЖК Бекишев Берик Серикович');
    expect(code.text).not.toMatch(/Здравствуйте|Код действует|ИП /);

    expect((await kk()).status).toBe(201);
    const notice = await smtp.waitFor(sent + 2);
    expect(notice.subject).toBe(`Сіздің № ${number} өтінішіңіз қабылданып қойған`);
    expect(notice.text).toContain(`20.03.2026 күнгі № ${number} өтініш қабылданып, қаралуда`);
    expect(notice.text).not.toMatch(/уже принято|Здравствуйте/);
  });

  describe('codes', () => {
    // The application as served behind a proxy: the client's address comes from X-Forwarded-For.
    let app: ReturnType<typeof createHttpApp>;
    beforeAll(() => {
      app = createHttpApp(api.amanat, {
        bodyLimitBytes: 1024 * 1024,
        trustProxyHeader: 'x-forwarded-for',
        publicCodeFailureLimit: { burst: 6, perMinute: 1 },
      });
    });
    const post = async (from: string, path: string, body: unknown) => {
      const response = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    const codeOf = (text: string | undefined) => /код: (\d{6})/.exec(text ?? '')![1]!;
    const STRANGER = '198.51.100.1';
    const SUBJECT = '203.0.113.9';

    it('a stranger guessing codes voids one code but never locks the subject out; the subject asks for a new one', async () => {
      const before = smtp.messages.length;
      // A stranger files a request in the subject's name (or learned its id): the subject gets the code.
      const filed = await post(STRANGER, '/api/public/requests', {
        type: 'access',
        contact: { email: 'victim@example.kz' },
      });
      expect(filed.status).toBe(201);
      const first = codeOf((await smtp.waitFor(before + 1)).text);
      const wrong = first === '111111' ? '222222' : '111111';
      const receipt = await post(STRANGER, `/api/public/requests/${crypto.randomUUID()}/verify`, {
        code: wrong,
      });
      const answers = [];
      for (let i = 0; i < 5; i++) {
        answers.push(await post(STRANGER, `/api/public/requests/${filed.body.id}/verify`, { code: wrong }));
      }
      // The real code after five wrong ones: void, yet answered like any failure.
      answers.push(await post(SUBJECT, `/api/public/requests/${filed.body.id}/verify`, { code: first }));
      // Every answer is the receipt's: no attempts left to count, nothing that tells a request from a receipt.
      expect(receipt.status).toBe(422);
      for (const answer of answers) {
        expect(answer.status).toBe(422);
        expect(answer.body).toEqual(receipt.body);
      }
      expect(JSON.stringify(receipt.body)).not.toMatch(/\d/);

      // The subject asks for a new code: the same answer as for an address nothing waits for.
      const unknown = await post(SUBJECT, '/api/public/requests/code', { email: 'nobody@example.kz' });
      const renewed = await post(SUBJECT, '/api/public/requests/code', { email: 'Victim@Example.kz' });
      expect(renewed.status).toBe(202);
      expect(unknown).toEqual(renewed);
      expect(renewed.body).toEqual({ verification: 'code_sent' });
      const mail = await smtp.waitFor(before + 2);
      expect(mail.to).toMatchObject({ text: 'victim@example.kz' });
      expect(mail.text).toContain(filed.body.id);
      const second = codeOf(mail.text);

      // Asking again while that code is fresh neither replaces it nor mails again.
      const codeRow = () =>
        api.amanat.stores.sql.query<{ sent_at: Date; attempts: number }>(
          'SELECT sent_at, attempts FROM verification_codes WHERE request_id = $1',
          [filed.body.id],
        );
      const [fresh] = await codeRow();
      expect(fresh!.attempts).toBe(0);
      expect((await post(STRANGER, '/api/public/requests/code', { email: 'victim@example.kz' })).status).toBe(
        202,
      );
      expect(await codeRow()).toEqual([fresh]);

      const verified = await post(SUBJECT, `/api/public/requests/${filed.body.id}/verify`, { code: second });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ id: filed.body.id, status: 'in_progress' });
      // Once confirmed, the id answers like a receipt again.
      const again = await post(SUBJECT, `/api/public/requests/${filed.body.id}/verify`, { code: second });
      expect(again.body).toEqual(receipt.body);
      expect(smtp.messages).toHaveLength(before + 2);
    });

    it('stops a client after its wrong codes, even in parallel, and only that client', async () => {
      const guesser = '198.51.100.77';
      const guesses = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(guesser, `/api/public/requests/${crypto.randomUUID()}/verify`, { code: '123456' }),
        ),
      );
      const statuses = guesses.map((g) => g.status).sort();
      // The burst is 6: six answered, four refused, whichever request each aimed at.
      expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 429, 429, 429, 429]);
      expect(guesses.find((g) => g.status === 429)!.body.error.code).toBe('rate_limited');
      // Another client is not held back by them.
      const other = await post('192.0.2.55', `/api/public/requests/${crypto.randomUUID()}/verify`, {
        code: '123456',
      });
      expect(other.status).toBe(422);
    });
  });
});
