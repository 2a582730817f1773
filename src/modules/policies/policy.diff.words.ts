// The words of "what changed between two policy versions", per language. Every line a person reads is one of
// three shapes — «<who>: <phrase> «value»» for an addition or a removal, «<who>: <phrase> «before» → «after»»
// for a change — where <who> is a purpose as the policy numbers it («Цель 8») or a section of the policy
// («Оператор»). The phrases carry the grammar (Russian gender, Kazakh endings), so they live here, whole.
import type { Lang } from '../register/register.retention.js';

/** What may be said of one part of the register: its addition, its removal, its change. */
export interface Phrase {
  added: string;
  removed: string;
  changed: string;
}

export type PhraseKey =
  | 'number'
  | 'title'
  | 'legalBasis'
  | 'dataList'
  | 'subjectCategory'
  | 'retention'
  | 'processing'
  | 'system'
  | 'onRetentionEnd'
  | 'recipient'
  | 'crossBorder'
  | 'crossBorderCountry'
  | 'crossBorderRule'
  | 'publicationField'
  | 'publicationRestriction'
  | 'publicationChannel'
  | 'publicationGoal'
  | 'policyUrl'
  | 'operatorName'
  | 'legalForm'
  | 'binIin'
  | 'address'
  | 'email'
  | 'phone'
  | 'website'
  | 'responsiblePerson'
  | 'head'
  | 'bankDetails'
  | 'storageCountry'
  | 'jurisdiction'
  | 'timezone'
  | 'privacyEmail'
  | 'postalAddress'
  | 'withdrawalSubject'
  | 'fieldLabel'
  | 'fieldCategory'
  | 'subjectCategoryLabel'
  | 'systemName'
  | 'systemLocation'
  | 'cookieCategory'
  | 'cookieNecessary'
  | 'cookiePurpose'
  | 'cookieNotice'
  | 'cookieItem'
  | 'cookieVendor'
  | 'cookieGpc'
  | 'additionalProcessing'
  | 'deadline'
  | 'destruction';

export interface DiffWords {
  /** A purpose by its number in the policy's table, or by its title when it has none. */
  purposeRef: (number: number | undefined, title: string) => string;
  /** «Цель 3 добавлена: «…»», «Цель 3 исключена: «…»». */
  purposeAdded: (who: string, title: string) => string;
  purposeRemoved: (who: string, title: string) => string;
  sections: {
    policy: string;
    operator: string;
    addresses: string;
    fields: string;
    subjectCategories: string;
    systems: string;
    crossBorder: string;
    recipients: string;
    cookies: string;
    additionalProcessing: string;
    deadlines: string;
    destruction: string;
  };
  phrases: Record<PhraseKey, Phrase>;
  allowed: string;
  forbidden: string;
  none: string;
  yes: string;
  no: string;
  destroy: string;
  anonymise: string;
  legalForm: { individual_entrepreneur: string; legal_entity: string };
  /** The operator's deadlines (register `deadlines`) by what they are for. */
  deadlineNames: Record<DeadlineKind, string>;
  destructionMedia: { electronic: string; paper: string };
}

export type DeadlineKind =
  | 'consent_withdrawal'
  | 'information_request'
  | 'access_request'
  | 'rectification'
  | 'blocking'
  | 'unblocking'
  | 'destruction'
  | 'objection_automated_decision'
  | 'unlawful_publication_removal';

/** Shorter than a table row: a purpose without a number is named by the start of its title. */
const shortTitle = (title: string) => (title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title);

const same = (text: string): Phrase => ({ added: text, removed: text, changed: text });

