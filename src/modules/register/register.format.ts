// Renders a register for people: `amanat register show`. Plain text with a wrapped table of purposes
// that fits the terminal, in Russian, Kazakh or English (missing translations fall back to Russian).
import { describeDeadline } from './register.jurisdiction.js';
import { describeRetention, type Lang, localized, pluralRu } from './register.retention.js';
import type {
  Deadline,
  LegalBasisType,
  OperatorDeadlines,
  ProcessingType,
  Register,
} from './register.schema.js';
import { withdrawalSubjectLines } from './register.schema.js';

interface Vocabulary {
  operator: string;
  iinBin: string;
  responsible: string;
  jurisdiction: string;
  storage: string;
  policy: string;
  biometrics: (processes: boolean) => string;
  purposes: string;
  columns: [string, string, string, string, string, string, string];
  processing: Record<ProcessingType, string>;
  bases: Record<LegalBasisType, string>;
  anonymise: string;
  publication: string;
  restrictionsNone: string;
  grounds: string;
  crossBorder: (allowed: boolean, countries: string[]) => string;
  deadlines: string;
  deadlineNames: Record<keyof OperatorDeadlines, string>;
  requests: string;
  withdrawalSubject: string;
  cookies: string;
  necessary: string;
  additional: string;
}

const vocabulary: Record<Lang, Vocabulary> = {
  ru: {
    operator: 'Оператор',
    iinBin: 'ИИН/БИН',
    responsible: 'Ответственный за организацию обработки',
    jurisdiction: 'Юрисдикция и часовой пояс',
    storage: 'Страны хранения',
    policy: 'Политика',
    biometrics: (p) => (p ? 'Биометрические ПД обрабатываются' : 'Биометрические ПД не обрабатываются'),
    purposes: 'Цели обработки',
    columns: [
      '№',
      'Цель',
      'Субъекты',
      'Перечень ПД',
      'Срок обработки',
      'Вид обработки',
      'Правовые основания',
    ],
    processing: { automated: 'автоматизированная', mixed: 'смешанная', manual: 'без средств автоматизации' },
    bases: {
      consent: 'согласие субъекта',
      publication_consent: 'согласие на распространение',
      contract: 'исполнение договора',
      legal_duty: 'обязанность по закону',
      legitimate_interest: 'законный интерес',
      statistics_research: 'статистические и исследовательские цели',
      vital_interest: 'защита жизни и здоровья',
    },
    anonymise: 'по истечении срока — обезличивание',
    publication: 'ПД, разрешённые для распространения',
    restrictionsNone: 'ограничения не установлены',
    grounds: 'Раскрытие третьим лицам — только в случаях',
    crossBorder: (allowed, countries) =>
      allowed
        ? `Трансграничная передача разрешена${countries.length ? `: ${countries.join(', ')}` : ''}`
        : 'Трансграничная передача не осуществляется',
    deadlines: 'Сроки оператора',
    deadlineNames: {
      consent_withdrawal: 'прекращение обработки после отзыва согласия',
      information_request: 'ответ на запрос информации',
      access_request: 'доступ к своим данным',
      rectification: 'уточнение',
      blocking: 'блокирование',
      unblocking: 'снятие блокирования',
      destruction: 'уничтожение',
      unlawful_publication_removal: 'удаление незаконно опубликованных данных',
      objection_automated_decision: 'возражение против автоматизированного решения',
    },
    requests: 'Запросы субъектов',
    withdrawalSubject: 'тема письма об отзыве согласия',
    cookies: 'Файлы cookie',
    necessary: 'необходимые, без согласия',
    additional: 'Иная обработка',
  },
  kk: {
    operator: 'Оператор',
    iinBin: 'ЖСН/БСН',
    responsible: 'Өңдеуді ұйымдастыруға жауапты тұлға',
    jurisdiction: 'Юрисдикция және уақыт белдеуі',
    storage: 'Сақтау елдері',
    policy: 'Саясат',
    biometrics: (p) =>
      p ? 'Биометриялық дербес деректер өңделеді' : 'Биометриялық дербес деректер өңделмейді',
    purposes: 'Өңдеу мақсаттары',
    columns: [
      '№',
      'Мақсат',
      'Субъектілер',
      'Дербес деректер',
      'Өңдеу мерзімі',
      'Өңдеу түрі',
      'Құқықтық негіздер',
    ],
    processing: { automated: 'автоматтандырылған', mixed: 'аралас', manual: 'автоматтандыру құралдарынсыз' },
    bases: {
      consent: 'субъектінің келісімі',
      publication_consent: 'таратуға келісім',
      contract: 'шартты орындау',
      legal_duty: 'заңмен жүктелген міндет',
      legitimate_interest: 'заңды мүдде',
      statistics_research: 'статистикалық және зерттеу мақсаттары',
      vital_interest: 'өмір мен денсаулықты қорғау',
    },
    anonymise: 'мерзім өткенде — иесіздендіру',
    publication: 'Таратуға рұқсат етілген дербес деректер',
    restrictionsNone: 'шектеулер белгіленбеген',
    grounds: 'Үшінші тұлғаларға тек мына жағдайларда ашылады',
    crossBorder: (allowed, countries) =>
      allowed
        ? `Трансшекаралық беруге рұқсат етілген${countries.length ? `: ${countries.join(', ')}` : ''}`
        : 'Трансшекаралық беру жүзеге асырылмайды',
    deadlines: 'Оператордың мерзімдері',
    deadlineNames: {
      consent_withdrawal: 'келісім кері қайтарылғаннан кейін өңдеуді тоқтату',
      information_request: 'ақпарат сұрауына жауап',
      access_request: 'өз деректеріне қол жеткізу',
      rectification: 'нақтылау',
      blocking: 'бұғаттау',
      unblocking: 'бұғаттан шығару',
      destruction: 'жою',
      unlawful_publication_removal: 'заңсыз жарияланған деректерді жою',
      objection_automated_decision: 'автоматтандырылған шешімге қарсылық',
    },
    requests: 'Субъектілердің сұраулары',
    withdrawalSubject: 'келісімді кері қайтару хатының тақырыбы',
    cookies: 'Cookie файлдары',
    necessary: 'қажетті, келісімсіз',
    additional: 'Өзге өңдеу',
  },
  en: {
    operator: 'Operator',
    iinBin: 'IIN/BIN',
    responsible: 'Responsible for organising processing',
    jurisdiction: 'Jurisdiction and time zone',
    storage: 'Storage countries',
    policy: 'Policy',
    biometrics: (p) => (p ? 'Biometric data is processed' : 'No biometric data is processed'),
    purposes: 'Processing purposes',
    columns: ['No', 'Purpose', 'Subjects', 'Data', 'Retention', 'Processing', 'Legal bases'],
    processing: { automated: 'automated', mixed: 'mixed', manual: 'manual' },
    bases: {
      consent: 'consent',
      publication_consent: 'consent to publication',
      contract: 'performance of a contract',
      legal_duty: 'legal duty',
      legitimate_interest: 'legitimate interest',
      statistics_research: 'statistics and research',
      vital_interest: 'vital interests',
    },
    anonymise: 'anonymised when retention ends',
    publication: 'Data permitted for publication',
    restrictionsNone: 'no restrictions',
    grounds: 'Disclosed to third parties only when',
    crossBorder: (allowed, countries) =>
      allowed
        ? `Cross-border transfer allowed${countries.length ? `: ${countries.join(', ')}` : ''}`
        : 'No cross-border transfer',
    deadlines: "The operator's deadlines",
    deadlineNames: {
      consent_withdrawal: 'stop processing after consent withdrawal',
      information_request: 'answer an information request',
      access_request: 'access to own data',
      rectification: 'rectification',
      blocking: 'blocking',
      unblocking: 'unblocking',
      destruction: 'destruction',
      unlawful_publication_removal: 'removal of unlawfully published data',
      objection_automated_decision: 'objection to an automated decision',
    },
    requests: "Subjects' requests",
    withdrawalSubject: 'subject line of a withdrawal e-mail',
    cookies: 'Cookies',
    necessary: 'necessary, no consent',
    additional: 'Other processing',
  },
};

