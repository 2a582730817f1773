// Consent grants tied to the published forms: the public form routes, a grant that names an unknown version or
// sends a text other than the form's (422, nothing written), a grant that omits the text (the form's text and
// hash recorded), the paper path (the subject's own text beside the form's hash), and a Kazakh form's hash.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsentForm, renderConsentForms } from '../src/modules/documents/consent-form.js';
import { createTestApi, grantBody, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';
import { countChanges, tableCounts } from './support/table-counts.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(storeKinds())('consent forms and grants on %s', (kind) => {
  let t: TestApi;
  let ru: ConsentForm[];
  let kk: ConsentForm[];
  let mailing: string;
  let n = 0;
  const newSubject = async () =>
    (await t.call('POST', '/api/subjects', { body: { email: `forms-${++n}@example.kz` } })).body.id as string;
  const form = (forms: ConsentForm[], id: string) => forms.find((f) => f.formId === id)!;
  const grant = (subject: string, body: Record<string, unknown>) =>
    t.call('POST', `/api/subjects/${subject}/consents`, { body });
  const row = async (subject: string) =>
    (
      await t.stores.sql.query<{
        text: string | null;
        text_sha256: string;
        form_sha256: string;
        lang: string;
        policy_version: string;
        channel: string;
      }>(
        'SELECT text, text_sha256, form_sha256, lang, policy_version, channel FROM consents WHERE subject_id = $1',
        [subject],
      )
    )[0]!;

  beforeAll(async () => {
    t = await createTestApi(kind);
    mailing = t.purposeId(8);
    ru = renderConsentForms(t.amanat.rules.register, t.amanat.rules.profile, 'ru');
    kk = renderConsentForms(t.amanat.rules.register, t.amanat.rules.profile, 'kk');
  });
  afterAll(async () => t?.close());

  it('lists the forms of a version with their hashes, and serves each as text and HTML, without credentials', async () => {
    const list = await t.call('GET', '/api/consent-forms?version=2025-01&lang=ru', { token: null });
    expect(list.status).toBe(200);
    expect(list.body.version).toBe('2025-01');
    expect(list.body.forms).toEqual(
      ru.map((f) => ({
        formId: f.formId,
        purposeId: f.purposeId,
        kind: f.kind,
        lang: 'ru',
        sha256: f.sha256,
      })),
    );
    // No version: the newest published one.
    expect((await t.call('GET', '/api/consent-forms', { token: null })).body.version).toBe('2025-01');

    const text = await t.app.request('/api/consent-forms/mailing?version=2025-01&lang=kk');
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toContain('text/plain');
    const body = await text.text();
    expect(body).toBe(form(kk, 'mailing').text);
    expect(text.headers.get('x-consent-form-sha256')).toBe(sha256(body));

    const html = await t.app.request('/api/consent-forms/publication?lang=ru&format=html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await html.text()).toBe(form(ru, 'publication').html);
  });

  it('an unknown version or form is a 404 naming it', async () => {
    const version = await t.call('GET', '/api/consent-forms?version=1999-01', { token: null });
    expect(version.status).toBe(404);
    expect(version.body.error.message).toContain('1999-01');
    expect(version.body.error.message).toContain('2025-01');
    const formId = await t.call('GET', '/api/consent-forms/support?version=2025-01', { token: null });
    expect(formId.status).toBe(404);
    expect(formId.body.error.issues[0].message).toContain('mailing');
    const lang = await t.call('GET', '/api/consent-forms?lang=de', { token: null });
    expect(lang.status).toBe(422);
  });

  it('a grant naming an unknown version is refused, naming policy_version, the value and the known versions', async () => {
    const subject = await newSubject();
    const before = await tableCounts(t.stores);
    const res = await grant(subject, grantBody(mailing, { policy_version: '2024-07' }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('policy_version_unknown');
    expect(res.body.error.issues[0].path).toBe('policy_version');
    expect(res.body.error.issues[0].message).toContain('2024-07');
    expect(res.body.error.issues[0].message).toContain('2025-01');
    expect(countChanges(before, await tableCounts(t.stores))).toEqual([]);
  });

  it('a text other than the form is refused with both hashes, and nothing is written', async () => {
    const subject = await newSubject();
    const sent = 'Я согласен на получение рассылок';
    const before = await tableCounts(t.stores);
    const consentsBefore = before.consents;
    const res = await grant(subject, grantBody(mailing, { text: sent }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('consent_text_mismatch');
    expect(res.body.error.issues[0].path).toBe('text');
    expect(res.body.error.message).toContain(form(ru, 'mailing').sha256);
    expect(res.body.error.message).toContain(sha256(sent));
    // One character off is a different text too.
    const almost = await grant(subject, grantBody(mailing, { text: `${form(ru, 'mailing').text} ` }));
    expect(almost.body.error.code).toBe('consent_text_mismatch');
    const after = await tableCounts(t.stores);
    expect(after.consents).toBe(consentsBefore);
    expect(countChanges(before, after)).toEqual([]);
  });

  it('a web grant that omits the text records the form text and hash; the exact form text is accepted', async () => {
    const subject = await newSubject();
    const res = await grant(subject, grantBody(mailing));
    expect(res.status).toBe(201);
    const mailingForm = form(ru, 'mailing');
    expect(res.body).toMatchObject({
      text: mailingForm.text,
      textSha256: mailingForm.sha256,
      formSha256: mailingForm.sha256,
      lang: 'ru',
      policyVersion: '2025-01',
    });
    // The row keeps no copy of the form's text (it is kept once, in the published version): the journal reads
    // it from there, and its hash is the row's.
    expect(await row(subject)).toEqual({
      text: null,
      text_sha256: mailingForm.sha256,
      form_sha256: mailingForm.sha256,
      lang: 'ru',
      policy_version: '2025-01',
      channel: 'web',
    });
    const journal = await t.call('GET', `/api/subjects/${subject}/consents`);
    expect(journal.status).toBe(200);
    expect(journal.body.consents[0]).toMatchObject({
      text: mailingForm.text,
      textSha256: mailingForm.sha256,
    });
    const exact = await newSubject();
    const sent = await grant(exact, grantBody(mailing, { text: mailingForm.text, channel: 'api' }));
    expect(sent.status).toBe(201);
    expect(sent.body.textSha256).toBe(mailingForm.sha256);
  });

  it('paper: the signed text is required and recorded with its own hash beside the form hash', async () => {
    const subject = await newSubject();
    const missing = await grant(subject, grantBody(mailing, { channel: 'paper' }));
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues[0].path).toBe('text');
    const signed = 'Я, Сапарова Айгерим, согласна на получение рассылок ИП Бекишев Б. С. (подпись)';
    const unknown = await grant(
      subject,
      grantBody(mailing, { channel: 'paper', text: signed, policy_version: 'x' }),
    );
    expect(unknown.body.error.code).toBe('policy_version_unknown');
    const res = await grant(subject, grantBody(mailing, { channel: 'paper', text: signed }));
    expect(res.status).toBe(201);
    expect(await row(subject)).toMatchObject({
      text: signed,
      text_sha256: sha256(signed),
      form_sha256: form(ru, 'mailing').sha256,
      channel: 'paper',
    });
  });

  it('lang kk records the Kazakh form and its hash; the publication consent cites the publication form', async () => {
    const subject = await newSubject();
    const res = await grant(subject, grantBody(mailing, { lang: 'kk' }));
    expect(res.status).toBe(201);
    expect(await row(subject)).toMatchObject({
      text: null,
      text_sha256: form(kk, 'mailing').sha256,
      form_sha256: form(kk, 'mailing').sha256,
      lang: 'kk',
    });
    const journal = await t.call('GET', `/api/subjects/${subject}/consents`);
    expect(journal.body.consents[0].text).toBe(form(kk, 'mailing').text);
    const wrongLang = await grant(
      await newSubject(),
      grantBody(mailing, { text: form(ru, 'mailing').text, lang: 'kk' }),
    );
    expect(wrongLang.body.error.code).toBe('consent_text_mismatch');

    const author = await newSubject();
    const publication = t.amanat.rules.register.publication!;
    const published = await grant(
      author,
      grantBody(publication.purpose, {
        kind: 'publication',
        publication: true,
        publication_fields: publication.fields.map((f) => ({ field: f.field })),
      }),
    );
    expect(published.status).toBe(201);
    expect(published.body.formSha256).toBe(form(ru, 'publication').sha256);
  });

  it('grants arriving together (one batch) go through the same check', async () => {
    const subjects = await Promise.all([newSubject(), newSubject(), newSubject()]);
    const grantOf = (subjectId: string, text?: string) =>
      t.amanat.consents.grant('test', subjectId, {
        purpose: mailing,
        kind: 'processing',
        channel: 'web',
        text,
        policyVersion: '2025-01',
        subjectFullName: 'Тест Тестов',
        thirdPartyTransfer: false,
        crossBorderTransfer: false,
        publication: false,
      });
    const outcomes = await Promise.allSettled([
      grantOf(subjects[0]!),
      grantOf(subjects[1]!, 'не тот текст'),
      grantOf(subjects[2]!),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.code).toBe('consent_text_mismatch');
    expect(await row(subjects[0]!)).toMatchObject({ form_sha256: form(ru, 'mailing').sha256 });
    const none = await t.stores.sql.query('SELECT 1 FROM consents WHERE subject_id = $1', [subjects[1]]);
    expect(none).toEqual([]);
  });
});
