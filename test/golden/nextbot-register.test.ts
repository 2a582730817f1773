// Golden test: the example register (examples/nextbot.kz/register.yaml) against the text of the policy it
// encodes (the seed). Table 3.1 is parsed from the seed itself — row by row, across page breaks — and each
// row's subjects, data, periods, processing type and legal bases must match the register exactly, through
// the mapping tables below. A phrase the tables do not know fails the test: a changed policy must be read
// by a person, not absorbed silently.
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/lib/errors.js';
import { formatRegisterIssues, loadRegisterFile } from '../../src/modules/register/register.loader.js';
import type {
  DisclosureGroundKind,
  Duration,
  LegalBasisType,
  ProcessingType,
  Purpose,
  Register,
  RetentionRule,
} from '../../src/modules/register/register.schema.js';
import { clause, exampleRegisterPath, normalise, readSeed, seedPath } from './seed.js';

const registerPath = exampleRegisterPath;
const seed = readSeed();
if (seed === null) {
  console.warn(
    `The seed policy ${seedPath} is absent: the golden test of the nextbot.kz register is skipped.`,
  );
}

// --- reading the seed ----------------------------------------------------------------------------------

/** The items of a cell numbered «(1) …; (2) …». */
function numberedItems(cell: string): string[] {
  return cell
    .split(/\(\d+\)/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

interface SeedRow {
  number: number;
  title: string;
  subjects: string;
  dataCategory: string;
  data: string;
  periods: string;
  processing: string;
  bases: string;
}

/**
 * Table 3.1 as the seed lays it out: rows start with «N\t»; page breaks insert a «## Политика…» heading
 * and repeat the header row; a cell that continues on the next page comes as a line starting with tabs,
 * whose non-empty cells are appended to the same cells of the row above.
 */
function parseTable31(text: string): SeedRow[] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith('№\tЦель обработки'));
  if (header < 0) throw new Error('table 3.1 header not found in the seed');
  const rows: string[][] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.startsWith('3.1.1.')) break;
    if (/^\d+\t/.test(line)) {
      rows.push(line.split('\t').map((c) => c.trim()));
    } else if (line.startsWith('\t')) {
      const last = rows[rows.length - 1];
      if (!last) throw new Error(`a continuation line before the first row: ${line}`);
      for (const [i, cell] of line.split('\t').entries()) {
        if (cell.trim()) last[i] = `${last[i] ?? ''} ${cell.trim()}`.trim();
      }
    } else if (!(line.trim() === '' || line.startsWith('## ') || line.startsWith('№\t'))) {
      throw new Error(`unexpected line inside table 3.1: ${line}`);
    }
  }
  return rows.map((cells) => {
    if (cells.length !== 8) throw new Error(`row ${cells[0]} has ${cells.length} cells, not 8`);
    const [number, title, subjects, dataCategory, data, periods, processing, bases] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return { number: Number(number), title, subjects, dataCategory, data, periods, processing, bases };
  });
}

// --- mapping tables: the seed's wording → the register's ids ------------------------------------------

const SUBJECT_PHRASES: Record<string, string[]> = {
  'представители и уполномоченных органов': ['authority_representative'],
  'контрагент (физ лицо)': ['counterparty_individual'],
  'представитель контрагента': ['counterparty_representative'],
  'контрагент - клиент (физ лицо)': ['client'],
  'пользователь сайта': ['site_user'],
  'контрагент / пользователь сайта': ['counterparty_individual', 'site_user'],
};

const FIELD_PHRASES: Record<string, string[]> = {
  фио: ['full_name'],
  'должность и звание': ['position', 'official_rank'],
  должность: ['position'],
  'место работы': ['workplace'],
  'контактные данные': ['contact_details'],
  'данные паспорта или иного документа удостоверяющего личность': ['identity_document'],
  инн: ['inn'],
  'номер снилс': ['snils'],
  'адрес регистрации': ['registration_address'],
  'номер контактного телефона': ['phone'],
  'контактный номер телефона': ['phone'],
  'контактный телефон': ['phone'],
  'номер телефона': ['phone'],
  'адрес электронной почты': ['email'],
  'банковские реквизиты': ['bank_details'],
  'реквизиты доверенности на представителя': ['power_of_attorney'],
  'пароль от сайта компании': ['site_password'],
  'ip-адрес': ['ip_address'],
  // Rows 4 and 5 qualify their cookie data as necessary; row 7 (analytics) does not.
  'данные файлов cookies (необходимые)': ['necessary_cookies'],
  'данные файлов cookies': ['analytics_cookies'],
  'информация о посещениях сайта которую предоставляют сервисы статистики': ['visit_statistics'],
  фотоизображение: ['photo'],
};