const deadlineUnits: Record<
  Lang,
  (amount: number, unit: 'working_days' | 'calendar_days' | 'hours') => string
> = {
  ru: (n, unit) =>
    unit === 'working_days'
      ? `${n} ${pluralRu(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}`
      : unit === 'calendar_days'
        ? `${n} ${pluralRu(n, 'календарный день', 'календарных дня', 'календарных дней')}`
        : `${n} ${pluralRu(n, 'час', 'часа', 'часов')}`,
  kk: (n, unit) =>
    `${n} ${unit === 'working_days' ? 'жұмыс күні' : unit === 'calendar_days' ? 'күнтізбелік күн' : 'сағат'}`,
  en: (n, unit) => describeDeadline({ amount: n, unit }),
};

// --- table -------------------------------------------------------------------------------------------

/** Wraps text to lines of at most `width` characters, breaking words only when a word alone is longer. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while ([...word].length > width) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push([...word].slice(0, width).join(''));
        word = [...word].slice(width).join('');
      }
      const candidate = line ? `${line} ${word}` : word;
      if ([...candidate].length <= width) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/**
 * A box-drawn table that fits `totalWidth`: a column of weight 0 is as wide as its widest cell (row
 * numbers); the others first get room for their longest word (up to 20 characters, so words are not
 * broken needlessly), then share what is left by weight. Cells wrap within their column.
 */