const ru: DiffWords = {
  purposeRef: (n, title) => (n !== undefined ? `Цель ${n}` : `Цель «${shortTitle(title)}»`),
  purposeAdded: (who, title) => `${who} добавлена: «${title}»`,
  purposeRemoved: (who, title) => `${who} исключена: «${title}»`,
  sections: {
    policy: 'Политика',
    operator: 'Оператор',
    addresses: 'Адреса для обращений',
    fields: 'Перечень данных',
    subjectCategories: 'Категории субъектов',
    systems: 'Информационные системы',
    crossBorder: 'Трансграничная передача',
    recipients: 'Передача третьим лицам',
    cookies: 'Файлы cookie',
    additionalProcessing: 'Иная обработка',
    deadlines: 'Сроки',
    destruction: 'Способы уничтожения',
  },
  phrases: {
    number: same('номер в таблице целей'),
    title: same('название'),
    legalBasis: {
      added: 'добавлено правовое основание',
      removed: 'исключено правовое основание',
      changed: 'правовое основание',
    },
    dataList: {
      added: 'в перечень данных добавлено',
      removed: 'из перечня данных исключено',
      changed: 'в перечне данных',
    },
    subjectCategory: {
      added: 'добавлена категория субъектов',
      removed: 'исключена категория субъектов',
      changed: 'категория субъектов',
    },
    retention: same('срок хранения'),
    processing: same('вид обработки'),
    system: {
      added: 'добавлена информационная система',
      removed: 'исключена информационная система',
      changed: 'информационная система',
    },
    onRetentionEnd: same('по истечении срока'),
    recipient: {
      added: 'добавлено основание передачи третьим лицам',
      removed: 'исключено основание передачи третьим лицам',
      changed: 'основание передачи третьим лицам',
    },
    crossBorder: same('трансграничная передача'),
    crossBorderCountry: {
      added: 'разрешена передача в страну',
      removed: 'исключена страна передачи',
      changed: 'страна передачи',
    },
    crossBorderRule: same('правило'),
    publicationField: {
      added: 'разрешено распространение данных',
      removed: 'распространение больше не разрешено для данных',
      changed: 'распространение данных',
    },
    publicationRestriction: {
      added: 'добавлено ограничение распространения',
      removed: 'снято ограничение распространения',
      changed: 'ограничение распространения',
    },
    publicationChannel: {
      added: 'добавлен способ распространения',
      removed: 'исключён способ распространения',
      changed: 'способ распространения',
    },
    publicationGoal: {
      added: 'добавлена цель распространения',
      removed: 'исключена цель распространения',
      changed: 'цель распространения',
    },
    policyUrl: same('адрес публикации'),
    operatorName: same('наименование'),
    legalForm: same('организационно-правовая форма'),
    binIin: same('БИН/ИИН'),
    address: same('адрес'),
    email: same('электронная почта'),
    phone: same('телефон'),
    website: same('сайт'),
    responsiblePerson: same('ответственный за организацию обработки'),
    head: same('руководитель'),
    bankDetails: same('банковские реквизиты'),
    storageCountry: {
      added: 'добавлена страна хранения баз данных',
      removed: 'исключена страна хранения баз данных',
      changed: 'страна хранения баз данных',
    },
    jurisdiction: same('юрисдикция'),
    timezone: same('часовой пояс'),
    privacyEmail: same('электронная почта для обращений'),
    postalAddress: same('почтовый адрес для обращений'),
    withdrawalSubject: same('тема письма об отзыве согласия'),
    fieldLabel: same('наименование данных'),
    fieldCategory: same('категория данных'),
    subjectCategoryLabel: same('наименование категории'),
    systemName: same('наименование системы'),
    systemLocation: same('страна хранения системы'),
    cookieCategory: {
      added: 'добавлена категория',
      removed: 'исключена категория',
      changed: 'категория',
    },
    cookieNecessary: same('обязательность'),
    cookiePurpose: {
      added: 'категория используется для цели',
      removed: 'категория больше не используется для цели',
      changed: 'цель категории',
    },
    cookieNotice: same('уведомление'),
    cookieItem: { added: 'добавлен файл cookie', removed: 'исключён файл cookie', changed: 'файл cookie' },
    cookieVendor: { added: 'добавлен сервис', removed: 'исключён сервис', changed: 'сервис' },
    cookieGpc: same('отказ по сигналу Global Privacy Control'),
    additionalProcessing: {
      added: 'добавлено положение',
      removed: 'исключено положение',
      changed: 'положение',
    },
    deadline: same('срок'),
    destruction: same('способ'),
  },
  allowed: 'разрешена',
  forbidden: 'запрещена',
  none: '—',
  yes: 'да',
  no: 'нет',
  destroy: 'уничтожение',
  anonymise: 'обезличивание',
  legalForm: { individual_entrepreneur: 'индивидуальный предприниматель', legal_entity: 'юридическое лицо' },
  deadlineNames: {
    consent_withdrawal: 'прекращение обработки после отзыва согласия',
    information_request: 'ответ на запрос сведений',
    access_request: 'ознакомление с персональными данными',
    rectification: 'изменение и дополнение данных',
    blocking: 'блокирование',
    unblocking: 'снятие блокирования',
    destruction: 'уничтожение',
    objection_automated_decision: 'возражение против автоматизированного решения',
    unlawful_publication_removal: 'удаление незаконно распространённых данных',
  },
  destructionMedia: { electronic: 'в информационных системах', paper: 'бумажные носители' },
};

