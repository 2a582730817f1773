// A starting register from a few answers (`amanat register init`): the operator, its jurisdiction, and purposes
// picked from a catalogue of common ones. The result is a valid register with comments, for the operator to
// complete — not a policy: every title, basis and period is the operator's to check against its own policy.
import { Document, isMap, isScalar, type Pair, visit } from 'yaml';
import { isValidBin, isValidIin, isValidIinOrBin } from '../../lib/kz-identifiers.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { registerDeadlineKinds } from './register.jurisdiction.js';
import type { JurisdictionCode, RegisterInput } from './register.schema.js';

type Text = { ru: string; kk?: string; en: string };
type Purpose = RegisterInput['purposes'][number];
type Field = RegisterInput['fields'][number];

export interface InitAnswers {
  operatorName: string;
  legalForm?: 'individual_entrepreneur' | 'legal_entity';
  binIin: string;
  jurisdiction: JurisdictionCode;
  address: string;
  email: string;
  website?: string;
  responsiblePerson?: string;
  purposes: CatalogueId[];
}

const FIELDS: Record<string, Field> = {
  full_name: {
    id: 'full_name',
    labels: { ru: 'ФИО', kk: 'Тегі, аты, әкесінің аты', en: 'Full name' },
    type: 'full_name',
  },
  email: {
    id: 'email',
    labels: { ru: 'Адрес электронной почты', kk: 'Электрондық пошта мекенжайы', en: 'E-mail address' },
    type: 'email',
  },
  phone: {
    id: 'phone',
    labels: { ru: 'Номер телефона', kk: 'Телефон нөмірі', en: 'Phone number' },
    type: 'phone',
  },
  registration_address: {
    id: 'registration_address',
    labels: { ru: 'Адрес регистрации', kk: 'Тіркелген мекенжайы', en: 'Registered address' },
    type: 'address',
  },
  bank_details: {
    id: 'bank_details',
    labels: { ru: 'Банковские реквизиты', kk: 'Банк деректемелері', en: 'Bank details' },
    type: 'text',
    sensitivity: ['financial'],
  },
  identity_document: {
    id: 'identity_document',
    labels: {
      ru: 'Данные документа, удостоверяющего личность',
      kk: 'Жеке басын куәландыратын құжаттың деректері',
      en: 'Identity document details',
    },
    type: 'text',
    sensitivity: ['identity_document'],
  },
  national_id: {
    id: 'national_id',
    labels: { ru: 'ИИН', kk: 'ЖСН', en: 'Individual identification number (IIN)' },
    type: 'iin',
    sensitivity: ['national_id'],
  },
  site_password: {
    id: 'site_password',
    labels: { ru: 'Пароль от сайта', kk: 'Сайттың құпиясөзі', en: 'Website password' },
    type: 'secret',
    sensitivity: ['credentials'],
  },
  ip_address: {
    id: 'ip_address',
    labels: { ru: 'IP-адрес', kk: 'IP-мекенжай', en: 'IP address' },
    type: 'ip_address',
    sensitivity: ['online_identifier'],
  },
  analytics_cookies: {
    id: 'analytics_cookies',
    labels: {
      ru: 'Данные файлов cookie (аналитические)',
      kk: 'Cookie файлдарының деректері (аналитикалық)',
      en: 'Analytics cookie data',
    },
    type: 'json',
    sensitivity: ['online_identifier'],
  },
  position: { id: 'position', labels: { ru: 'Должность', kk: 'Лауазымы', en: 'Position' }, type: 'text' },
  resume: {
    id: 'resume',
    labels: {
      ru: 'Резюме: образование и опыт работы',
      kk: 'Түйіндеме: білімі және жұмыс тәжірибесі',
      en: 'CV: education and work experience',
    },
    type: 'text',
  },
};

const CATEGORIES: Record<string, Text> = {
  site_user: { ru: 'Пользователь сайта', kk: 'Сайт пайдаланушысы', en: 'Website user' },
  client: { ru: 'Клиент (физическое лицо)', kk: 'Клиент (жеке тұлға)', en: 'Client (individual)' },
  counterparty_individual: {
    ru: 'Контрагент (физическое лицо)',
    kk: 'Контрагент (жеке тұлға)',
    en: 'Counterparty (individual)',
  },
  employee: { ru: 'Работник', kk: 'Қызметкер', en: 'Employee' },
  applicant: { ru: 'Соискатель', kk: 'Ізденуші', en: 'Job applicant' },
};