export function renderTable(
  headers: string[],
  rows: string[][],
  weights: number[],
  totalWidth: number,
): string {
  const length = (s: string) => [...s].length;
  const column = (i: number) => [headers[i]!, ...rows.map((r) => r[i] ?? '')];
  const widths = weights.map((weight, i) => {
    const cells = column(i);
    if (weight === 0) return Math.max(...cells.map(length));
    return Math.min(20, Math.max(3, ...cells.flatMap((c) => c.split(/\s+/)).map(length)));
  });
  const overhead = headers.length * 3 + 1;
  const spare = totalWidth - overhead - widths.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (spare > 0 && weightSum > 0) {
    for (const [i, weight] of weights.entries()) widths[i]! += Math.floor((spare * weight) / weightSum);
  } else if (spare < 0) {
    // Too narrow even for whole words: shrink the flexible columns proportionally (words will break).
    const flexible = weights.flatMap((w, i) => (w > 0 ? [i] : []));
    const flexibleWidth = flexible.reduce((sum, i) => sum + widths[i]!, 0);
    const target = Math.max(flexible.length * 3, flexibleWidth + spare);
    for (const i of flexible) widths[i] = Math.max(3, Math.floor((widths[i]! * target) / flexibleWidth));
  }
  const line = (left: string, mid: string, right: string) =>
    left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  const renderRow = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let r = 0; r < height; r++) {
      out.push(`│ ${wrapped.map((w, i) => pad(w[r] ?? '', widths[i]!)).join(' │ ')} │`);
    }
    return out.join('\n');
  };
  return [
    line('┌', '┬', '┐'),
    renderRow(headers),
    line('├', '┼', '┤'),
    rows.map(renderRow).join(`\n${line('├', '┼', '┤')}\n`),
    line('└', '┴', '┘'),
  ].join('\n');
}

// --- register ----------------------------------------------------------------------------------------

