// The privacy centre answers an anonymous caller the same way whether or not the contact already has an open
// request: no other request's id, number or state reaches the caller; the contact is told by e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
