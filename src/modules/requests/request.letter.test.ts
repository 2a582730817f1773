// The letter states the request's deadline with its basis: the law's article, or the operator's commitment
// under its policy — never a profile's note such as "a common reading, not checked against the law". It cites
// the article of the right the request exercises, when the request arrived and its number, and the right to
// complain to the authorised body named by the jurisdiction profile — in Russian and in Kazakh alike.
import { describe, expect, it } from 'vitest';
import { pdfText, pdftotextAvailable } from '../../../test/support/pdf.js';
import { fromPackageRoot } from '../../lib/paths.js';
import type { DeadlineKind } from '../jurisdiction/profile.schema.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { loadRegisterFile } from '../register/register.loader.js';
import { createRegisterRules } from '../rules/register-rules.js';
import { deadlineStatement, renderLetter } from './request.letter.js';
import { buildAccessReport } from './request.report.js';
import type { RequestSummary } from './request.service.js';
import type { RequestType } from './request.table.js';

const file = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');
const rules = createRegisterRules(loadRegisterFile(file).register, loadProfile('KZ'), file);
const request = (kind: DeadlineKind) =>
  ({ dueDate: '2026-03-25', deadline: rules.governingDeadline(kind) }) as unknown as RequestSummary;

describe('the deadline in the letter', () => {
  it("a number the law ties to no article is the operator's commitment under its policy, in each language", () => {
    expect(deadlineStatement(rules, request('information_request'), 'ru')).toBe(
      'Срок ответа — до 25.03.2026: срок, который оператор обязуется соблюдать (Политика обработки персональных ' +
        'данных ИП Бекишев Берик Серикович, редакция 2025-01).',
    );
    expect(deadlineStatement(rules, request('information_request'), 'kk')).toBe(
      'Жауап беру мерзімі — 25.03.2026 дейін: оператор сақтауға міндеттенетін мерзім (ЖК Бекишев Берик Серикович ' +
        'дербес деректерді өңдеу саясаты, 2025-01 редакциясы).',
    );
    for (const lang of ['ru', 'kk', 'en'] as const) {
      expect(deadlineStatement(rules, request('access_request'), lang)).not.toMatch(
        /толкование|не сверено|дайджест/,
      );
    }
  });

  it("the operator's own deadline cites its policy clause", () => {
    expect(deadlineStatement(rules, request('consent_withdrawal'), 'en')).toBe(
      "The answer is due by 25.03.2026: a deadline the operator commits to (Individual Entrepreneur Berik Bekishev's " +
        'personal data processing policy, clause 3.4.1).',
    );
  });

  it("the law's number cites the article and point, in the letter's language", () => {
    expect(deadlineStatement(rules, request('rectification'), 'ru')).toBe(
      'Срок ответа — до 25.03.2026 (Закон РК № 94-V, ст. 25 п. 2 пп. 8).',
    );
    expect(deadlineStatement(rules, request('rectification'), 'kk')).toBe(
      'Жауап беру мерзімі — 25.03.2026 дейін (ҚР № 94-V Заңының 25-бабының 2-тармағының 8) тармақшасы).',
    );
  });
});

// 10:00 in Almaty on 16 March 2026; the letter is written on the 18th.
const receivedAt = new Date('2026-03-16T05:00:00Z');
const now = new Date('2026-03-18T06:00:00Z');

function summary(type: RequestType, language: 'ru' | 'kk', kind: DeadlineKind): RequestSummary {
  return {
    id: '0e6f1c52-8a51-4f3e-9d7e-2b1c3d4e5f60',
    number: 417,
    type,
    status: 'answered',
    channel: 'web',
    subjectId: null,
    language,
    receivedAt,
    dueDate: '2026-03-17',
    dueAt: new Date('2026-03-17T18:59:59Z'),
    daysLeft: 0,
    overdue: false,
    deadline: rules.governingDeadline(kind),
    extensionReason: null,
    verification: null,
    assignee: null,
    duplicates: 0,
    outcome: { summary: 'rectified', fields: ['phone'] },
    closedAt: null,
    scope: {},
    inboundMessageId: null,
  } as RequestSummary;
}