export function formatRegister(register: Register, lang: Lang, width = 120): string {
  const v = vocabulary[lang];
  const fieldLabel = new Map(register.fields.map((f) => [f.id, localized(f.labels, lang)]));
  const categoryLabel = new Map(register.subject_categories.map((c) => [c.id, localized(c.labels, lang)]));
  const purposeById = new Map(register.purposes.map((p) => [p.id, p]));
  const purposeRef = (id: string) => {
    const p = purposeById.get(id);
    return p?.number === undefined ? id : `№${p.number}`;
  };
  const out: string[] = [];
  const op = register.operator;

  out.push(`${v.operator}: ${localized(op.name, lang)} (${v.iinBin} ${op.bin_iin})`);
  out.push(`  ${localized(op.address, lang)}; ${op.email}${op.website ? `; ${op.website}` : ''}`);
  out.push(`  ${v.responsible}: ${op.responsible_person.name}, ${op.responsible_person.email}`);
  out.push(`  ${v.jurisdiction}: ${op.jurisdiction}, ${op.timezone}`);
  out.push(`  ${v.storage}: ${op.storage_countries.join(', ')}`);
  out.push(
    `  ${v.policy}: ${register.policy.version}${register.policy.url ? `, ${register.policy.url}` : ''}`,
  );
  out.push(`  ${v.biometrics(register.processes_biometrics)}`);
  out.push('');

  out.push(`${v.purposes} (${register.purposes.length}):`);
  const rows = register.purposes.map((p) => [
    p.number === undefined ? p.id : String(p.number),
    `${localized(p.title, lang)} [${p.id}]`,
    p.subject_categories.map((c) => categoryLabel.get(c) ?? c).join('; '),
    p.fields.map((f) => fieldLabel.get(f) ?? f).join('; '),
    describeRetention(p.retention, lang) + (p.on_retention_end === 'anonymise' ? ` (${v.anonymise})` : ''),
    v.processing[p.processing],
    p.legal_bases.map((b) => v.bases[b.type]).join('; '),
  ]);
  out.push(renderTable(v.columns, rows, [0, 3, 1.5, 2.6, 3, 0.5, 1.6], width));
  out.push('');

  if (register.publication) {
    const pub = register.publication;
    out.push(`${v.publication} (${purposeRef(pub.purpose)}):`);
    for (const f of pub.fields) {
      const restrictions = f.restrictions.map((r) => localized(r, lang)).join('; ') || v.restrictionsNone;
      out.push(`  - ${fieldLabel.get(f.field) ?? f.field}: ${restrictions}`);
    }
    out.push('');
  }

  if (register.disclosure_grounds.length > 0) {
    out.push(`${v.grounds}:`);
    for (const [i, g] of register.disclosure_grounds.entries()) {
      const [first, ...rest] = wrap(localized(g.text, lang), width - 7);
      out.push(`  (${i + 1}) ${first ?? ''}`, ...rest.map((l) => `      ${l}`));
    }
    out.push('');
  }

  out.push(
    `${v.crossBorder(register.cross_border.allowed, register.cross_border.countries)}: ${localized(register.cross_border.rule, lang)}`,
  );
  out.push('');

  const deadlineEntries = Object.entries(register.deadlines) as [
    keyof OperatorDeadlines,
    Deadline | undefined,
  ][];
  if (deadlineEntries.some(([, d]) => d)) {
    out.push(`${v.deadlines}:`);
    for (const [key, d] of deadlineEntries) {
      if (d) out.push(`  - ${v.deadlineNames[key]}: ${deadlineUnits[lang](d.amount, d.unit)}`);
    }
  }
  const requests = register.requests;
  if (requests.privacy_email || requests.postal_address || requests.withdrawal_email_subject) {
    out.push(`${v.requests}:`);
    if (requests.privacy_email) out.push(`  - e-mail: ${requests.privacy_email}`);
    for (const { line } of withdrawalSubjectLines(requests))
      out.push(`  - ${v.withdrawalSubject}: «${line}»`);
    if (requests.postal_address) out.push(`  - ${localized(requests.postal_address, lang)}`);
  }
  if (register.cookies) {
    out.push(`${v.cookies}:`);
    for (const c of register.cookies.categories) {
      out.push(
        `  - ${localized(c.name, lang)}${c.required ? ` (${v.necessary})` : ''}: ${c.purposes.map(purposeRef).join(', ')}`,
      );
    }
  }
  if (register.additional_processing.length > 0) {
    out.push(`${v.additional}:`);
    for (const a of register.additional_processing) {
      const [first, ...rest] = wrap(localized(a.text, lang), width - 4);
      out.push(`  - ${first ?? ''}`, ...rest.map((l) => `    ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** One line for `amanat register validate`: Russian first, then English. */
export function summarizeRegister(register: Register, warnings: number): string {
  const p = register.purposes.length;
  const f = register.fields.length;
  const c = register.subject_categories.length;
  const s = register.information_systems.length;
  const en = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const ru =
    `Реестр корректен: ${p} ${pluralRu(p, 'цель', 'цели', 'целей')}, ${f} ${pluralRu(f, 'поле', 'поля', 'полей')}, ` +
    `${c} ${pluralRu(c, 'категория', 'категории', 'категорий')} субъектов, ` +
    `${s} ${pluralRu(s, 'информационная система', 'информационные системы', 'информационных систем')}; ` +
    `предупреждений: ${warnings}.`;
  const english =
    `Register is valid: ${en(p, 'purpose')}, ${en(f, 'field')}, ${en(c, 'subject category', 'subject categories')}, ` +
    `${en(s, 'information system')}; ${en(warnings, 'warning')}.`;
  return `${ru} / ${english}`;
}
