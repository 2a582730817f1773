// Disclosures to recipients on the register's grounds (seed 3.2.5), no cross-border transfer (3.2.6), and
// public distribution of testimonials only under a live publication consent (3.3). On both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { approveList } from './support/listed-keys.js';
import { storeKinds } from './support/stores.js';

describe.each(storeKinds())('disclosures and publication on %s', (kind) => {
  let t: TestApi;
  let subject: string;
  let local: string;
  let abroad: string;
  let other: string;
  const mailing = () => t.purposeId(8);

  const grantMailing = (subjectId: string, extra: Record<string, unknown>) =>
    t.call('POST', `/api/subjects/${subjectId}/consents`, {
      body: {
        purpose: mailing(),
        kind: 'processing',
        channel: 'web',
        policy_version: '2025-01',
        subject_full_name: 'Тестова Мария',
        third_party_transfer: false,
        cross_border_transfer: false,
        publication: false,
        ...extra,
      },
    });

  const refusals = async () =>
    (
      await t.stores.sql.query<{ details: { reason: string } }>(
        `SELECT details FROM audit_log WHERE action = 'disclosure.refused' ORDER BY seq`,
      )
    ).map((r) => r.details.reason);

  beforeAll(async () => {
    t = await createTestApi(kind);
    subject = (await t.amanat.vault.ensureSubject('test', { email: 'maria@example.kz' })).subjectId;
    const recipient = (body: Record<string, unknown>) => t.call('POST', '/api/recipients', { body });
    local = (
      await recipient({
        name: 'ТОО «Рассылки KZ»',
        kind: 'processor',
        country: 'KZ',
        contractRef: 'Д-12/2026',
      })
    ).body.id;
    other = (await recipient({ name: 'ТОО «Другой партнёр»', kind: 'third_party', country: 'KZ' })).body.id;
    abroad = (await recipient({ name: 'Mailer GmbH', kind: 'third_party', country: 'DE' })).body.id;
  });
  afterAll(async () => t?.close());

  it('a processor without its contract is refused; a bad country code is refused', async () => {
    const noContract = await t.call('POST', '/api/recipients', {
      body: { name: 'ИП Без договора', kind: 'processor', country: 'KZ' },
    });
    expect(noContract.status).toBe(422);
    expect(noContract.body.error.issues[0].path).toBe('contractRef');
    const badCountry = await t.call('POST', '/api/recipients', {
      body: { name: 'X', kind: 'third_party', country: 'kz' },
    });
    expect(badCountry.status).toBe(422);
  });

  it('a recipient in another country is refused with the 3.2.6 rule in the message', async () => {
    const response = await t.call('POST', '/api/disclosures', {
      body: {
        subjectId: subject,
        recipientId: abroad,
        purpose: mailing(),
        fields: ['email'],
        ground: 'prior_consent',
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('cross_border_forbidden');
    expect(response.body.error.message).toContain('3.2.6');
    expect(response.body.error.message).toContain('трансграничн');
    expect(await refusals()).toContain('cross_border');
  });

  it('a consent naming a recipient outside the register, or naming recipients without a transfer, is refused and not written', async () => {
    const consentsOf = async () =>
      (await t.stores.sql.query('SELECT 1 FROM consents WHERE subject_id = $1', [subject])).length;
    const before = await consentsOf();
    const missing = '0b7d3a52-93f5-4c1e-9d2a-5a4e2f1c7b10';
    const unknown = await grantMailing(subject, {
      third_party_transfer: true,
      transfer_recipients: [local, missing],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain(missing);
    expect(unknown.body.error.message).not.toContain(local);
    expect(unknown.body.error.issues).toEqual([
      expect.objectContaining({ path: 'transfer_recipients', message: expect.stringContaining(missing) }),
    ]);

    const noTransfer = await grantMailing(subject, {
      third_party_transfer: false,
      transfer_recipients: [local],
    });
    expect(noTransfer.status).toBe(422);
    expect(noTransfer.body.error.issues[0].path).toBe('transfer_recipients');
    expect(noTransfer.body.error.message).toContain('third_party_transfer');
    expect(await consentsOf()).toBe(before);
  });

  it('on the consent ground: refused without consent, with a consent that does not cover the recipient, and after withdrawal', async () => {
    const none = await t.call('POST', '/api/disclosures', {
      body: {
        subjectId: subject,
        recipientId: local,
        purpose: mailing(),
        fields: ['email'],
        ground: 'prior_consent',
      },
    });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('disclosure_refused');
    expect(none.body.error.message).toContain('Нет действующего согласия');

    expect(
      (await grantMailing(subject, { third_party_transfer: true, transfer_recipients: [local] })).status,
    ).toBe(201);
    await t.call('POST', `/api/subjects/${subject}/data`, {
      body: { purposes: [mailing()], values: { email: 'maria@example.kz' }, source: 'website:newsletter' },
    });
    const otherRecipient = await t.call('POST', '/api/disclosures', {
      body: {
        subjectId: subject,
        recipientId: other,
        purpose: mailing(),
        fields: ['email'],
        ground: 'prior_consent',
      },
    });
    expect(otherRecipient.status).toBe(422);
    expect(otherRecipient.body.error.message).toContain('не разрешает передачу этому получателю');

    const ok = await t.call('POST', '/api/disclosures', {
      body: {
        // In upper case: the same subject (ids enter the ciphertexts' AAD and the audit chain in lower case).
        subjectId: subject.toUpperCase(),
        recipientId: local,
        purpose: mailing(),
        fields: ['email'],
        ground: 'prior_consent',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.values.map((v: { field: string; value: unknown }) => [v.field, v.value])).toEqual([
      ['email', 'maria@example.kz'],
    ]);
    expect(ok.body.disclosure.evidence.consentId).toBeDefined();
    const log = await t.call('GET', `/api/disclosures?subjectId=${subject}`);
    expect(log.body.disclosures).toHaveLength(1);
    expect(log.body.disclosures[0].recipient.name).toBe('ТОО «Рассылки KZ»');

    await t.call('POST', `/api/subjects/${subject}/consents/withdraw`, {
      body: { purpose: mailing(), kind: 'processing', channel: 'web' },
    });
    const afterWithdrawal = await t.call('POST', '/api/disclosures', {
      body: {
        subjectId: subject,
        recipientId: local,
        purpose: mailing(),
        fields: ['email'],
        ground: 'prior_consent',
      },
    });
    expect(afterWithdrawal.status).toBe(422);
    expect(await refusals()).toEqual(expect.arrayContaining(['no_consent']));
  });

  it('the disclosure shows in the subject’s access report', async () => {
    const { request } = await t.amanat.requests.submit('test', {
      type: 'access',
      channel: 'api',
      contact: { email: 'maria@example.kz' },
    });
    await t.amanat.requests.verifyManually('test', request.id, 'known_contact');
    const report = await t.amanat.requestExecution.report('test', request.id);
    const purpose = report.purposes.find((p) => p.id === mailing())!;
    expect(purpose.recipients).toEqual([
      expect.objectContaining({ name: 'ТОО «Рассылки KZ»', country: 'KZ', fields: ['email'] }),
    ]);
  });

  it('a disclosure without a ground, or on grounds whose evidence is missing, is refused and logged', async () => {
    const base = { subjectId: subject, recipientId: local, purpose: t.purposeId(6), fields: ['email'] };
    const noGround = await t.call('POST', '/api/disclosures', { body: { ...base, ground: 'because' } });
    expect(noGround.status).toBe(422);
    expect(noGround.body.error.message).toContain('без основания');
    const noRequest = await t.call('POST', '/api/disclosures', {
      body: { ...base, ground: 'initiated_by_subject' },
    });
    expect(noRequest.status).toBe(422);
    expect(noRequest.body.error.issues[0].path).toBe('requestId');
    const noAuthority = await t.call('POST', '/api/disclosures', {
      body: { ...base, ground: 'justice_and_law' },
    });
    expect(noAuthority.status).toBe(422);
    expect(noAuthority.body.error.message).toContain('запроса органа');
    const noContract = await t.call('POST', '/api/disclosures', {
      body: { ...base, ground: 'contract_necessity' },
    });
    expect(noContract.status).toBe(422);
    expect(await refusals()).toEqual(
      expect.arrayContaining(['no_ground', 'no_subject_request', 'no_authority_request', 'no_contract']),
    );
  });

  it('on the legal-duty ground with the authority’s request and its representative held under purpose 1', async () => {
    await t.amanat.vault.collect('test', subject, {
      purposes: [t.purposeId(6)],
      values: { full_name: 'Тестова Мария', email: 'maria@example.kz' },
      source: 'website:support-form',
      contractRef: 'offer-2026',
    });
    const officer = (await t.amanat.vault.ensureSubject('test', { email: 'officer@police.kz' })).subjectId;
    const authority = await t.call('POST', '/api/recipients', {
      body: { name: 'Департамент полиции г. Караганды', kind: 'authority', country: 'KZ' },
    });
    const request = {
      subjectId: subject,
      recipientId: authority.body.id,
      purpose: t.purposeId(6),
      fields: ['full_name', 'email'],
      ground: 'justice_and_law',
      authorityRequest: {
        authority: 'ДП г. Караганды',
        number: '12-3/456',
        date: '2026-11-20',
        representativeSubjectId: officer,
      },
    };
    const withoutRepresentative = await t.call('POST', '/api/disclosures', { body: request });
    expect(withoutRepresentative.status).toBe(422);
    await t.amanat.vault.collect('test', officer, {
      purposes: [t.purposeId(1)],
      values: {
        full_name: 'Ахметов Нурлан',
        position: 'следователь',
        workplace: 'ДП г. Караганды',
        contact_details: '+7 7212 000000',
      },
      source: 'paper:authority-request',
    });
    const ok = await t.call('POST', '/api/disclosures', { body: request });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.disclosure.evidence.authorityRequest).toEqual({
      authority: 'ДП г. Караганды',
      number: '12-3/456',
      date: '2026-11-20',
    });
    expect(ok.body.disclosure.fields).toEqual(['email', 'full_name']);
  });

  it('the whole record is read only for a stated reason, kept in the audit log, and only of the role’s purposes', async () => {
    await t.call('PUT', '/api/roles/reviewer', {
      body: { name: 'Проверка жалоб', purposes: [t.purposeId(6)], actions: ['data:export'] },
    });
    const key = await t.call('POST', '/api/keys', { body: { name: 'complaints-desk', role: 'reviewer' } });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    await approveList(t.amanat, [t.adminEntry, { keyId: key.body.id, roleId: 'reviewer' }]);
    const short = await t.call('GET', `/api/subjects/${subject}/record?reason=why`, {
      token: key.body.token,
    });
    expect(short.status).toBe(422);
    expect(short.body.error.issues[0].path).toBe('reason');
    const reason = 'жалоба клиента № 17 от 20.11.2026';
    const record = await t.call(
      'GET',
      `/api/subjects/${subject}/record?reason=${encodeURIComponent(reason)}`,
      {
        token: key.body.token,
      },
    );
    expect(record.status, JSON.stringify(record.body)).toBe(200);
    const purposesSeen = new Set(record.body.values.flatMap((v: { purposes: string[] }) => v.purposes));
    expect([...purposesSeen]).toEqual([t.purposeId(6)]);
    const [entry] = await t.stores.sql.query<{ details: { reason: string; purposes: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'data.read_record' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.details).toEqual({ reason, purposes: [t.purposeId(6)] });
  });

  it('testimonials: only the fields a live publication consent permits, and nothing the moment it is withdrawn', async () => {
    const author = (await t.amanat.vault.ensureSubject('test', { email: 'author@example.kz' })).subjectId;
    const testimonials = t.purposeId(10);
    const grant = await t.call('POST', `/api/subjects/${author}/consents`, {
      body: {
        purpose: testimonials,
        kind: 'publication',
        channel: 'web',
        policy_version: '2025-01',
        subject_full_name: 'Сериков Арман',
        third_party_transfer: false,
        cross_border_transfer: false,
        publication: true,
        publication_fields: [
          { field: 'surname', restrictions: [] },
          { field: 'first_name', restrictions: ['только на сайте nextbot.kz'] },
        ],
      },
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
    const collected = await t.call('POST', `/api/subjects/${author}/data`, {
      body: {
        purposes: [testimonials],
        values: { surname: 'Сериков', first_name: 'Арман', photo: 'data:image/png;base64,iVBORw0KGgo=' },
        source: 'website:testimonial-form',
      },
    });
    expect(collected.status, JSON.stringify(collected.body)).toBe(201);
    const published = await t.app.request('/api/public/testimonials');
    expect(published.headers.get('cache-control')).toBe('no-store');
    const body = (await published.json()) as {
      entries: { fields: Record<string, unknown>; restrictions: Record<string, string[]> }[];
    };
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]!.fields).toEqual({ surname: 'Сериков', first_name: 'Арман' });
    expect(body.entries[0]!.restrictions.first_name).toEqual(['только на сайте nextbot.kz']);

    await t.call('POST', `/api/subjects/${author}/consents/withdraw`, {
      body: { purpose: testimonials, kind: 'publication', channel: 'web' },
    });
    const after = (await (await t.app.request('/api/public/testimonials')).json()) as { entries: unknown[] };
    expect(after.entries).toEqual([]);
  });
});