async function letterText(type: RequestType, language: 'ru' | 'kk', kind: DeadlineKind, withReport = false) {
  const request = summary(type, language, kind);
  const report = withReport
    ? buildAccessReport({
        rules,
        request,
        language,
        now,
        withValues: false,
        held: { status: 'active', values: [], identities: [{ kind: 'email', value: '' }], subjectId: 's1' },
        consents: [
          {
            id: 'c1',
            purpose: 'authority_requests',
            kind: 'processing',
            status: 'active',
            grantedAt: receivedAt,
            channel: 'web',
            text: '',
            policyVersion: '2025-01',
            withdrawnAt: null,
            evidence: {},
          },
        ],
      })
    : undefined;
  const pdf = await renderLetter({
    rules,
    request,
    recipient: { name: 'Сейткали Айгерим', email: 'aigerim@example.kz' },
    report,
    now,
  });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  // pdftotext -layout may break a long sentence over lines (also after the hyphen of «24-бабының»): phrases
  // are looked for in one line of text.
  return pdfText(pdf)
    .replace(/\s+/g, ' ')
    .replace(/(\d)- /g, '$1-');
}

describe.skipIf(!pdftotextAvailable)('the answer letter under Закон РК № 94-V', () => {
  it('RU: the article of the right exercised, per request type', async () => {
    expect(await letterText('rectification', 'ru', 'rectification')).toContain(
      'Обращение рассмотрено в порядке осуществления права субъекта персональных данных: Закон РК № 94-V, ст. 24 п. 1 пп. 2.',
    );
    expect(await letterText('blocking', 'ru', 'blocking')).toContain('Закон РК № 94-V, ст. 24 п. 1 пп. 3.');
  });

  it('KK: the article of the right exercised, in Kazakh', async () => {
    expect(await letterText('rectification', 'kk', 'rectification')).toContain(
      'Өтініш дербес деректер субъектісінің құқығын іске асыру тәртібімен қаралды: ҚР № 94-V Заңының 24-бабының ' +
        '1-тармағының 2) тармақшасы.',
    );
  });

  it('RU and KK: when the request arrived, and its number', async () => {
    expect(await letterText('rectification', 'ru', 'rectification')).toContain(
      'Обращение № 417 поступило 16.03.2026.',
    );
    expect(await letterText('rectification', 'kk', 'rectification')).toContain(
      '№ 417 өтініш 16.03.2026 келіп түсті.',
    );
  });

  it('RU and KK: the legal deadline with its article', async () => {
    expect(await letterText('rectification', 'ru', 'rectification')).toContain(
      'Срок ответа — до 17.03.2026 (Закон РК № 94-V, ст. 25 п. 2 пп. 8).',
    );
    const kk = await letterText('rectification', 'kk', 'rectification');
    expect(kk).toContain(
      'Жауап беру мерзімі — 17.03.2026 дейін (ҚР № 94-V Заңының 25-бабының 2-тармағының 8) тармақшасы).',
    );
  });

  it('RU and KK: the right to complain, naming the authorised body', async () => {
    const ru = await letterText('rectification', 'ru', 'rectification');
    expect(ru).toContain(
      'Вы вправе обжаловать действия (бездействие) оператора в уполномоченный орган или в суд ' +
        '(Закон РК № 94-V, ст. 24 п. 1 пп. 7).',
    );
    expect(ru).toContain(
      'Орган, рассматривающий жалобы: уполномоченный орган в сфере защиты персональных данных Республики Казахстан.',
    );
    const kk = await letterText('rectification', 'kk', 'rectification');
    expect(kk).toContain(
      'уәкілетті органға немесе сотқа шағым жасауға құқылысыз (ҚР № 94-V Заңының 24-бабының 1-тармағының 7) тармақшасы).',
    );
    expect(kk).toContain(
      'Шағымдарды қарайтын орган: Қазақстан Республикасының дербес деректерді қорғау саласындағы уәкілетті органы.',
    );
  });

  it('KK: Kazakh letters throughout, legal bases from the register in Kazakh, no Russian citations', async () => {
    const kk = await letterText('information', 'kk', 'information_request', true);
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(kk).toContain(letter);
    expect(kk).toContain(
      'Құқықтық негіздер: Компанияға жүктелген функцияларды, өкілеттіктер мен міндеттерді орындау',
    );
    expect(kk).not.toContain('Исполнение функций');
    expect(kk).not.toMatch(/\bст\. \d|Закон РК|Обращение|Срок ответа/);
    const ru = await letterText('information', 'ru', 'information_request', true);
    expect(ru).toContain('Правовые основания: Исполнение функций, полномочий и обязанностей');
    expect(ru).toContain('Закон РК № 94-V, ст. 24 п. 1 пп. 1.');
  });
});
