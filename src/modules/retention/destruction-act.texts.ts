// Every fixed text of the act of destruction, in Russian and Kazakh: the PDF's headings and captions, and the
// words the service puts into the act's data (reasons, methods, the roles of those who sign).
import type { ActLang, DestructionActKind } from './destruction-act.types.js';

/** «3 года», «5 лет», «1 год»: the Russian noun after a number. */
function ruYears(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return `${n} лет`;
  if (ones === 1) return `${n} год`;
  if (ones >= 2 && ones <= 4) return `${n} года`;
  return `${n} лет`;
}

export interface ActTexts {
  title: (number: number) => string;
  kinds: Record<DestructionActKind, string>;
  outcomes: Record<string, string>;
  reasons: Record<string, string>;
  /** «(цели: 7, 8)» after the retention reason. */
  purposesNote: (numbers: string) => string;
  methods: { destroyed: string; anonymised: string; deleted: string; paper: string };
  binIin: string;
  address: string;
  kind: string;
  basis: string;
  operator: string;
  processor: string;
  processorNone: string;
  contract: string;
  subjects: string;
  subjectsCount: string;
  subjectCategories: string;
  subjectIds: string;
  subjectIdsNote: string;
  dataCategories: string;
  category: string;
  values: string;
  purposes: string;
  purpose: string;
  legalBasis: string;
  systems: string;
  paper: string;
  media: string;
  pages: string;
  method: string;
  reason: string;
  date: string;
  request: string;
  requestLine: (number: number, date: string) => string;
  performers: string;
  fullName: string;
  position: string;
  signature: string;
  fillIn: string;
  roles: { responsible: string; executor: string };
  log: string;
  logEntries: (entries: number) => string;
  logSeq: (first: number, last: number) => string;
  logTruncated: (shown: number, entries: number) => string;
  auditPosition: (seq: number, hash: string) => string;
  logHeader: [string, string, string, string, string];
  systemsShort: string;
  completed: string;
  keep: (years: number) => string;
}

const ru: ActTexts = {
  title: (n) => `Акт № ${n} об уничтожении персональных данных`,
  kinds: {
    sweep: 'плановое уничтожение по истечении сроков (автоматизированное)',
    request: 'уничтожение по обращению субъекта',
    paper: 'уничтожение бумажных носителей',
  },
  outcomes: {
    destroyed: 'уничтожено',
    anonymised: 'обезличено',
    purpose_released: 'цель обработки прекращена',
  },
  reasons: {
    retention_expired: 'истёк срок хранения или достигнута цель обработки (правило реестра)',
    consent_withdrawn: 'отзыв согласия субъекта',
    subject_request: 'требование субъекта об уничтожении (обращение)',
    unlawful: 'выявлена неправомерная обработка',
    paper: 'уничтожение бумажных носителей',
  },
  purposesNote: (numbers) => ` (цели: ${numbers})`,
  methods: {
    destroyed:
      'удаление записей из базы данных; для субъектов, данных о которых не осталось, — удаление идентификаторов ' +
      'и уничтожение ключа шифрования субъекта в отдельном хранилище ключей (криптографическое стирание: ' +
      'копии данных, в том числе резервные, становятся нечитаемыми)',
    anonymised: 'обезличивание: значения удалены, сохранены только счётчики по цели, полю и месяцу сбора',
    deleted: 'удаление записей из базы данных',
    paper: 'измельчение в шредере',
  },
  binIin: 'БИН/ИИН',
  address: 'Адрес',
  kind: 'Вид',
  basis: 'Основание',
  operator: 'Оператор',
  processor: 'Обработчик (лицо, осуществляющее обработку по поручению оператора)',
  processorNone: 'не привлекался',
  contract: 'договор поручения',
  subjects: 'Субъекты персональных данных',
  subjectsCount: 'Количество субъектов',
  subjectCategories: 'Категории субъектов',
  subjectIds: 'Внутренние идентификаторы субъектов',
  subjectIdsNote:
    'Субъекты названы внутренними идентификаторами оператора: акт не восстанавливает уничтоженные данные.',
  dataCategories: 'Категории уничтоженных персональных данных',
  category: 'Категория данных',
  values: 'Значений',
  purposes: 'Цели обработки',
  purpose: 'Цель',
  legalBasis: 'Правовое основание',
  systems: 'Информационная система персональных данных',
  paper: 'Материальные (бумажные) носители',
  media: 'Носители',
  pages: 'Количество листов',
  method: 'Способ уничтожения',
  reason: 'Причина уничтожения',
  date: 'Дата уничтожения',
  request: 'Обращение субъекта',
  requestLine: (n, date) => `Обращение № ${n} от ${date}`,
  performers: 'Уничтожение произвели',
  fullName: 'ФИО',
  position: 'Должность',
  signature: 'подпись',
  fillIn: 'заполнить',
  roles: {
    responsible:
      'ответственный за организацию обработки персональных данных; уничтожение выполнено информационной ' +
      'системой оператора автоматически под его контролем',
    executor: 'исполнил обращение субъекта',
  },
  log: 'Выписка из журнала событий',
  logEntries: (n) => `Записей: ${n}`,
  logSeq: (first, last) => `порядковые номера: ${first}–${last}`,
  logTruncated: (shown, entries) =>
    `Выписка содержит первые ${shown} из ${entries} записей; полная выписка доступна в формате JSON через API:`,
  auditPosition: (seq, hash) =>
    `Журнал аудита на момент составления акта: запись № ${seq}, контрольное значение ${hash}`,
  logHeader: [
    '№',
    'Время',
    'Субъект (внутренний идентификатор)',
    'Данные; информационная система',
    'Причина; результат',
  ],
  systemsShort: 'ИС',
  completed: 'Акт составлен',
  keep: (years) => `Акт и выписка из журнала хранятся ${ruYears(years)}.`,
};