/**
 * Row 10 lists «ФИО», but 3.3.3 — the clause on exactly this data — permits publishing only the surname
 * and the first name. The register collects for purpose 10 just what may be published (see the comment
 * on purpose 10 in the register); a test below checks this override equals 3.3.3's name fields.
 */
const ROW_FIELD_OVERRIDES: Record<number, Record<string, string[]>> = {
  10: { фио: ['surname', 'first_name'] },
};

const PUBLICATION_PHRASES: Record<string, string> = {
  фамилия: 'surname',
  имя: 'first_name',
  фотоизображение: 'photo',
};

const PROCESSING_PHRASES: Record<string, ProcessingType> = {
  смешанная: 'mixed',
  автоматизированная: 'automated',
};

const BASIS_PHRASES: [RegExp, LegalBasisType][] = [
  [/^исполнение функций полномочий и обязанностей/, 'legal_duty'],
  [/^исполнение договора/, 'contract'],
  [/^законный интерес/, 'legitimate_interest'],
  [/^согласие на обработку персональных данных разрешенных субъектом/, 'publication_consent'],
  [/^согласие субъекта на обработку/, 'consent'],
  [/^обработка в статистических/, 'statistics_research'],
];

/** 3.2.5 lists its five grounds in this order. */
const GROUND_KINDS: DisclosureGroundKind[] = [
  'prior_consent',
  'contract_necessity',
  'protection_of_rights',
  'initiated_by_subject',
  'legal_duty',
];

function mapPhrase<T>(table: Record<string, T>, phrase: string, where: string): T {
  const mapped = table[normalise(phrase)];
  if (mapped === undefined) throw new Error(`${where}: the phrase «${phrase}» is not in the mapping table`);
  return mapped;
}

function basisType(item: string, where: string): LegalBasisType {
  const found = BASIS_PHRASES.find(([pattern]) => pattern.test(normalise(item)));
  if (!found) throw new Error(`${where}: the legal basis «${item}» is not in the mapping table`);
  return found[1];
}

// --- periods as comparable tokens ------------------------------------------------------------------------

function numbersBefore(text: string, unit: RegExp): number[] {
  const pattern = new RegExp(`(\\d+(?:\\s*,\\s*\\d+)*)\\s*,?\\s*(?:${unit.source})`, 'g');
  return [...text.matchAll(pattern)].flatMap((m) => m[1]!.split(',').map((n) => Number(n.trim())));
}

/**
 * Tokens of a «Сроки обработки» cell. Where a cell gives a contract period and then years or months, those
 * run after the contract ends: row 4 says so («по истечению срока действия договора»), rows 2 and 3 list
 * the same two items without repeating it.
 */
function seedPeriodTokens(cell: string): Set<string> {
  const text = cell.toLowerCase();
  const tokens = new Set<string>();
  if (/период действия договора/.test(text)) tokens.add('contract_period');
  if (/по истечени\S* срока действия договора/.test(text)) tokens.add('after_contract_end');
  if (/до ликвидации/.test(text)) tokens.add('until_liquidation');
  if (/до отзыва согласия/.test(text)) tokens.add('until_withdrawal');
  if (/до достижения цели/.test(text)) tokens.add('until_purpose_achieved');
  if (/в зависимости от/.test(text)) tokens.add('depends_on');
  const years = numbersBefore(text, /лет|года?(?![а-я])/);
  const months = numbersBefore(text, /месяц/);
  for (const n of years) tokens.add(`years:${n}`);
  for (const n of months) tokens.add(`months:${n}`);
  if (tokens.has('contract_period') && years.length + months.length > 0) tokens.add('after_contract_end');
  return tokens;
}

function durationTokens(duration: Duration): string[] {
  return (['years', 'months', 'days'] as const).flatMap((unit) =>
    duration[unit] === undefined ? [] : [`${unit}:${duration[unit]}`],
  );
}