const kk: DiffWords = {
  purposeRef: (n, title) => (n !== undefined ? `${n}-мақсат` : `«${shortTitle(title)}» мақсаты`),
  purposeAdded: (who, title) => `${who} қосылды: «${title}»`,
  purposeRemoved: (who, title) => `${who} алынып тасталды: «${title}»`,
  sections: {
    policy: 'Саясат',
    operator: 'Оператор',
    addresses: 'Өтініштерге арналған мекенжайлар',
    fields: 'Деректер тізбесі',
    subjectCategories: 'Субъектілер санаттары',
    systems: 'Ақпараттық жүйелер',
    crossBorder: 'Трансшекаралық беру',
    recipients: 'Үшінші тұлғаларға беру',
    cookies: 'Cookie файлдары',
    additionalProcessing: 'Өзге өңдеу',
    deadlines: 'Мерзімдер',
    destruction: 'Жою тәсілдері',
  },
  phrases: {
    number: same('мақсаттар кестесіндегі нөмірі'),
    title: same('атауы'),
    legalBasis: {
      added: 'құқықтық негіз қосылды',
      removed: 'құқықтық негіз алынып тасталды',
      changed: 'құқықтық негіз',
    },
    dataList: {
      added: 'деректер тізбесіне қосылды',
      removed: 'деректер тізбесінен алынып тасталды',
      changed: 'деректер тізбесінде',
    },
    subjectCategory: {
      added: 'субъектілер санаты қосылды',
      removed: 'субъектілер санаты алынып тасталды',
      changed: 'субъектілер санаты',
    },
    retention: same('сақтау мерзімі'),
    processing: same('өңдеу түрі'),
    system: {
      added: 'ақпараттық жүйе қосылды',
      removed: 'ақпараттық жүйе алынып тасталды',
      changed: 'ақпараттық жүйе',
    },
    onRetentionEnd: same('мерзім өткеннен кейін'),
    recipient: {
      added: 'үшінші тұлғаларға беру негізі қосылды',
      removed: 'үшінші тұлғаларға беру негізі алынып тасталды',
      changed: 'үшінші тұлғаларға беру негізі',
    },
    crossBorder: same('трансшекаралық беру'),
    crossBorderCountry: {
      added: 'елге беруге рұқсат етілді',
      removed: 'беру елі алынып тасталды',
      changed: 'беру елі',
    },
    crossBorderRule: same('қағида'),
    publicationField: {
      added: 'деректерді таратуға рұқсат етілді',
      removed: 'деректерді таратуға бұдан былай рұқсат етілмейді',
      changed: 'деректерді тарату',
    },
    publicationRestriction: {
      added: 'тарату шектеуі қосылды',
      removed: 'тарату шектеуі алынып тасталды',
      changed: 'тарату шектеуі',
    },
    publicationChannel: {
      added: 'тарату тәсілі қосылды',
      removed: 'тарату тәсілі алынып тасталды',
      changed: 'тарату тәсілі',
    },
    publicationGoal: {
      added: 'тарату мақсаты қосылды',
      removed: 'тарату мақсаты алынып тасталды',
      changed: 'тарату мақсаты',
    },
    policyUrl: same('жариялау мекенжайы'),
    operatorName: same('атауы'),
    legalForm: same('ұйымдық-құқықтық нысаны'),
    binIin: same('БСН/ЖСН'),
    address: same('мекенжайы'),
    email: same('электрондық поштасы'),
    phone: same('телефоны'),
    website: same('сайты'),
    responsiblePerson: same('өңдеуді ұйымдастыруға жауапты тұлға'),
    head: same('басшысы'),
    bankDetails: same('банк деректемелері'),
    storageCountry: {
      added: 'дерекқорлар сақталатын ел қосылды',
      removed: 'дерекқорлар сақталатын ел алынып тасталды',
      changed: 'дерекқорлар сақталатын ел',
    },
    jurisdiction: same('юрисдикциясы'),
    timezone: same('уақыт белдеуі'),
    privacyEmail: same('өтініштерге арналған электрондық пошта'),
    postalAddress: same('өтініштерге арналған пошта мекенжайы'),
    withdrawalSubject: same('келісімді кері қайтарып алу туралы хаттың тақырыбы'),
    fieldLabel: same('деректердің атауы'),
    fieldCategory: same('деректер санаты'),
    subjectCategoryLabel: same('санаттың атауы'),
    systemName: same('жүйенің атауы'),
    systemLocation: same('жүйе сақталатын ел'),
    cookieCategory: {
      added: 'санат қосылды',
      removed: 'санат алынып тасталды',
      changed: 'санат',
    },
    cookieNecessary: same('міндеттілігі'),
    cookiePurpose: {
      added: 'санат мақсат үшін пайдаланылады',
      removed: 'санат бұдан былай мақсат үшін пайдаланылмайды',
      changed: 'санаттың мақсаты',
    },
    cookieNotice: same('хабарлама'),
    cookieItem: {
      added: 'cookie файлы қосылды',
      removed: 'cookie файлы алынып тасталды',
      changed: 'cookie файлы',
    },
    cookieVendor: { added: 'сервис қосылды', removed: 'сервис алынып тасталды', changed: 'сервис' },
    cookieGpc: same('Global Privacy Control сигналы бойынша бас тарту'),
    additionalProcessing: {
      added: 'ереже қосылды',
      removed: 'ереже алынып тасталды',
      changed: 'ереже',
    },
    deadline: same('мерзім'),
    destruction: same('тәсіл'),
  },
  allowed: 'рұқсат етілген',
  forbidden: 'тыйым салынған',
  none: '—',
  yes: 'иә',
  no: 'жоқ',
  destroy: 'жою',
  anonymise: 'иесіздендіру',
  legalForm: { individual_entrepreneur: 'жеке кәсіпкер', legal_entity: 'заңды тұлға' },
  deadlineNames: {
    consent_withdrawal: 'келісім кері қайтарылғаннан кейін өңдеуді тоқтату',
    information_request: 'мәліметтер сұрауына жауап беру',
    access_request: 'дербес деректермен танысу',
    rectification: 'деректерді өзгерту және толықтыру',
    blocking: 'бұғаттау',
    unblocking: 'бұғаттан шығару',
    destruction: 'жою',
    objection_automated_decision: 'автоматтандырылған шешімге қарсылық',
    unlawful_publication_removal: 'заңсыз таратылған деректерді жою',
  },
  destructionMedia: { electronic: 'ақпараттық жүйелерде', paper: 'қағаз тасығыштар' },
};

