// Register values and audit actions in words: retention rules, processing ways, deadline units and the request's
// timeline events, in the console's language (codes stay visible only for what has no word yet).
import type { Lang } from '../shared/i18n.js';

type Words = Record<Lang, string>;

const kinds: Record<string, Words> = {
  until_liquidation: { ru: 'до ликвидации', kk: 'таратылғанға дейін', en: 'until liquidation' },
  contract_period: { ru: 'срок договора', kk: 'шарт мерзімі', en: 'the contract’s term' },
  until_consent_withdrawal: {
    ru: 'до отзыва согласия',
    kk: 'келісім кері қайтарылғанға дейін',
    en: 'until consent is withdrawn',
  },
  until_purpose_achieved: {
    ru: 'до достижения цели',
    kk: 'мақсатқа жеткенге дейін',
    en: 'until the purpose is achieved',
  },
  after_collection: { ru: 'после сбора', kk: 'жиналғаннан кейін', en: 'after collection' },
  after_last_activity: {
    ru: 'после последней активности',
    kk: 'соңғы белсенділіктен кейін',
    en: 'after last activity',
  },
  fixed_date: { ru: 'до даты', kk: 'күнге дейін', en: 'until' },
};
const or: Words = { ru: ' или ', kk: ' немесе ', en: ' or ' };
const after: Words = { ru: ' и ещё ', kk: ' және тағы ', en: ' plus ' };

interface Duration {
  years?: number;
  months?: number;
  days?: number;
}

export function durationText(d: Duration, lang: Lang): string {
  const parts: string[] = [];
  const unit = { ru: ['г.', 'мес.', 'дн.'], kk: ['жыл', 'ай', 'күн'], en: ['y', 'mo', 'd'] }[lang];
  if (d.years) parts.push(`${d.years} ${unit[0]}`);
  if (d.months) parts.push(`${d.months} ${unit[1]}`);
  if (d.days) parts.push(`${d.days} ${unit[2]}`);
  return parts.join(' ');
}

type Rule = { kind: string; [key: string]: unknown };

export function retentionText(rule: Rule, lang: Lang): string {
  switch (rule.kind) {
    case 'contract_period':
      return (
        kinds.contract_period![lang] +
        (rule.after_end ? after[lang] + durationText(rule.after_end as Duration, lang) : '')
      );
    case 'after_collection':
    case 'after_last_activity':
      return `${durationText(rule.duration as Duration, lang)} ${kinds[rule.kind]![lang]}`;
    case 'fixed_date':
      return `${kinds.fixed_date![lang]} ${String(rule.date)}`;
    case 'first_of':
      return (rule.rules as Rule[]).map((r) => retentionText(r, lang)).join(or[lang]);
    case 'depends_on':
      return (rule.options as { label?: Partial<Words>; rule: Rule }[])
        .map((o) => o.label?.[lang] ?? o.label?.ru ?? retentionText(o.rule, lang))
        .join('; ');
    default:
      return kinds[rule.kind]?.[lang] ?? rule.kind;
  }
}

const processing: Record<string, Words> = {
  mixed: { ru: 'смешанная', kk: 'аралас', en: 'mixed' },
  automated: { ru: 'автоматизированная', kk: 'автоматтандырылған', en: 'automated' },
  manual: { ru: 'без средств автоматизации', kk: 'автоматтандыру құралдарынсыз', en: 'manual' },
};

export function processingText(value: string | undefined, lang: Lang): string {
  return value ? (processing[value]?.[lang] ?? value) : '—';
}

const units: Record<string, Words> = {
  working_days: { ru: 'раб. дн.', kk: 'жұмыс күні', en: 'working days' },
  calendar_days: { ru: 'календ. дн.', kk: 'күнтізбелік күн', en: 'calendar days' },
};

export function unitText(unit: string, lang: Lang): string {
  return units[unit]?.[lang] ?? unit;
}