const kk: ActTexts = {
  title: (n) => `Дербес деректерді жою туралы № ${n} акт`,
  kinds: {
    sweep: 'мерзімдері өткеннен кейін жоспарлы жою (автоматтандырылған)',
    request: 'субъектінің өтініші бойынша жою',
    paper: 'қағаз жеткізгіштерді жою',
  },
  outcomes: {
    destroyed: 'жойылды',
    anonymised: 'иесіздендірілді',
    purpose_released: 'өңдеу мақсаты тоқтатылды',
  },
  reasons: {
    retention_expired: 'сақтау мерзімі өтті немесе өңдеу мақсатына қол жеткізілді (тізілім ережесі)',
    consent_withdrawn: 'субъектінің келісімді кері қайтарып алуы',
    subject_request: 'субъектінің жою туралы талабы (өтініш)',
    unlawful: 'заңсыз өңдеу анықталды',
    paper: 'қағаз жеткізгіштерді жою',
  },
  purposesNote: (numbers) => ` (мақсаттар: ${numbers})`,
  methods: {
    destroyed:
      'дерекқордан жазбаларды жою; деректері қалмаған субъектілер үшін — сәйкестендіргіштерді жою және ' +
      'субъектінің шифрлау кілтін бөлек кілттер қоймасында жою (криптографиялық өшіру: деректердің ' +
      'көшірмелері, оның ішінде резервтік көшірмелер, оқылмайтын болады)',
    anonymised:
      'иесіздендіру: мәндер жойылды, тек мақсат, өріс және жинау айы бойынша есептегіштер ғана сақталды',
    deleted: 'дерекқордан жазбаларды жою',
    paper: 'қағаз ұсақтағышта (шредерде) ұсақтау',
  },
  binIin: 'БСН/ЖСН',
  address: 'Мекенжайы',
  kind: 'Түрі',
  basis: 'Негіз',
  operator: 'Оператор',
  processor: 'Өңдеуші (оператордың тапсырмасы бойынша өңдеуді жүзеге асыратын тұлға)',
  processorNone: 'тартылмады',
  contract: 'тапсырма шарты',
  subjects: 'Дербес деректер субъектілері',
  subjectsCount: 'Субъектілер саны',
  subjectCategories: 'Субъектілер санаттары',
  subjectIds: 'Субъектілердің ішкі сәйкестендіргіштері',
  subjectIdsNote:
    'Субъектілер оператордың ішкі сәйкестендіргіштерімен аталған: акт жойылған деректерді қалпына келтірмейді.',
  dataCategories: 'Жойылған дербес деректер санаттары',
  category: 'Деректер санаты',
  values: 'Мәндер саны',
  purposes: 'Өңдеу мақсаттары',
  purpose: 'Мақсат',
  legalBasis: 'Құқықтық негіз',
  systems: 'Дербес деректердің ақпараттық жүйесі',
  paper: 'Материалдық (қағаз) жеткізгіштер',
  media: 'Жеткізгіштер',
  pages: 'Парақтар саны',
  method: 'Жою тәсілі',
  reason: 'Жою себебі',
  date: 'Жойылған күні',
  request: 'Субъектінің өтініші',
  requestLine: (n, date) => `${date} күнгі № ${n} өтініш`,
  performers: 'Жоюды жүргізгендер',
  fullName: 'Т.А.Ә.',
  position: 'Лауазымы',
  signature: 'қолы',
  fillIn: 'толтыру керек',
  roles: {
    responsible:
      'дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға; жоюды оператордың ақпараттық жүйесі оның ' +
      'бақылауымен автоматты түрде орындады',
    executor: 'субъектінің өтінішін орындады',
  },
  log: 'Оқиғалар журналынан үзінді',
  logEntries: (n) => `Жазбалар саны: ${n}`,
  logSeq: (first, last) => `реттік нөмірлері: ${first}–${last}`,
  logTruncated: (shown, entries) =>
    `Үзінді ${entries} жазбаның алғашқы ${shown} жазбасын қамтиды; толық үзінді API арқылы JSON пішімінде қолжетімді:`,
  auditPosition: (seq, hash) => `Акт жасалған сәттегі аудит журналы: № ${seq} жазба, бақылау мәні ${hash}`,
  logHeader: [
    '№',
    'Уақыты',
    'Субъект (ішкі сәйкестендіргіш)',
    'Деректер; ақпараттық жүйе',
    'Себебі; нәтижесі',
  ],
  systemsShort: 'АЖ',
  completed: 'Акт жасалды',
  keep: (years) => `Акт пен журналдан үзінді ${years} жыл сақталады.`,
};

export const actTexts: Record<ActLang, ActTexts> = { ru, kk };