/** The same tokens, derived from a register rule tree. */
function registerPeriodTokens(rule: RetentionRule, tokens = new Set<string>()): Set<string> {
  switch (rule.kind) {
    case 'until_liquidation':
      tokens.add('until_liquidation');
      break;
    case 'contract_period':
      tokens.add('contract_period');
      if (rule.after_end) {
        tokens.add('after_contract_end');
        for (const t of durationTokens(rule.after_end)) tokens.add(t);
      }
      break;
    case 'until_consent_withdrawal':
      tokens.add('until_withdrawal');
      break;
    case 'until_purpose_achieved':
      tokens.add('until_purpose_achieved');
      break;
    case 'after_collection':
    case 'after_last_activity':
      for (const t of durationTokens(rule.duration)) tokens.add(t);
      break;
    case 'fixed_date':
      tokens.add(`fixed_date:${rule.date}`);
      break;
    case 'first_of':
      for (const child of rule.rules) registerPeriodTokens(child, tokens);
      break;
    case 'depends_on':
      tokens.add('depends_on');
      for (const option of rule.options) registerPeriodTokens(option.rule, tokens);
      break;
  }
  return tokens;
}

const sorted = (values: Iterable<string>) => [...values].sort();

/** The example register; when it is invalid, the failure lists every problem with its position. */
function loadExample() {
  try {
    return loadRegisterFile(registerPath);
  } catch (error) {
    if (isDomainError(error)) throw new Error(`${error.message}\n${formatRegisterIssues(error.issues)}`);
    throw error;
  }
}

// --- the test ------------------------------------------------------------------------------------------