const actions: Record<string, Words> = {
  'request.receive': { ru: 'Обращение поступило', kk: 'Өтініш түсті', en: 'Request received' },
  'request.read': { ru: 'Просмотр', kk: 'Қаралды', en: 'Viewed' },
  'request.status_link': {
    ru: 'Ссылка на статус отправлена заявителю',
    kk: 'Мәртебе сілтемесі өтініш берушіге жіберілді',
    en: 'Status link sent to the requester',
  },
  'request.answer_read': {
    ru: 'Заявитель скачал ответ',
    kk: 'Өтініш беруші жауапты жүктеп алды',
    en: 'The requester downloaded the answer',
  },
  'request.classify': { ru: 'Вид определён', kk: 'Түрі анықталды', en: 'Classified' },
  'request.assign': { ru: 'Назначен исполнитель', kk: 'Орындаушы тағайындалды', en: 'Assigned' },
  'request.verification_sent': { ru: 'Код отправлен', kk: 'Код жіберілді', en: 'Code sent' },
  'request.verification_failed': {
    ru: 'Неверный код',
    kk: 'Код қате',
    en: 'Wrong code',
  },
  'request.verify': { ru: 'Личность подтверждена', kk: 'Тұлға расталды', en: 'Identity verified' },
  'request.extend': { ru: 'Срок продлён', kk: 'Мерзім ұзартылды', en: 'Deadline extended' },
  'request.refuse': { ru: 'Отказ', kk: 'Бас тарту', en: 'Refused' },
  'request.answer': { ru: 'Дан ответ', kk: 'Жауап берілді', en: 'Answered' },
  'request.answer_sent': { ru: 'Ответ отправлен', kk: 'Жауап жіберілді', en: 'Answer sent' },
  'request.duplicate': { ru: 'Повторное обращение', kk: 'Қайталанған өтініш', en: 'Duplicate' },
  'data.export': {
    ru: 'Выгрузка данных для ответа',
    kk: 'Жауап үшін деректер жүктелді',
    en: 'Data exported for the answer',
  },
  'data.read': { ru: 'Чтение данных', kk: 'Деректер оқылды', en: 'Data read' },
  'data.rectify': { ru: 'Данные исправлены', kk: 'Деректер түзетілді', en: 'Data rectified' },
  'data.mark_for_destruction': {
    ru: 'Данные отмечены к уничтожению',
    kk: 'Деректер жоюға белгіленді',
    en: 'Data marked for destruction',
  },
};

export function actionText(action: string, lang: Lang): string {
  return actions[action]?.[lang] ?? action;
}

const outcomes: Record<string, Words> = {
  consent_withdrawn: { ru: 'согласие отозвано', kk: 'келісім кері қайтарылды', en: 'consent withdrawn' },
  no_data_held: { ru: 'данных субъекта нет', kk: 'субъектінің деректері жоқ', en: 'no data held' },
  no_live_consent: {
    ru: 'действующего согласия нет',
    kk: 'қолданыстағы келісім жоқ',
    en: 'no consent in force',
  },
  nothing_to_destroy: { ru: 'уничтожать нечего', kk: 'жоятын ештеңе жоқ', en: 'nothing to destroy' },
  rectified: { ru: 'данные исправлены', kk: 'деректер түзетілді', en: 'data rectified' },
  refused: { ru: 'отказано', kk: 'бас тартылды', en: 'refused' },
  scheduled_for_destruction: {
    ru: 'данные назначены к уничтожению',
    kk: 'деректер жоюға белгіленді',
    en: 'data scheduled for destruction',
  },
};

/** A request's outcome in words ('report: 2 purposes' → 'отчёт по целям: 2'); an unknown code as it is. */
export function outcomeText(summary: string, lang: Lang): string {
  const report = /^report: (\d+) purposes$/.exec(summary);
  if (report) {
    const words: Words = {
      ru: 'отчёт по целям: ',
      kk: 'мақсаттар бойынша есеп: ',
      en: 'report on purposes: ',
    };
    return `${words[lang]}${report[1]}`;
  }
  return outcomes[summary]?.[lang] ?? summary;
}