const en: DiffWords = {
  purposeRef: (n, title) => (n !== undefined ? `Purpose ${n}` : `Purpose «${shortTitle(title)}»`),
  purposeAdded: (who, title) => `${who} added: «${title}»`,
  purposeRemoved: (who, title) => `${who} removed: «${title}»`,
  sections: {
    policy: 'Policy',
    operator: 'Operator',
    addresses: 'Addresses for requests',
    fields: 'Data list',
    subjectCategories: 'Subject categories',
    systems: 'Information systems',
    crossBorder: 'Cross-border transfer',
    recipients: 'Transfer to third parties',
    cookies: 'Cookies',
    additionalProcessing: 'Other processing',
    deadlines: 'Deadlines',
    destruction: 'Methods of destruction',
  },
  phrases: {
    number: same('number in the purposes table'),
    title: same('title'),
    legalBasis: { added: 'legal basis added', removed: 'legal basis removed', changed: 'legal basis' },
    dataList: { added: 'data list adds', removed: 'data list no longer includes', changed: 'data list' },
    subjectCategory: {
      added: 'subject category added',
      removed: 'subject category removed',
      changed: 'subject category',
    },
    retention: same('retention'),
    processing: same('kind of processing'),
    system: {
      added: 'information system added',
      removed: 'information system removed',
      changed: 'information system',
    },
    onRetentionEnd: same('when retention ends'),
    recipient: {
      added: 'ground for transfer to third parties added',
      removed: 'ground for transfer to third parties removed',
      changed: 'ground for transfer to third parties',
    },
    crossBorder: same('cross-border transfer'),
    crossBorderCountry: {
      added: 'transfer allowed to the country',
      removed: 'transfer no longer allowed to the country',
      changed: 'transfer country',
    },
    crossBorderRule: same('rule'),
    publicationField: {
      added: 'publication allowed for',
      removed: 'publication no longer allowed for',
      changed: 'publication of',
    },
    publicationRestriction: {
      added: 'publication restriction added',
      removed: 'publication restriction lifted',
      changed: 'publication restriction',
    },
    publicationChannel: {
      added: 'publication channel added',
      removed: 'publication channel removed',
      changed: 'publication channel',
    },
    publicationGoal: {
      added: 'publication goal added',
      removed: 'publication goal removed',
      changed: 'publication goal',
    },
    policyUrl: same('published at'),
    operatorName: same('name'),
    legalForm: same('legal form'),
    binIin: same('BIN/IIN'),
    address: same('address'),
    email: same('e-mail'),
    phone: same('phone'),
    website: same('website'),
    responsiblePerson: same('person responsible for organising processing'),
    head: same('head'),
    bankDetails: same('bank details'),
    storageCountry: {
      added: 'database storage country added',
      removed: 'database storage country removed',
      changed: 'database storage country',
    },
    jurisdiction: same('jurisdiction'),
    timezone: same('time zone'),
    privacyEmail: same('e-mail for requests'),
    postalAddress: same('postal address for requests'),
    withdrawalSubject: same('subject line of a consent withdrawal'),
    fieldLabel: same('data item name'),
    fieldCategory: same('data category'),
    subjectCategoryLabel: same('category name'),
    systemName: same('system name'),
    systemLocation: same('system storage country'),
    cookieCategory: { added: 'category added', removed: 'category removed', changed: 'category' },
    cookieNecessary: same('strictly necessary'),
    cookiePurpose: {
      added: 'category used for',
      removed: 'category no longer used for',
      changed: 'category purpose',
    },
    cookieNotice: same('notice'),
    cookieItem: { added: 'cookie added', removed: 'cookie removed', changed: 'cookie' },
    cookieVendor: { added: 'service added', removed: 'service removed', changed: 'service' },
    cookieGpc: same('refused by a Global Privacy Control signal'),
    additionalProcessing: { added: 'statement added', removed: 'statement removed', changed: 'statement' },
    deadline: same('deadline'),
    destruction: same('method'),
  },
  allowed: 'allowed',
  forbidden: 'not allowed',
  none: '—',
  yes: 'yes',
  no: 'no',
  destroy: 'destruction',
  anonymise: 'anonymisation',
  legalForm: { individual_entrepreneur: 'individual entrepreneur', legal_entity: 'legal entity' },
  deadlineNames: {
    consent_withdrawal: 'stopping processing after consent is withdrawn',
    information_request: 'answering a request for information',
    access_request: 'access to personal data',
    rectification: 'rectification',
    blocking: 'blocking',
    unblocking: 'unblocking',
    destruction: 'destruction',
    objection_automated_decision: 'objection to an automated decision',
    unlawful_publication_removal: 'removing unlawfully published data',
  },
  destructionMedia: { electronic: 'in information systems', paper: 'paper media' },
};

export const diffWords: Record<Lang, DiffWords> = { ru, kk, en };

/** «Цель 8: в перечень данных добавлено «Телефон»». */
export function addedLine(who: string, phrase: Phrase, value: string): string {
  return `${who}: ${phrase.added} «${value}»`;
}

/** «Цель 8: из перечня данных исключено «Телефон»». */
export function removedLine(who: string, phrase: Phrase, value: string): string {
  return `${who}: ${phrase.removed} «${value}»`;
}

/** «Цель 7: срок хранения «14 месяцев с момента сбора» → «24 месяца с момента сбора»». */
export function changedLine(who: string, phrase: Phrase, before: string, after: string): string {
  return `${who}: ${phrase.changed} «${before}» → «${after}»`;
}
