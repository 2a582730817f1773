import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKey, openText } from '../src/lib/crypto.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { normalizeSubjectLine } from '../src/modules/mail/mail.intake.js';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { openKeyring } from '../src/modules/vault/master-keyring.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const fixture = (name: string) => readFileSync(fromPackageRoot('test', 'fixtures', 'mail', name));

describe('subject line of a withdrawal', () => {
  it('tolerates case, spacing, quotes and Re:/Fwd:/Отв: prefixes', () => {
    const expected = 'отзыв согласия на обработку персональных данных';
    for (const line of [
      'Отзыв согласия на обработку персональных данных',
      'RE: Fwd:  ОТЗЫВ  согласия на обработку персональных данных.',
      'Отв: «Отзыв согласия на обработку персональных данных»',
      're[2]: отзыв согласия на обработку\tперсональных данных',
    ]) {
      expect(normalizeSubjectLine(line), line).toBe(expected);
    }
    expect(normalizeSubjectLine('Отзыв согласия на рассылку')).not.toBe(expected);
    expect(normalizeSubjectLine('Жауап: Дербес деректерді өңдеуге келісімді кері қайтарып алу.')).toBe(
      'дербес деректерді өңдеуге келісімді кері қайтарып алу',
    );
  });
});

describe.each(storeKinds())('mail intake on %s', (kind) => {
  let t: TestAmanat;
  let smtp: TestSmtp;
  const now = new Date('2026-03-25T06:00:00Z');
  let subjectId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestAmanat(kind, {
      clock: () => now,
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
      requestSettings: { intakeLimitPerDay: 1 },
      mailSettings: { maxMessageBytes: 256 * 1024 },
    });
    subjectId = (await t.amanat.vault.ensureSubject('test', { email: 'aigerim@example.kz' })).subjectId;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** The kept evidence of a message, decrypted. */
  const keptRaw = async (messageId: string) => {
    const [row] = await t.stores.sql.query<{ raw_ciphertext: Uint8Array }>(
      'SELECT raw_ciphertext FROM inbound_messages WHERE id = $1',
      [messageId],
    );
    const { root } = await openKeyring({ stores: t.stores, masterKey: t.masterKey, clock: () => new Date() });
    const key = deriveKey(root, 'request-evidence');
    return Buffer.from(openText(key, row!.raw_ciphertext, `mail:${messageId}`), 'base64');
  };

  it('the seed subject line (with Re: and odd spacing) becomes a withdrawal of the sender, due in 10 working days', async () => {
    const result = await t.amanat.mailIntake.ingest(fixture('withdrawal-ru.eml'));
    expect(result.classification).toBe('consent_withdrawal');
    // Sent 2026-03-20 10:00 Almaty (the Date header): 10 working days across Nauryz.
    expect(result.request).toMatchObject({
      type: 'consent_withdrawal',
      channel: 'email',
      subjectId,
      dueDate: '2026-04-08',
      inboundMessageId: result.messageId,
    });
    expect((await keptRaw(result.messageId)).equals(fixture('withdrawal-ru.eml'))).toBe(true);
    const full = await t.amanat.requests.get('staff', result.request!.id);
    expect(full.contact).toMatchObject({ email: 'aigerim@example.kz', name: 'Айгерим Сапарова' });
  });

  it('the register’s Kazakh subject line (with a Kazakh «Жауап:» prefix) is a withdrawal too, answered in Kazakh', async () => {
    const result = await t.amanat.mailIntake.ingest(fixture('withdrawal-kk.eml'));
    expect(result.classification).toBe('consent_withdrawal');
    expect(result.request).toMatchObject({
      type: 'consent_withdrawal',
      channel: 'email',
      language: 'kk',
      dueDate: '2026-04-08',
    });
  });

  it('KOI8-R and raw windows-1251 headers are read; an unknown sender is still a request', async () => {
    const koi = await t.amanat.mailIntake.ingest(fixture('withdrawal-koi8r.eml'));
    expect(koi.classification).toBe('consent_withdrawal');
    expect(koi.request!.subjectId).toBeNull();
    expect((await t.amanat.requests.get('staff', koi.request!.id)).contact.email).toBe(
      'ivan.petrov@example.ru',
    );
    const raw1251 = await t.amanat.mailIntake.ingest(fixture('withdrawal-raw-cp1251-header.eml'));
    expect(raw1251.classification).toBe('consent_withdrawal');
  });

  it('any other letter is unclassified; an identity-document scan is not kept and the sender is told why', async () => {
    const sent = smtp.messages.length;
    const result = await t.amanat.mailIntake.ingest(fixture('question-cp1251.eml'));
    expect(result.classification).toBe('unclassified');
    expect(result.request!.type).toBe('unclassified');
    expect(result.droppedAttachments).toEqual([
      { filename: 'скан паспорта.jpg', contentType: 'image/jpeg', size: 246, reason: 'identity_document' },
    ]);
    const kept = await simpleParser(await keptRaw(result.messageId));
    expect(kept.subject).toBe('Вопрос по моим данным');
    expect(kept.text).toContain('Какие мои данные вы храните?');
    expect(kept.attachments.map((a) => a.filename)).toEqual(['zayavlenie.txt']);
    expect((await keptRaw(result.messageId)).includes('FAKEJPEGDATA')).toBe(false);
    const notice = await smtp.waitFor(sent + 1);
    expect(notice.to).toMatchObject({ text: 'dana@example.kz' });
    expect(notice.text).toContain('ст. 7 п. 10');
    const details = await t.amanat.requests.get('staff', result.request!.id);
    expect(details.details.text).toContain('Вопрос по моим данным');
  });

  it('malformed, huge and rate-limited mail is kept and listed, never lost; an IMAP message is taken once', async () => {
    const malformed = await t.amanat.mailIntake.ingest(fixture('malformed.eml'));
    expect(malformed).toMatchObject({ classification: 'rejected' });
    expect(malformed.note).toContain('From');
    expect((await keptRaw(malformed.messageId)).equals(fixture('malformed.eml'))).toBe(true);

    const huge = Buffer.concat([fixture('withdrawal-ru.eml'), Buffer.alloc(300 * 1024, 0x61)]);
    const big = await t.amanat.mailIntake.ingest(huge);
    expect(big.classification).toBe('rejected');
    expect(big.note).toContain('больше');

    // The daily limit here is 1: Dana's withdrawal on the day of her question is kept but makes no request;
    // another letter while her question is open is linked to it, not refused.
    const withdrawalOfDana = Buffer.from(
      fixture('withdrawal-ru.eml').toString('latin1').replace('aigerim@example.kz', 'dana@example.kz'),
      'latin1',
    );
    const limited = await t.amanat.mailIntake.ingest(withdrawalOfDana);
    expect(limited.classification).toBe('rejected');
    expect(limited.request).toBeUndefined();
    expect(limited.note).toContain('предел 1');
    expect((await keptRaw(limited.messageId)).equals(withdrawalOfDana)).toBe(true);
    const letter = (n: number) =>
      Buffer.from(
        `From: dana@example.kz\r\nTo: privacy@nextbot.kz\r\nSubject: =?utf-8?B?${Buffer.from(`Вопрос ${n}`).toString('base64')}?=\r\n` +
          `Date: Wed, 25 Mar 2026 10:0${n}:00 +0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nТекст ${n}\r\n`,
      );
    const linked = await t.amanat.mailIntake.ingest(letter(3));
    expect(linked.classification).toBe('duplicate');
    expect(linked.request!.duplicates).toBe(1);

    const pending = await t.amanat.mailIntake.pending();
    expect(pending.map((p) => p.id)).toEqual(
      expect.arrayContaining([malformed.messageId, big.messageId, limited.messageId]),
    );

    // A crash between keeping a message and making its request (simulated: the request is gone, the link empty):
    // resume() makes it, once.
    const olga = fixture('withdrawal-koi8r.eml').toString('latin1').replace('Ivan.Petrov', 'Olga.Sidorova');
    const cut = await t.amanat.mailIntake.ingest(Buffer.from(olga, 'latin1'));
    await t.stores.sql.query('UPDATE inbound_messages SET request_id = NULL WHERE id = $1', [cut.messageId]);
    await t.stores.sql.query('DELETE FROM subject_requests WHERE id = $1', [cut.request!.id]);
    const resumed = await t.amanat.mailIntake.resume();
    expect(resumed.map((r) => [r.messageId, r.classification])).toEqual([
      [cut.messageId, 'consent_withdrawal'],
    ]);
    expect(resumed[0]!.request!.inboundMessageId).toBe(cut.messageId);
    expect(await t.amanat.mailIntake.resume()).toEqual([]);

    const source = { kind: 'imap' as const, mailbox: 'INBOX', uidValidity: 7, uid: 42 };
    const first = await t.amanat.mailIntake.ingest(letter(5), source);
    const again = await t.amanat.mailIntake.ingest(letter(5), source);
    expect(again).toMatchObject({ alreadyTaken: true, messageId: first.messageId });
    const kept = await t.stores.sql.query('SELECT id FROM inbound_messages WHERE uid = 42');
    expect(kept).toHaveLength(1);
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a message whose request committed just before a crash is resumed into that request, not a duplicate of it', async () => {
    const first = await t.amanat.mailIntake.ingest(
      Buffer.from(
        'From: crash-window@example.kz\r\nTo: privacy@nextbot.kz\r\nSubject: Question\r\n' +
          'Date: Wed, 25 Mar 2026 10:00:00 +0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nText\r\n',
      ),
    );
    const before = await t.stores.sql.query('SELECT id FROM subject_requests');
    // The crash window: the request is written, the message not yet linked to it (as a kill -9 leaves it).
    // cross-module write: inbound_messages (owner: mail), putting back the state between two of its steps
    await t.stores.sql.query('UPDATE inbound_messages SET request_id = NULL WHERE id = $1', [
      first.messageId,
    ]);
    const resumed = await t.amanat.mailIntake.resume();
    expect(resumed.map((r) => r.request?.id)).toEqual([first.request!.id]);
    expect(resumed[0]!.classification).toBe(first.classification);
    const again = await t.amanat.requests.get('staff', first.request!.id);
    expect(again.duplicates).toBe(0);
    expect(await t.stores.sql.query('SELECT id FROM subject_requests')).toHaveLength(before.length);
  });
});