/** Where the law allows processing without consent, cited per jurisdiction (KZ: Law 94-V; RU: 152-FZ). */
function basisReference(type: 'consent' | 'contract' | 'legal_duty', j: JurisdictionCode): string {
  if (j === 'KZ') {
    return {
      consent: 'Согласие субъекта (ст. 7, 8 Закона РК «О персональных данных и их защите»)',
      contract:
        'Исполнение договора, стороной которого является субъект (ст. 9 Закона РК «О персональных данных и их защите»)',
      legal_duty:
        'Обязанности работодателя по Трудовому кодексу РК (ст. 9 Закона РК «О персональных данных и их защите»)',
    }[type];
  }
  return {
    consent: 'Согласие субъекта (п. 1 ч. 1 ст. 6, ст. 9 Федерального закона № 152-ФЗ)',
    contract:
      'Исполнение договора, стороной которого является субъект (п. 5 ч. 1 ст. 6 Федерального закона № 152-ФЗ)',
    legal_duty:
      'Обязанности работодателя по Трудовому кодексу РФ (п. 2 ч. 1 ст. 6 Федерального закона № 152-ФЗ)',
  }[type];
}

interface CatalogueEntry {
  label: string;
  system: 'website' | 'office';
  comment: string;
  purpose: (j: JurisdictionCode) => Omit<Purpose, 'id' | 'number' | 'information_systems'>;
}

export const CATALOGUE = {
  accounts: {
    label: 'Учётные записи клиентов на сайте / customer accounts',
    system: 'website',
    comment:
      'Хранение 3 года после окончания договора — общий срок исковой давности; измените по своей политике.',
    purpose: (j) => ({
      title: {
        ru: 'Учётная запись клиента на сайте',
        kk: 'Сайттағы клиенттің есептік жазбасы',
        en: 'Customer account on the website',
      },
      subject_categories: ['client'],
      fields: ['full_name', 'email', 'phone', 'site_password'],
      legal_bases: [{ type: 'contract', reference: basisReference('contract', j) }],
      processing: 'automated',
      retention: { kind: 'contract_period', after_end: { years: 3 } },
    }),
  },
  support: {
    label: 'Поддержка и консультации / support',
    system: 'website',
    comment: 'Обращения в поддержку хранятся год с получения; измените по своей политике.',
    purpose: (j) => ({
      title: {
        ru: 'Техническая поддержка и консультации',
        kk: 'Техникалық қолдау және кеңес беру',
        en: 'Support and consultations',
      },
      subject_categories: ['client'],
      fields: ['full_name', 'email', 'phone'],
      legal_bases: [{ type: 'contract', reference: basisReference('contract', j) }],
      processing: 'automated',
      retention: { kind: 'after_collection', duration: { years: 1 } },
    }),
  },
  newsletter: {
    label: 'Рассылки / newsletter',
    system: 'website',
    comment: 'Только по согласию; данные уничтожаются после его отзыва.',
    purpose: (j) => ({
      title: {
        ru: 'Информационные и рекламные рассылки',
        kk: 'Ақпараттық және жарнамалық таратылымдар',
        en: 'Newsletters and advertising mailings',
      },
      subject_categories: ['site_user'],
      fields: ['email'],
      legal_bases: [{ type: 'consent', reference: basisReference('consent', j) }],
      processing: 'automated',
      retention: { kind: 'until_consent_withdrawal' },
    }),
  },
  contracts: {
    label: 'Договоры с физическими лицами / contracts',
    system: 'office',
    comment:
      'Хранение 5 лет после окончания договора (первичные учётные документы); измените по своей политике.',
    purpose: (j) => ({
      title: {
        ru: 'Заключение и исполнение договоров с физическими лицами',
        kk: 'Жеке тұлғалармен шарттар жасасу және орындау',
        en: 'Concluding and performing contracts with individuals',
      },
      subject_categories: ['counterparty_individual'],
      fields: ['full_name', 'identity_document', 'registration_address', 'phone', 'email', 'bank_details'],
      legal_bases: [{ type: 'contract', reference: basisReference('contract', j) }],
      processing: 'mixed',
      retention: { kind: 'contract_period', after_end: { years: 5 } },
    }),
  },
  analytics: {
    label: 'Веб-аналитика / website analytics',
    system: 'website',
    comment: 'Аналитические cookie — по согласию; через 14 месяцев данные обезличиваются.',
    purpose: (j) => ({
      title: { ru: 'Анализ посещаемости сайта', kk: 'Сайтқа кіруді талдау', en: 'Website analytics' },
      subject_categories: ['site_user'],
      fields: ['ip_address', 'analytics_cookies'],
      legal_bases: [{ type: 'consent', reference: basisReference('consent', j) }],
      processing: 'automated',
      retention: { kind: 'after_collection', duration: { months: 14 } },
      on_retention_end: 'anonymise',
    }),
  },
  hr: {
    label: 'Кадровый учёт работников / HR, personnel',
    system: 'office',
    comment:
      'Документы по личному составу хранятся 50 лет после увольнения; измените по своей номенклатуре дел.',
    purpose: (j) => ({
      title: {
        ru: 'Кадровый учёт работников',
        kk: 'Қызметкерлерді кадрлық есепке алу',
        en: 'Personnel records of employees',
      },
      subject_categories: ['employee'],
      fields: [
        'full_name',
        ...(j === 'KZ' ? ['national_id'] : []),
        'identity_document',
        'registration_address',
        'phone',
        'email',
        'position',
        'bank_details',
      ],
      legal_bases: [
        { type: 'legal_duty', reference: basisReference('legal_duty', j) },
        { type: 'contract', reference: basisReference('contract', j) },
      ],
      processing: 'mixed',
      retention: { kind: 'contract_period', after_end: { years: 50 } },
    }),
  },
  applicants: {
    label: 'Соискатели, кадровый резерв / job applicants',
    system: 'office',
    comment: 'По согласию соискателя; хранится до отзыва согласия, но не дольше года.',
    purpose: (j) => ({
      title: {
        ru: 'Рассмотрение кандидатов на вакансии и кадровый резерв',
        kk: 'Бос орындарға үміткерлерді қарау және кадр резерві',
        en: 'Considering job applicants and the personnel reserve',
      },
      subject_categories: ['applicant'],
      fields: ['full_name', 'phone', 'email', 'resume'],
      legal_bases: [{ type: 'consent', reference: basisReference('consent', j) }],
      processing: 'mixed',
      retention: {
        kind: 'first_of',
        rules: [{ kind: 'until_consent_withdrawal' }, { kind: 'after_collection', duration: { years: 1 } }],
      },
    }),
  },
} satisfies Record<string, CatalogueEntry>;

