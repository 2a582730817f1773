// The act of destruction carries every field of the law's form (LAW.md, "Destruction"; issue point 7), in Russian
// and Kazakh, read back from the PDF with pdftotext: the processor from the recipient register (or that none
// took part), those who destroyed the data with position and a line to sign (for automated destruction the
// person responsible for the system), the subjects or their categories, pages per medium for paper, and the
// keeping period from the jurisdiction profile. On both stores.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDestructionActs } from '../src/modules/retention/destruction-act.service.js';
import { createRegisterRules } from '../src/modules/rules/register-rules.js';
import { createTestApi, type TestApi } from './support/api.js';
import { pdftotextAvailable } from './support/pdf.js';
import { exampleRegister, storeKinds } from './support/stores.js';

const kazakhLetters = /[әғқңөұүһі]/;

/**
 * The PDF's text in reading order (pdftotext without -layout: a table cell's lines stay together), with every
 * run of white space one space, so that a phrase wrapped in a cell is found whole.
 */
function flatText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
  return result.stdout.toString('utf8').replace(/\s+/g, ' ');
}

/** The part of a text from one heading to the next: where a section's pieces must all be found. */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  expect(start, `«${from}» in the text`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(to, start);
  return text.slice(start, end < 0 ? undefined : end);
}

describe.each(storeKinds())('the act of destruction on %s', (kind) => {
  let t: TestApi;
  let now = new Date('2026-04-01T05:00:00Z');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const responsible = () => t.amanat.rules.register.operator.responsible_person;
  /** The act's PDF text in one language, through the route (as a user downloads it). */
  const actText = async (id: string, lang?: 'ru' | 'kk') => {
    const response = await t.app.request(`/api/retention/acts/${id}/pdf${lang ? `?lang=${lang}` : ''}`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(response.status).toBe(200);
    return flatText(Buffer.from(await response.arrayBuffer()));
  };

  let sweepActId: string;
  let subject: string;

  beforeAll(async () => {
    t = await createTestApi(kind, { clock: () => now });
    // A subject of the mailing purpose (8) whose e-mail went to a processor under the consent, then withdrawn:
    // the night's sweep destroys it and the act names the processor.
    const mailing = t.purposeId(8);
    const processor = await t.amanat.disclosures.saveRecipient('test', {
      name: 'ТОО «Рассылки KZ»',
      kind: 'processor',
      country: 'KZ',
      contractRef: 'Д-12/2026',
    });
    subject = (await t.amanat.vault.ensureSubject('test', { email: 'reader@example.kz' })).subjectId;
    await t.amanat.consents.grant('test', subject, {
      purpose: mailing,
      kind: 'processing',
      channel: 'web',
      policyVersion: '2025-01',
      subjectFullName: 'Тестовый Субъект',
      ip: '203.0.113.7',
      thirdPartyTransfer: true,
      transferRecipients: [processor.id],
      crossBorderTransfer: false,
      publication: false,
    });
    await t.amanat.vault.collect('test', subject, {
      purposes: [mailing],
      values: { email: 'reader@example.kz' },
      source: 'website:newsletter',
    });
    await t.amanat.disclosures.disclose('test', {
      subjectId: subject,
      recipientId: processor.id,
      purpose: mailing,
      fields: ['email'],
      ground: 'prior_consent',
    });
    await t.amanat.consents.withdraw('test', subject, {
      purpose: mailing,
      kind: 'processing',
      channel: 'email',
    });
    at('2026-04-02T01:00:00Z');
    const result = await t.amanat.retentionSweeper.run({ trigger: 'schedule' });
    expect(result.valuesDestroyed).toBe(1);
    sweepActId = result.acts.find((a) => a.kind === 'sweep')!.id;
  });
  afterAll(async () => t?.close());

  it('names the processor that processed the destroyed data, from the recipient register (RU and KK)', async () => {
    const { act } = await t.amanat.destructionActs.get(sweepActId);
    expect(act!.processors).toEqual([{ name: 'ТОО «Рассылки KZ»', country: 'KZ', contractRef: 'Д-12/2026' }]);
    if (!pdftotextAvailable) return;
    const ru = await actText(sweepActId);
    expect(ru).toContain(
      'Обработчик (лицо, осуществляющее обработку по поручению оператора): ТОО «Рассылки KZ» (KZ; договор поручения Д-12/2026)',
    );
    expect(ru).not.toContain('не привлекался');
    const kk = await actText(sweepActId, 'kk');
    expect(kk).toContain(
      'Өңдеуші (оператордың тапсырмасы бойынша өңдеуді жүзеге асыратын тұлға): ТОО «Рассылки KZ» (KZ; тапсырма шарты Д-12/2026)',
    );
    expect(kk).not.toContain('тартылмады');
  });

  it('an automated act is signed by the person responsible for the system, never by the software (RU and KK)', async () => {
    const { act } = await t.amanat.destructionActs.get(sweepActId);
    const person = responsible();
    expect(act!.performedBy).toEqual([{ name: person.name, position: person.position, role: 'responsible' }]);
    if (!pdftotextAvailable) return;
    const ru = await actText(sweepActId);
    // The signers' table: the name with why they sign, the position, and a line to sign on.
    const signers = between(ru, 'Уничтожение произвели', 'Выписка из журнала событий');
    for (const piece of [
      person.name,
      person.position!,
      'ответственный за организацию обработки персональных данных; уничтожение выполнено информационной системой оператора автоматически под его контролем',
      '____________________ (подпись)',
    ]) {
      expect(signers).toContain(piece);
    }
    expect(ru).not.toMatch(/Amanat|программн/);
    const kk = await actText(sweepActId, 'kk');
    const kkSigners = between(kk, 'Жоюды жүргізгендер', 'Оқиғалар журналынан үзінді');
    for (const piece of [
      person.name,
      person.position!,
      'дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға',
      '____________________ (қолы)',
    ]) {
      expect(kkSigners).toContain(piece);
    }
  });

  it("a sweep's act names the subjects' categories and count; the texts come in the act's language", async () => {
    const { act } = await t.amanat.destructionActs.get(sweepActId);
    expect(act!.subjects.count).toBe(1);
    expect(act!.subjects.ids).toBeUndefined();
    if (!pdftotextAvailable) return;
    const ru = await actText(sweepActId);
    expect(ru).toContain(
      'Количество субъектов: 1 Категории субъектов: Контрагент (физическое лицо); Пользователь сайта',
    );
    // The purpose with its legal basis as the register words it, in the act's language.
    expect(ru).toContain(
      '8 Осуществление информационных и рекламных рассылок Согласие субъекта на обработку ПД, в соответствии',
    );
    expect(ru).toContain('Закон Республики Казахстан от 21 мая 2013 года № 94-V');
    expect(ru).toMatch(/стр\. 1 из \d/);
    // The extract names the subject by internal id only; no personal value is printed.
    expect(ru).toContain(subject);
    expect(ru).not.toContain('reader@example.kz');
    const kk = await actText(sweepActId, 'kk');
    expect(kk).toMatch(kazakhLetters);
    expect(kk).toContain('Дербес деректерді жою туралы');
    expect(kk).toContain('Субъектілер санаттары: Контрагент (жеке тұлға); Сайт пайдаланушысы');
    expect(kk).toContain(
      '8 Ақпараттық және жарнамалық таратылымдар жүргізу Дербес деректер туралы заңның талаптарына сәйкес',
    );
    expect(kk).toContain('субъектінің келісімді кері қайтарып алуы');
    expect(kk).toContain('Оқиғалар журналынан үзінді');
    expect(kk).toContain(subject);
    expect(kk).toMatch(/\d беттің 1-беті/);
    expect(kk).not.toContain('Уничтожение произвели');
  });

  it('a paper act: pages per medium, the people who shredded it, no processor, the subjects named (RU and KK)', async () => {
    const person = (await t.amanat.vault.ensureSubject('test', { email: 'paper@example.kz' })).subjectId;
    const act = await t.amanat.destructionActs.recordPaper('staff:aigerim', {
      date: '2026-04-02',
      media: 'Анкеты соискателей 2023 года',
      pages: 14,
      reason: 'Истёк срок хранения кадрового резерва',
      fields: ['full_name', 'phone'],
      subjectIds: [person],
      performedBy: [{ name: 'Сапарова Айгерим Болатовна', position: 'офис-менеджер' }, { name: 'Ким Олег' }],
    });
    expect(act.processors).toEqual([]);
    expect(act.subjects.ids).toEqual([person]);
    if (!pdftotextAvailable) return;
    const ru = await actText(act.id);
    expect(ru).toContain('Материальные (бумажные) носители');
    expect(ru).toContain('Носители Количество листов Анкеты соискателей 2023 года 14');
    expect(ru).toContain(
      'Обработчик (лицо, осуществляющее обработку по поручению оператора): не привлекался',
    );
    const signers = between(ru, 'Уничтожение произвели', 'Выписка из журнала событий');
    expect(signers).toContain('Сапарова Айгерим Болатовна офис-менеджер');
    expect(signers.match(/____________________ \(подпись\)/g)).toHaveLength(2);
    // Nobody stated Kim's position: a blank with a caption to fill, never a guess.
    expect(signers).toContain('Ким Олег ____________________ (должность: заполнить)');
    expect(ru).toContain(`Внутренние идентификаторы субъектов: ${person}`);
    expect(ru).toContain('измельчение в шредере');
    const kk = await actText(act.id, 'kk');
    expect(kk).toMatch(kazakhLetters);
    expect(kk).toContain('Материалдық (қағаз) жеткізгіштер');
    expect(kk).toContain('Жеткізгіштер Парақтар саны Анкеты соискателей 2023 года 14');
    expect(kk).toContain(
      'Өңдеуші (оператордың тапсырмасы бойынша өңдеуді жүзеге асыратын тұлға): тартылмады',
    );
    const kkSigners = between(kk, 'Жоюды жүргізгендер', 'Оқиғалар журналынан үзінді');
    expect(kkSigners.match(/____________________ \(қолы\)/g)).toHaveLength(2);
    expect(kkSigners).toContain('Ким Олег ____________________ (лауазымы: толтыру керек)');
    expect(kk).toContain(`Субъектілердің ішкі сәйкестендіргіштері: ${person}`);
    expect(kk).toContain('қағаз ұсақтағышта (шредерде) ұсақтау');
  });

  it('the keeping period comes from the jurisdiction profile: another number there, another act', async () => {
    const { register, profile } = t.amanat.rules;
    if (pdftotextAvailable) {
      expect(await actText(sweepActId)).toContain('Акт и выписка из журнала хранятся 3 года.');
      expect(await actText(sweepActId, 'kk')).toContain('Акт пен журналдан үзінді 3 жыл сақталады.');
    }
    // The same register under a profile that keeps acts 5 years, and a responsible person with no position.
    const { position: _position, ...noPosition } = register.operator.responsible_person;
    const rules = createRegisterRules(
      { ...register, operator: { ...register.operator, responsible_person: noPosition } },
      { ...profile, destruction_act_retention_years: 5 },
      exampleRegister,
    );
    const acts = createDestructionActs({ stores: t.stores, audit: t.amanat.audit, rules, clock: () => now });
    const id = crypto.randomUUID();
    const completed = await t.stores.transaction(async (tx) => {
      await acts.open(tx, { id, kind: 'sweep' });
      return acts.complete(tx, id);
    });
    expect(completed.keepYears).toBe(5);
    const row = await t.amanat.destructionActs.get(id);
    expect(row.retainUntil!.getUTCFullYear() - row.completedAt!.getUTCFullYear()).toBe(5);
    expect(completed.performedBy).toEqual([{ name: noPosition.name, role: 'responsible' }]);
    if (!pdftotextAvailable) return;
    const ru = flatText((await acts.pdf(id)).pdf);
    expect(ru).toContain('Акт и выписка из журнала хранятся 5 лет.');
    expect(ru).toContain('(должность: заполнить)');
    expect(ru).toContain('не привлекался');
    const kk = flatText((await acts.pdf(id, 'kk')).pdf);
    expect(kk).toContain('Акт пен журналдан үзінді 5 жыл сақталады.');
    expect(kk).toContain('(лауазымы: толтыру керек)');
  });

  it("a request's act names the staff member who carried it out (their account's name and position) beside the responsible person", async () => {
    const staff = await t.amanat.staff.add('test', {
      email: 'aigerim@example.kz',
      fullName: 'Сапарова Айгерим Болатовна',
      position: 'менеджер по работе с обращениями',
    });
    const id = crypto.randomUUID();
    const completed = await t.stores.transaction(async (tx) => {
      await t.amanat.destructionActs.open(tx, {
        id,
        kind: 'request',
        seed: { executedBy: `staff:${staff.id}`, request: { number: 3, receivedDate: '2026-03-30' } },
      });
      return t.amanat.destructionActs.complete(tx, id);
    });
    const person = responsible();
    expect(completed.performedBy).toEqual([
      { name: 'Сапарова Айгерим Болатовна', position: 'менеджер по работе с обращениями', role: 'executor' },
      { name: person.name, position: person.position, role: 'responsible' },
    ]);
    if (!pdftotextAvailable) return;
    // Each signer has a line to sign and its caption (counted in the whole act: when the table goes on to the
    // next page under its repeated header, pdftotext reads the last column after the rest).
    const ru = await actText(id);
    expect(between(ru, 'Уничтожение произвели', 'Выписка из журнала событий')).toContain(
      'Сапарова Айгерим Болатовна менеджер по работе с обращениями исполнил обращение субъекта',
    );
    expect(ru.match(/____________________/g)).toHaveLength(2);
    expect(ru.match(/\(подпись\)/g)).toHaveLength(2);
    const kk = await actText(id, 'kk');
    expect(between(kk, 'Жоюды жүргізгендер', 'Оқиғалар журналынан үзінді')).toContain(
      'субъектінің өтінішін орындады',
    );
    expect(kk.match(/____________________/g)).toHaveLength(2);
    expect(kk.match(/\(қолы\)/g)).toHaveLength(2);
  });

  it('an unknown language is refused with the field and the languages expected', async () => {
    const response = await t.call('GET', `/api/retention/acts/${sweepActId}/pdf?lang=en`);
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toContain('lang');
    expect(JSON.stringify(response.body)).toMatch(/ru.*kk/);
  });
});