describe.skipIf(seed === null)('golden: examples/nextbot.kz/register.yaml encodes the seed policy', () => {
  const text = seed ?? '';
  const loaded = loadExample();
  const register: Register = loaded.register;
  const rows = seed === null ? [] : parseTable31(text);
  const purposeNumber = (n: number): Purpose => {
    const found = register.purposes.find((p) => p.number === n);
    if (!found) throw new Error(`the register has no purpose number ${n}`);
    return found;
  };
  const fieldsOf = (ids: string[]) => ids.map((id) => register.fields.find((f) => f.id === id)!);

  it('the register is valid; its warnings are what the seed leaves open: purpose 5 (withdrawal without consent), no period for the personnel reserve (3.1.3), deadlines the law ties to no article', () => {
    expect(loaded.warnings.map((w) => w.rule)).toEqual([
      'withdrawal-needs-consent',
      'retention-period-missing',
      'deadline-set-by-operator',
      'deadline-set-by-operator',
      'deadline-set-by-operator',
    ]);
    expect(loaded.warnings[0]!.message).toContain("'user_site_access' (№5)");
    expect(loaded.warnings[1]!.message).toContain("'personnel_reserve'");
  });

  it('table 3.1 has ten rows, reassembled across page breaks, and so does the register', () => {
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]!.title).toMatch(/получать запрашиваемую информацию от Компании$/);
    expect(rows[6]!.bases).toMatch(/\(3\) Обработка в статистических и иных исследовательских целях/);
    expect(register.purposes.flatMap((p) => p.number ?? [])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  describe.each(Array.from({ length: 10 }, (_, i) => i + 1))('table 3.1, row %i', (n) => {
    const row = () => rows[n - 1]!;
    const purpose = () => purposeNumber(n);

    it('title is the policy’s wording', () => {
      expect(normalise(purpose().title.ru)).toBe(normalise(row().title));
    });

    it('subject categories', () => {
      const expected = mapPhrase(SUBJECT_PHRASES, row().subjects, `row ${n}`);
      expect(sorted(purpose().subject_categories)).toEqual(sorted(expected));
    });

    it('data fields: every listed item, and nothing else', () => {
      const overrides = ROW_FIELD_OVERRIDES[n] ?? {};
      const expected = new Set(
        numberedItems(row().data).flatMap((item) =>
          mapPhrase({ ...FIELD_PHRASES, ...overrides }, item, `row ${n}, data`),
        ),
      );
      expect(sorted(purpose().fields)).toEqual(sorted(expected));
      expect(purpose().fields).toHaveLength(expected.size);
    });

    it('data category «Общие / иные»: general, nothing biometric', () => {
      expect(normalise(row().dataCategory)).toBe('общие / иные');
      for (const field of fieldsOf(purpose().fields)) {
        expect(field.category).toBe('general');
        expect(field.sensitivity).not.toContain('biometric');
      }
    });

    it('periods', () => {
      expect(sorted(registerPeriodTokens(purpose().retention))).toEqual(
        sorted(seedPeriodTokens(row().periods)),
      );
    });

    it('processing type', () => {
      expect(purpose().processing).toBe(
        mapPhrase(PROCESSING_PHRASES, row().processing, `row ${n}, processing`),
      );
    });

    it('legal bases: the same types, each with the policy’s wording', () => {
      const items = numberedItems(row().bases);
      const expected = items.map((item) => basisType(item, `row ${n}, legal basis`));
      expect(sorted(purpose().legal_bases.map((b) => b.type))).toEqual(sorted(expected));
      for (const [i, item] of items.entries()) {
        const basis = purpose().legal_bases.find((b) => b.type === expected[i]);
        expect(normalise(basis!.reference)).toBe(normalise(item));
      }
    });
  });

  it('every legal basis is worded in Kazakh and English too, for letters in the subject’s language', () => {
    for (const purpose of register.purposes) {
      for (const basis of purpose.legal_bases) {
        expect(basis.translations?.kk, `${purpose.id} ${basis.type}`).toBeTruthy();
        expect(basis.translations?.en, `${purpose.id} ${basis.type}`).toBeTruthy();
      }
    }
  });

  it('3.1.1: no biometric data — declared, and no field is biometric', () => {
    expect(text).toMatch(/3\.1\.1\. Компания не осуществляет обработку биометрических/);
    expect(register.processes_biometrics).toBe(false);
    for (const field of register.fields) {
      expect(field.category).not.toBe('biometric');
      expect(field.sensitivity).not.toContain('biometric');
    }
  });

  it('3.1.3: the personnel reserve is a purpose of its own (applicants, on consent, until withdrawal), with no period named', () => {
    const seedText = normalise(clause(text, '3.1.3.', '3.2.'));
    const statement = register.additional_processing.find((a) => normalise(a.text.ru) === seedText);
    expect(statement?.purposes).toEqual(['personnel_reserve']);
    const purpose = register.purposes.find((p) => p.id === 'personnel_reserve')!;
    expect(purpose.number).toBeUndefined(); // table 3.1 has no row for it
    expect(purpose.subject_categories).toEqual(['applicant']);
    expect(purpose.legal_bases.map((b) => b.type)).toEqual(['consent']);
    expect(purpose.retention).toEqual({ kind: 'until_consent_withdrawal' });
    expect(seedText).not.toMatch(/\d+ (лет|год|месяц)/); // the seed names no period …
    expect(purpose.retention_period_missing).toBe(true); // … so validation warns
  });

  it('3.2.5: exactly the five disclosure grounds, in order and in the policy’s words', () => {
    const items = numberedItems(clause(text, '3.2.5.', '3.2.6.')).slice(1); // the first item is the lead-in
    expect(items).toHaveLength(5);
    expect(register.disclosure_grounds.map((g) => g.kind)).toEqual(GROUND_KINDS);
    expect(register.disclosure_grounds.map((g) => normalise(g.text.ru))).toEqual(items.map(normalise));
  });

  it('3.2.6: no cross-border transfer, with the clause quoted', () => {
    const rule = clause(text, '3.2.6.', '### 3.3.');
    expect(register.cross_border.allowed).toBe(false);
    expect(register.cross_border.countries).toEqual([]);
    expect(normalise(register.cross_border.rule.ru)).toContain(normalise(rule));
  });

  it('3.3: publication under purpose 10 — surname, first name, photo, no restrictions', () => {
    const table = clause(text, '3.3.3.', '3.3.4.')
      .split(/(?=Фамилия|Имя|Фотоизображение)/)
      .slice(1)
      .map((entry) => entry.split('\t').map((c) => c.trim()));
    const expected = table.map(([phrase]) => mapPhrase(PUBLICATION_PHRASES, phrase!, '3.3.3'));
    for (const [, restriction] of table) expect(normalise(restriction!)).toBe('не установлено');
    const publication = register.publication!;
    expect(purposeNumber(10).id).toBe(publication.purpose);
    expect(sorted(publication.fields.map((f) => f.field))).toEqual(sorted(expected));
    for (const f of publication.fields) expect(f.restrictions).toEqual([]);
    expect(purposeNumber(10).legal_bases.map((b) => b.type)).toContain('publication_consent');
    // The explicit decision on row 10's «ФИО»: it stands for exactly the name fields 3.3.3 permits.
    const nameFields = expected.filter((f) => f !== 'photo');
    expect(ROW_FIELD_OVERRIDES[10]!.фио).toEqual(nameFields);
    expect(purposeNumber(10).fields).not.toContain('full_name');
  });

  it('3.4: withdrawal within 10 working days, by e-mail with the subject line; requests to the postal address', () => {
    const days = Number(/в срок до (\d+) рабочих дней/.exec(text)![1]);
    expect(register.deadlines.consent_withdrawal).toEqual({
      amount: days,
      unit: 'working_days',
      clause: '3.4.1',
    });
    expect(days).toBe(10);
    expect(register.requests.withdrawal_email_subject).toMatchObject({
      ru: /с пометкой «([^»]+)»/.exec(text)![1],
    });
    const email = /mailto:([^"]+)"/.exec(text)![1];
    expect(register.requests.privacy_email).toBe(email);
    const address = /направить письменный запрос на адрес: ([^\n]+)/.exec(text)![1]!;
    expect(normalise(register.requests.postal_address!.ru)).toBe(normalise(address));
  });

  it('3.6.3: destruction by the systems’ built-in tools and, on paper, by shredding', () => {
    const methods = clause(text, '3.6.3.', '**4.');
    const [electronic, paper] = methods.split(/(?=Уничтожение бумажных)/);
    expect(normalise(register.destruction_methods!.electronic.ru)).toBe(
      normalise(electronic!.replace(/^\s*Способы уничтожения:/, '')),
    );
    expect(normalise(register.destruction_methods!.paper!.ru)).toBe(
      normalise(paper!).replace('shreddera', 'шредера'),
    );
  });

  it('section 5: necessary cookies for the rows that call them so, analytics cookies for the others', () => {
    const cookieRows = rows.filter((r) => /cookies/i.test(r.data));
    const necessaryRows = cookieRows.filter((r) => /\(необходимые\)/.test(r.data)).map((r) => r.number);
    const analyticsRows = cookieRows.filter((r) => !/\(необходимые\)/.test(r.data)).map((r) => r.number);
    expect(necessaryRows).toEqual([4, 5]);
    expect(analyticsRows).toEqual([7]);
    const categories = register.cookies!.categories;
    const numbers = (ids: string[]) => ids.map((id) => register.purposes.find((p) => p.id === id)!.number);
    expect(categories.map((c) => [c.id, c.required, numbers(c.purposes)])).toEqual([
      ['necessary', true, necessaryRows],
      ['analytics', false, analyticsRows],
      // The banner's marketing pixels (the notice's "маркетинговой деятельности") serve no purpose of table 3.1.
      ['marketing', false, []],
    ]);
    expect(normalise(register.cookies!.notice!.ru)).toContain('посещая или используя сайт вы соглашаетесь');
  });

  it('7.1 and 7.2: the policy address and the operator’s details', () => {
    expect(register.policy.url).toBe(
      /\]\((https:\/\/nextbot\.kz\/[^)]+)\)/.exec(text)![1]!.replace(/\\_/g, '_'),
    );
    expect(register.operator.bin_iin).toBe(/ИИН (\d{12})/.exec(text)![1]);
    expect(register.operator.email).toBe(/email: (\S+@\S+)/.exec(text)![1]);
    const bank = register.operator.bank_details as { ru: string; kk?: string; en?: string };
    for (const lang of ['ru', 'kk', 'en'] as const) {
      expect(bank[lang], lang).toContain(/р\/счет (KZ\w+)/.exec(text)![1]);
      expect(bank[lang], lang).toContain(/БИК (\w+)/.exec(text)![1]);
      expect(bank[lang], lang).toContain('Kaspi Bank');
    }
    expect(register.operator.name.ru).toBe('ИП Бекишев Берик Серикович');
    expect(register.operator.jurisdiction).toBe('KZ');
    expect(register.operator.storage_countries).toEqual(['KZ']);
  });
});