export type CatalogueId = keyof typeof CATALOGUE;
export const CATALOGUE_IDS = Object.keys(CATALOGUE) as CatalogueId[];
export const DEFAULT_PURPOSES: CatalogueId[] = ['accounts', 'support', 'newsletter'];

/** Problems with the answers, by question (empty: the answers make a valid register). */
export function initAnswerIssues(a: InitAnswers): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (!a.operatorName.trim()) issues.push({ field: 'name', message: 'укажите наименование оператора' });
  if (!/^\d{12}$/.test(a.binIin) || !isValidIinOrBin(a.binIin)) {
    issues.push({ field: 'bin-iin', message: 'ожидается ИИН или БИН: 12 цифр с верной контрольной цифрой' });
  } else if (a.legalForm === 'legal_entity' && !isValidBin(a.binIin)) {
    issues.push({ field: 'bin-iin', message: 'юридическое лицо указывает БИН (5-я цифра 4, 5 или 6)' });
  } else if (a.legalForm === 'individual_entrepreneur' && !isValidIin(a.binIin)) {
    issues.push({ field: 'bin-iin', message: 'индивидуальный предприниматель указывает свой ИИН' });
  }
  if (!a.address.trim()) issues.push({ field: 'address', message: 'укажите адрес оператора' });
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email)) {
    issues.push({ field: 'email', message: 'ожидается адрес e-mail, например dpo@example.kz' });
  }
  if (a.website && !/^https?:\/\/\S+$/.test(a.website)) {
    issues.push({ field: 'website', message: 'ожидается адрес сайта с https://' });
  }
  if (a.purposes.length === 0) issues.push({ field: 'purposes', message: 'выберите хотя бы одну цель' });
  for (const p of a.purposes) {
    if (!(p in CATALOGUE)) {
      issues.push({ field: 'purposes', message: `неизвестная цель ${p}; есть: ${CATALOGUE_IDS.join(', ')}` });
    }
  }
  return issues;
}

const JURISDICTION = {
  KZ: { timezone: 'Asia/Almaty', country: 'KZ' },
  RU: { timezone: 'Europe/Moscow', country: 'RU' },
} as const;

