import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../src/lib/errors.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { createSmtpMailer } from '../src/modules/mail/mailer.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

/** The error code a rejected promise carries, or 'ok'. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe.each(storeKinds())('subject requests on %s', (kind) => {
  let t: TestAmanat;
  let smtp: TestSmtp;
  // 2026-03-20 (Friday) 10:00 in Almaty; 21–25 March are off (weekend, Nauryz, carried-over days).
  let now = new Date('2026-03-20T05:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  let mailing: string;
  let support: string;
  let subjectId: string;
  const email = 'aigerim@example.kz';

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestAmanat(kind, {
      clock: () => now,
      mailer: createSmtpMailer({ url: smtp.url, from: 'privacy@nextbot.kz' }),
      requestSettings: { intakeLimitPerDay: 8 },
    });
    const purposeNo = (n: number) => t.amanat.rules.purposes().find((p) => p.number === n)!.id;
    mailing = purposeNo(8);
    support = purposeNo(6);
    subjectId = (await t.amanat.vault.ensureSubject('test', { email })).subjectId;
    await t.amanat.consents.grant('test', subjectId, {
      purpose: mailing,
      kind: 'processing',
      channel: 'paper',
      text: 'Согласие на рассылку',
      policyVersion: '2025-01',
      subjectFullName: 'Сапарова Айгерим',
      ip: '203.0.113.7',
      thirdPartyTransfer: false,
      crossBorderTransfer: false,
      publication: false,
    });
    await t.amanat.vault.collect('test', subjectId, {
      purposes: [mailing],
      values: { email },
      source: 'website:newsletter',
    });
    await t.amanat.vault.collect('test', subjectId, {
      purposes: [support],
      values: { full_name: 'Сапарова Айгерим', phone: '+77011234567' },
      source: 'website:support-form',
      contractRef: 'offer-2026',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const submit = (type: Parameters<TestAmanat['amanat']['requests']['submit']>[1]['type'], extra = {}) =>
    t.amanat.requests.submit('test', { type, channel: 'api', contact: { email }, ...extra });

  it('counts each type on the KZ calendar from the moment of receipt, the register stricter than the law', async () => {
    at('2026-03-20T05:00:00Z');
    const cases = [
      ['consent_withdrawal', '2026-04-08', 'register'], // 10 working days of the policy (law: 15)
      ['information', '2026-03-30', 'register'], // 3 working days: the operator's commitment (no article of the law)
      ['rectification', '2026-03-26', 'law'], // 1 working day
    ] as const;
    for (const [type, due, source] of cases) {
      const { request } = await t.amanat.requests.submit('test', {
        type,
        channel: 'email',
        contact: { email: `deadline-${type}@example.kz` },
        values: type === 'rectification' ? { phone: '+77017654321' } : undefined,
      });
      expect(request.dueDate, type).toBe(due);
      expect(request.deadline.source, type).toBe(source);
      expect(request.status).toBe('received');
      expect(request.subjectId).toBeNull();
    }
    // Received at 23:30 Almaty on the 19th is the 19th; at 00:30 on the 20th it is the 20th.
    const late = await t.amanat.requests.submit('test', {
      type: 'blocking',
      channel: 'api',
      contact: { email: 'late@example.kz' },
      receivedAt: new Date('2026-03-19T18:30:00Z'),
    });
    expect(late.request.dueDate).toBe('2026-03-20');
  });

  it('withdrawal received on 2026-03-20: e-mail code, consent withdrawn, destruction scheduled by 2026-04-08', async () => {
    at('2026-03-20T05:00:00Z');
    const { request, duplicate } = await submit('consent_withdrawal', { channel: 'email' });
    expect(duplicate).toBe(false);
    expect(request).toMatchObject({ subjectId, dueDate: '2026-04-08', status: 'received', daysLeft: 10 });
    expect(await codeOf(t.amanat.requestExecution.execute('staff', request.id))).toBe(
      'verification_required',
    );

    const sent = smtp.messages.length;
    await t.amanat.requests.startEmailVerification('staff', request.id);
    const mail = await smtp.waitFor(sent + 1);
    expect(mail.to).toMatchObject({ text: email });
    const code = /код: (\d{6})/.exec(mail.text ?? '')![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await codeOf(t.amanat.requests.verifyCode('subject', request.id, wrong))).toBe(
      'verification_failed',
    );
    const verified = await t.amanat.requests.verifyCode('subject', request.id, code);
    expect(verified).toMatchObject({ status: 'in_progress', verification: { method: 'email_code' } });
    expect(await codeOf(t.amanat.requests.verifyCode('subject', request.id, code))).toBe(
      'request_state_invalid',
    );

    const { request: done } = await t.amanat.requestExecution.execute('staff', request.id);
    expect(done.status).toBe('in_progress'); // open until the retention engine has destroyed
    expect(done.outcome).toMatchObject({
      summary: 'consent_withdrawn',
      purposes: [mailing],
      fields: ['email'],
      pendingDestruction: { fields: ['email'] },
    });
    const obligations = await t.amanat.obligations.list({ subjectId, status: 'open' });
    expect(obligations).toHaveLength(1);
    expect(obligations[0]!.dueDate).toBe('2026-04-08');
    expect(await codeOf(t.amanat.requestExecution.execute('staff', request.id))).toBe(
      'request_state_invalid',
    );

    const history = await t.amanat.requests.history(request.id);
    expect(history.map((h) => h.action)).toEqual([
      'request.receive',
      'request.verification_sent',
      'request.verification_failed',
      'request.verify',
      'request.execute',
    ]);
    // The code itself is nowhere in the database, and the chain is intact.
    const dump = JSON.stringify(await t.stores.sql.query('SELECT * FROM audit_log'));
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(email);
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a second request of the same type while the first is open is linked, not doubled', async () => {
    const first = await submit('objection_automated_decision');
    const second = await submit('objection_automated_decision', { channel: 'email' });
    expect(second.duplicate).toBe(true);
    expect(second.request.id).toBe(first.request.id);
    expect(second.request.duplicates).toBe(1);
    const actions = (await t.amanat.requests.history(first.request.id)).map((h) => h.action);
    expect(actions).toEqual(['request.receive', 'request.duplicate']);
  });

  it('access: a report of every value held, per purpose, with bases, sources and consents with proof', async () => {
    const { request } = await submit('access');
    await t.amanat.requests.verifyManually('staff:dana', request.id, 'in_person');
    const { request: answered, report } = await t.amanat.requestExecution.execute('staff:dana', request.id);
    expect(answered.status).toBe('answered');
    expect(report!.noDataHeld).toBe(false);
    const supportPart = report!.purposes.find((p) => p.id === support)!;
    expect(supportPart.values.map((v) => [v.field, v.value]).sort()).toEqual([
      ['full_name', 'Сапарова Айгерим'],
      ['phone', '+77011234567'],
    ]);
    expect(supportPart.values[0]!.legalBasis).toMatchObject({ type: 'contract', contractRef: 'offer-2026' });
    expect(supportPart.values[0]!.source).toBe('website:support-form');
    expect(supportPart.retention).toBeTruthy();
    expect(report!.consents[0]).toMatchObject({
      purpose: mailing,
      text: 'Согласие на рассылку',
      policyVersion: '2025-01',
      evidence: { ip: '203.0.113.7', subjectFullName: 'Сапарова Айгерим' },
    });
    expect(report!.operator.binIin).toMatch(/^\d{12}$/);
    expect(report!.subject!.identities).toEqual([{ kind: 'email', value: email }]);
  });

  it.skipIf(!pdftotextAvailable)(
    'the answer letter is a PDF whose Cyrillic text reads back, in RU, KK and EN',
    async () => {
      const answered = (await t.amanat.requests.list({ status: 'answered' })).find(
        (r) => r.type === 'access',
      )!;
      const { pdf } = await t.amanat.requestExecution.letter('staff', answered.id);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(`Ответ на обращение № ${answered.number}`);
      expect(text).toContain('Доступ к персональным данным');
      expect(text).toContain('Сапарова Айгерим');
      expect(text).toContain('+77011234567');
      expect(text).toContain(t.amanat.rules.register.operator.bin_iin);
      expect(text).toContain(t.amanat.rules.register.operator.name.ru);
      expect(text).toContain('Персональные данные третьим лицам не передавались');

      for (const [language, phrase] of [
        ['kk', 'өтінішке жауап'],
        ['en', 'Answer to request No.'],
      ] as const) {
        const { request } = await t.amanat.requests.submit('test', {
          type: 'information',
          channel: 'web',
          contact: { email: `letter-${language}@example.kz`, name: 'Айгерім Сапарова' },
          language,
        });
        await t.amanat.requests.verifyManually('staff', request.id, 'in_person');
        await t.amanat.requestExecution.execute('staff', request.id);
        const letter = pdfText((await t.amanat.requestExecution.letter('staff', request.id)).pdf);
        expect(letter).toContain(phrase);
        expect(letter).toContain('Айгерім Сапарова');
        // The mail that carries the letter is in the request's language too.
        const before = smtp.messages.length;
        await t.amanat.requestExecution.sendAnswer('staff', request.id);
        const answerMail = await smtp.waitFor(before + 1);
        expect(answerMail.subject).toBe(
          language === 'kk'
            ? `№ ${request.number} өтінішке жауап`
            : `Answer to request No. ${request.number}`,
        );
        if (language === 'kk') expect(answerMail.text).toContain('өтінішіңізге жауабы қоса беріліп отыр');
      }

      const sent = smtp.messages.length;
      await t.amanat.requestExecution.sendAnswer('staff', answered.id);
      const mail = await smtp.waitFor(sent + 1);
      expect(mail.to).toMatchObject({ text: email });
      expect(mail.attachments.map((a) => a.contentType).sort()).toEqual([
        'application/json',
        'application/pdf',
      ]);
      const json = JSON.parse(
        mail.attachments.find((a) => a.contentType === 'application/json')!.content.toString(),
      );
      expect(json.schema).toBe('amanat.access-report/1');
    },
  );

  it('a person the operator does not know is answered "no data held"', async () => {
    const { request } = await t.amanat.requests.submit('test', {
      type: 'information',
      channel: 'web',
      contact: { email: 'stranger@example.kz' },
    });
    expect(request.subjectId).toBeNull();
    await t.amanat.requests.verifyManually('staff', request.id, 'known_contact');
    const { report } = await t.amanat.requestExecution.execute('staff', request.id);
    expect(report).toMatchObject({ noDataHeld: true, subject: null, purposes: [] });
  });

  it('rectification replaces the value; the audit names who, when and which field', async () => {
    const { request } = await submit('rectification', { values: { phone: '8 701 765 43 21' } });
    await t.amanat.requests.verifyManually('staff', request.id, 'signed_letter');
    const { request: done } = await t.amanat.requestExecution.execute('staff', request.id);
    expect(done.outcome).toMatchObject({ summary: 'rectified', fields: ['phone'] });
    const values = await t.amanat.vault.readForPurpose('test', subjectId, support);
    expect(values.find((v) => v.field === 'phone')!.value).toBe('+77017654321');
    const rectified = (await t.amanat.requests.history(request.id)).find((h) => h.action === 'data.rectify')!;
    expect(rectified).toMatchObject({ actor: 'staff', fields: ['phone'] });
    // A field the operator does not hold cannot be "rectified" into existence.
    const bogus = await submit('rectification', {
      values: { position: 'Директор' },
      contact: { email: 'x@example.kz' },
    });
    expect(bogus.request.subjectId).toBeNull();
  });

  it('blocking makes every read refused (and logged) until unblocking', async () => {
    const blockReq = await submit('blocking');
    await t.amanat.requests.verifyManually('staff', blockReq.request.id, 'in_person');
    await t.amanat.requestExecution.execute('staff', blockReq.request.id);
    expect(await codeOf(t.amanat.vault.readForPurpose('test', subjectId, support))).toBe('forbidden');
    const refused = await t.stores.sql.query(
      `SELECT 1 FROM audit_log WHERE action = 'access.refused' AND subject_id = $1`,
      [subjectId],
    );
    expect(refused.length).toBeGreaterThan(0);
    const unblockReq = await submit('unblocking');
    await t.amanat.requests.verifyManually('staff', unblockReq.request.id, 'in_person');
    const { request } = await t.amanat.requestExecution.execute('staff', unblockReq.request.id);
    expect(request.outcome!.summary).toBe('unblocked');
    expect(await t.amanat.vault.readForPurpose('test', subjectId, support)).toHaveLength(2);
  });

  it('destruction of named fields is scheduled by the due date and the request stays open', async () => {
    at('2026-03-20T05:00:00Z');
    const { request } = await submit('destruction', { scope: { fields: ['phone'] } });
    expect(request.dueDate).toBe('2026-03-26');
    await t.amanat.requests.verifyManually('staff', request.id, 'in_person');
    const { request: done } = await t.amanat.requestExecution.execute('staff', request.id);
    expect(done).toMatchObject({
      status: 'in_progress',
      outcome: { pendingDestruction: { fields: ['phone'] } },
    });
    const [row] = await t.stores.sql.query<{ status: string; destroy_by: Date }>(
      `SELECT status, destroy_by FROM personal_values WHERE subject_id = $1 AND field_id = 'phone'`,
      [subjectId],
    );
    expect(row!.status).toBe('marked_for_destruction');
    expect(row!.destroy_by.toISOString()).toBe(done.dueAt.toISOString());
  });

  it('objection needs the reviewed decision; a refusal quotes its reason', async () => {
    const objection = (await t.amanat.requests.list({ open: true })).find(
      (r) => r.type === 'objection_automated_decision',
    )!;
    await t.amanat.requests.verifyManually('staff', objection.id, 'in_person');
    expect(await codeOf(t.amanat.requestExecution.execute('staff', objection.id))).toBe('validation_failed');
    const { request } = await t.amanat.requestExecution.execute('staff', objection.id, {
      answer: 'Решение пересмотрено сотрудником вручную',
    });
    expect(request.status).toBe('answered');

    const { request: info } = await t.amanat.requests.submit('test', {
      type: 'information',
      channel: 'api',
      contact: { email: 'refuse@example.kz' },
    });
    const refused = await t.amanat.requestExecution.refuse('staff', info.id, {
      reason: 'Запрос не содержит сведений, позволяющих установить заявителя',
      rule: 'Закон РК № 94-V, ст. 8 п. 2',
    });
    expect(refused).toMatchObject({
      status: 'refused',
      outcome: { refusal: { rule: 'Закон РК № 94-V, ст. 8 п. 2' } },
    });
    expect(await codeOf(t.amanat.requestExecution.refuse('staff', info.id, { reason: 'again' }))).toBe(
      'request_state_invalid',
    );
    if (pdftotextAvailable) {
      const letter = pdfText((await t.amanat.requestExecution.letter('staff', info.id)).pdf);
      expect(letter).toContain('В удовлетворении обращения отказано');
      expect(letter).toContain('Запрос не содержит сведений, позволяющих установить заявителя');
      expect(letter).toContain('Закон РК № 94-V, ст. 8 п. 2');
    }
  });

  it('unclassified mail runs on the shortest deadline until a person classifies it', async () => {
    at('2026-03-20T05:00:00Z');
    const { request } = await t.amanat.requests.submit('test', {
      type: 'unclassified',
      channel: 'email',
      contact: { email: 'letter@example.kz' },
      text: 'Здравствуйте, что вы знаете обо мне?',
    });
    expect(request.dueDate).toBe('2026-03-26');
    expect(await codeOf(t.amanat.requestExecution.execute('staff', request.id))).toBe(
      'request_state_invalid',
    );
    const classified = await t.amanat.requestClassification.classify('staff', request.id, {
      type: 'information',
    });
    expect(classified).toMatchObject({ type: 'information', dueDate: '2026-03-30' });
    const full = await t.amanat.requests.get('staff', request.id);
    expect(full.contact.email).toBe('letter@example.kz');
    expect(full.details.text).toBe('Здравствуйте, что вы знаете обо мне?');
    // KZ grants no extension.
    expect(await codeOf(t.amanat.requests.extend('staff', request.id, 'нужно время'))).toBe(
      'request_state_invalid',
    );
  });

  it('codes expire, attempts run out, forged codes fail; nothing is disclosed meanwhile', async () => {
    at('2026-03-27T05:00:00Z');
    const { request } = await t.amanat.requests.submit('test', {
      type: 'access',
      channel: 'web',
      contact: { email: 'codes@example.kz' },
    });
    const sent = smtp.messages.length;
    await t.amanat.requests.startEmailVerification('staff', request.id);
    const code = /код: (\d{6})/.exec((await smtp.waitFor(sent + 1)).text ?? '')![1]!;
    at('2026-03-27T05:31:00Z');
    expect(await codeOf(t.amanat.requests.verifyCode('subject', request.id, code))).toBe(
      'verification_expired',
    );
    await t.amanat.requests.startEmailVerification('staff', request.id);
    const fresh = /код: (\d{6})/.exec((await smtp.waitFor(sent + 2)).text ?? '')![1]!;
    const wrong = fresh === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(t.amanat.requests.verifyCode('subject', request.id, wrong))).toBe(
        'verification_failed',
      );
    }
    expect(await codeOf(t.amanat.requests.verifyCode('subject', request.id, fresh))).toBe(
      'verification_expired',
    );
    expect(await codeOf(t.amanat.requests.verifyCode('subject', request.id, 'abc'))).toBe(
      'verification_expired',
    );
    const [state] = await t.amanat.requests
      .list({ subjectId: undefined })
      .then((l) => l.filter((r) => r.id === request.id));
    expect(state!.status).toBe('verifying');
  });

  it('refuses more requests from one contact than the daily limit, and bad input changes nothing', async () => {
    at('2026-04-01T05:00:00Z');
    const contact = { email: 'busy@example.kz' };
    const types = [
      'information',
      'access',
      'blocking',
      'unblocking',
      'destruction',
      'consent_withdrawal',
    ] as const;
    for (const type of [...types, 'objection_automated_decision', 'rectification'] as const) {
      const values = type === 'rectification' ? { phone: '+77010000000' } : undefined;
      const { duplicate } = await t.amanat.requests.submit('test', { type, channel: 'web', contact, values });
      expect(duplicate).toBe(false);
    }
    const before = await t.stores.sql.query('SELECT id FROM subject_requests');
    expect(
      await codeOf(t.amanat.requests.submit('test', { type: 'unclassified', channel: 'web', contact })),
    ).toBe('rate_limited');
    const bad = [
      { type: 'access', channel: 'web', contact: { email: 'not-an-email' } },
      { type: 'access', channel: 'web', contact: {} },
      { type: 'rectification', channel: 'web', contact: { email: 'r@example.kz' } },
      {
        type: 'consent_withdrawal',
        channel: 'web',
        contact: { email: 'w@example.kz' },
        scope: { purposes: [support] },
      },
      {
        type: 'destruction',
        channel: 'web',
        contact: { email: 'd@example.kz' },
        scope: { fields: ['no_such'] },
      },
      {
        type: 'access',
        channel: 'web',
        contact: { email: 'a@example.kz' },
        scope: { purposes: ['no_such'] },
      },
    ] as const;
    const codes = [];
    for (const input of bad) codes.push(await codeOf(t.amanat.requests.submit('test', input as never)));
    expect(codes).toEqual([
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'unknown_field',
      'unknown_purpose',
    ]);
    expect(await t.stores.sql.query('SELECT id FROM subject_requests')).toHaveLength(before.length);
    expect(await codeOf(t.amanat.requests.get('staff', '00000000-0000-4000-8000-000000000000'))).toBe(
      'not_found',
    );
  });

  it('lists what is due and what is overdue, with working days left', async () => {
    at('2026-04-07T05:00:00Z');
    const digest = await t.amanat.requests.dueDigest();
    expect(digest.today).toBe('2026-04-07');
    // The withdrawal of 20 March is due tomorrow; requests of 26 March and earlier are overdue.
    expect(digest.dueTomorrow.map((r) => r.type)).toContain('consent_withdrawal');
    expect(digest.overdue.length).toBeGreaterThan(0);
    expect(digest.overdue.every((r) => r.overdue && r.daysLeft < 0)).toBe(true);
    const withdrawal = digest.dueTomorrow.find(
      (r) => r.type === 'consent_withdrawal' && r.subjectId === subjectId,
    )!;
    expect(withdrawal.daysLeft).toBe(1);
  });
});

describe.each(storeKinds())('Russian deadlines on %s', (kind) => {
  it('an information request is due in 10 RU working days, extendable once by 5 with a reason', async () => {
    const t = await createTestAmanat(kind, {
      registerFile: fromPackageRoot('test', 'fixtures', 'registers', 'valid-minimal-ru.yaml'),
      // 2026-03-20 (Friday) 10:00 in Moscow.
      clock: () => new Date('2026-03-20T07:00:00Z'),
    });
    try {
      const { request } = await t.amanat.requests.submit('test', {
        type: 'information',
        channel: 'paper',
        contact: { email: 'ivan@example.ru' },
      });
      expect(request.dueDate).toBe('2026-04-03');
      expect(request.deadline).toMatchObject({ amount: 10, unit: 'working_days', source: 'law' });
      expect(await codeOf(t.amanat.requests.extend('staff', request.id, '   '))).toBe('validation_failed');
      const extended = await t.amanat.requests.extend(
        'staff',
        request.id,
        'Нужно запросить сведения у обработчика',
      );
      expect(extended).toMatchObject({
        dueDate: '2026-04-10',
        extensionReason: 'Нужно запросить сведения у обработчика',
      });
      expect(extended.dueAt.toISOString()).toBe('2026-04-10T20:59:59.999Z');
      expect(await codeOf(t.amanat.requests.extend('staff', request.id, 'ещё раз'))).toBe(
        'request_state_invalid',
      );
      const history = await t.amanat.requests.history(request.id);
      expect(history.at(-1)).toMatchObject({
        action: 'request.extend',
        details: { from: '2026-04-03', to: '2026-04-10' },
      });
    } finally {
      await t.close();
    }
  });
  it('an unclassified e-mail is received (not refused for a missing deadline) and runs on the shortest: blocking on the day it arrives (Art. 21 p. 1); destruction in 7 working days (Art. 20 p. 3), an objection in 30 days (Art. 16 p. 4)', async () => {
    const t = await createTestAmanat(kind, {
      registerFile: fromPackageRoot('test', 'fixtures', 'registers', 'valid-minimal-ru.yaml'),
      // 2026-03-20 (Friday) 10:00 in Moscow.
      clock: () => new Date('2026-03-20T07:00:00Z'),
    });
    try {
      const submit = (type: 'unclassified' | 'blocking' | 'destruction' | 'objection_automated_decision') =>
        t.amanat.requests.submit('test', {
          type,
          channel: 'email',
          contact: { email: `${type}@example.ru` },
          text: 'Прошу прекратить обработку моих данных',
        });
      const { request: unclassified } = await submit('unclassified');
      expect(unclassified.dueDate).toBe('2026-03-20');
      expect(unclassified.deadline).toMatchObject({ amount: 0, unit: 'working_days', source: 'law' });
      expect(unclassified.deadline.rule).toMatch(/^152-ФЗ, ст\. 21 ч\. 1:/);
      expect((await submit('blocking')).request.dueDate).toBe('2026-03-20');
      const destruction = (await submit('destruction')).request;
      expect(destruction.dueDate).toBe('2026-03-31');
      expect(destruction.deadline.rule).toMatch(/^152-ФЗ, ст\. 20 ч\. 3:/);
      const objection = (await submit('objection_automated_decision')).request;
      expect(objection.deadline).toMatchObject({ amount: 30, unit: 'calendar_days', source: 'law' });
      expect(objection.dueDate).toBe('2026-04-19');
    } finally {
      await t.close();
    }
  });
});