/** The register as YAML text with comments. Check the answers with initAnswerIssues first. */
export function buildRegisterYaml(a: InitAnswers, today: string): string {
  const j = a.jurisdiction;
  const { timezone, country } = JURISDICTION[j];
  const legalForm =
    a.legalForm ??
    (isValidBin(a.binIin) && !isValidIin(a.binIin) ? 'legal_entity' : 'individual_entrepreneur');
  const chosen = CATALOGUE_IDS.filter((id) => a.purposes.includes(id));
  const purposes = chosen.map((id, i) => {
    const entry: CatalogueEntry = CATALOGUE[id];
    return {
      id: id === 'hr' ? 'personnel' : id,
      number: i + 1,
      ...entry.purpose(j),
      information_systems: [entry.system],
    } as Purpose;
  });
  const fieldIds = [...new Set(purposes.flatMap((p) => p.fields))];
  const categoryIds = [...new Set(purposes.flatMap((p) => p.subject_categories))];
  const systems = [...new Set(chosen.map((id) => CATALOGUE[id].system as 'website' | 'office'))];
  const privacyEmail = a.email;
  const register: RegisterInput = {
    format: 1,
    policy: { version: today.slice(0, 7) },
    operator: {
      name: { ru: a.operatorName.trim() },
      legal_form: legalForm,
      bin_iin: a.binIin,
      address: { ru: a.address.trim() },
      email: a.email,
      ...(a.website ? { website: a.website } : {}),
      responsible_person: { name: (a.responsiblePerson ?? a.operatorName).trim(), email: privacyEmail },
      jurisdiction: j,
      timezone,
      storage_countries: [country],
    },
    processes_biometrics: false,
    information_systems: systems.map((s) =>
      s === 'website'
        ? {
            id: 'website',
            name: {
              ru: 'Сайт и его базы данных',
              kk: 'Сайт және оның дерекқорлары',
              en: 'The website and its databases',
            },
            location: country,
          }
        : {
            id: 'office',
            name: {
              ru: 'Учётная система и бумажный архив',
              kk: 'Есепке алу жүйесі және қағаз мұрағат',
              en: 'Accounting system and paper archive',
            },
            location: country,
          },
    ),
    fields: fieldIds.map((f) => FIELDS[f]!),
    subject_categories: categoryIds.map((c) => ({ id: c, labels: CATEGORIES[c]! })),
    purposes,
    cross_border: {
      allowed: false,
      countries: [],
      rule: {
        ru: 'Оператор не осуществляет трансграничную передачу персональных данных.',
        kk: 'Оператор дербес деректерді трансшекаралық беруді жүзеге асырмайды.',
        en: 'The operator does not transfer personal data across borders.',
      },
    },
    ...commitmentDeadlines(j),
    requests: {
      withdrawal_email_subject: 'Отзыв согласия на обработку персональных данных',
      privacy_email: privacyEmail,
    },
  };

  const doc = new Document(register);
  doc.commentBefore = [
    ` Реестр обработки персональных данных: ${a.operatorName.trim()}.`,
    ` Создан командой \`amanat register init\` ${today}: стартовый реестр из каталога типовых целей.`,
    ' Сверьте каждую цель, основание и срок с политикой обработки ПД оператора и дополните (адрес на',
    ' казахском и английском, руководитель, сайт политики). Проверка: npx amanat register validate <файл>.',
  ].join('\n');
  const comments: Record<string, string> = {
    policy: ' Версия политики: меняйте с каждой новой редакцией — согласия записывают её.',
    operator: ' Оператор и ответственный за организацию обработки ПД.',
    information_systems: ' Где хранятся данные (страна хранения — для проверки трансграничной передачи).',
    fields: ' Перечень персональных данных: каждое поле, которое собирает хотя бы одна цель.',
    purposes: chosen.map((id, i) => ` ${i + 1}. ${purposes[i]!.id}: ${CATALOGUE[id].comment}`).join('\n'),
    cross_border: ' Трансграничная передача не осуществляется; если она нужна — перечислите страны.',
    deadlines:
      ' Сроки, которые закон не связывает со статьёй: оператор обязуется отвечать в эти сроки. Укажите пункт\n' +
      ' своей политики, где они названы (clause: "3.4.1"): письмо субъекту сошлётся на него.',
    requests: ' Обращения субъектов: тема письма об отзыве согласия и адрес для обращений.',
  };
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items as Pair[]) {
      if (isScalar(item.key) && typeof item.key.value === 'string' && comments[item.key.value]) {
        item.key.commentBefore = comments[item.key.value];
        item.key.spaceBefore = true;
      }
    }
  }
  // Lists of identifiers on one line, as in the example register.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 110, flowCollectionPadding: false });
}

/**
 * The deadlines the jurisdiction's profile cannot tie to an article of the law (`unconfirmed`): a new register
 * states them as the operator's own commitment, with the profile's number, so the operator decides them
 * knowingly instead of inheriting an unattributed number.
 */
function commitmentDeadlines(j: JurisdictionCode): Pick<RegisterInput, 'deadlines'> {
  const profile = loadProfile(j);
  const deadlines: NonNullable<RegisterInput['deadlines']> = {};
  for (const [key, kind] of Object.entries(registerDeadlineKinds) as [
    keyof typeof registerDeadlineKinds,
    (typeof registerDeadlineKinds)[keyof typeof registerDeadlineKinds],
  ][]) {
    const law = profile.deadlines[kind];
    if (law?.unconfirmed) deadlines[key] = { amount: law.amount, unit: law.unit };
  }
  return Object.keys(deadlines).length > 0 ? { deadlines } : {};
}
