// Retention rule trees: walking them, asking what can end them, and saying them in words (RU/KK/EN).
// The words are reused wherever a person reads a retention rule: `amanat register show`, the generated
// policy, acts of destruction.
import type { Duration, LegalBasis, LocalizedText, RetentionRule } from './register.schema.js';

export type Lang = 'ru' | 'kk' | 'en';
export const langs: readonly Lang[] = ['ru', 'kk', 'en'];

/** The text in the wanted language; Russian is the only required language, so it is the fallback. */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] ?? text.ru;
}

/** A legal basis as the register words it in a language; its Russian reference where no translation is given. */
export function basisReference(basis: Pick<LegalBasis, 'reference' | 'translations'>, lang: Lang): string {
  return (lang === 'ru' ? undefined : basis.translations?.[lang]) ?? basis.reference;
}

/** Every node of the tree, depth first, with its path relative to the rule (for error positions). */
export function* walkRetention(
  rule: RetentionRule,
  path: (string | number)[] = [],
): Generator<{ rule: RetentionRule; path: (string | number)[] }> {
  yield { rule, path };
  if (rule.kind === 'first_of') {
    for (const [i, child] of rule.rules.entries()) yield* walkRetention(child, [...path, 'rules', i]);
  } else if (rule.kind === 'depends_on') {
    for (const [i, option] of rule.options.entries()) {
      yield* walkRetention(option.rule, [...path, 'options', i, 'rule']);
    }
  }
}

export function retentionUses(rule: RetentionRule, kind: RetentionRule['kind']): boolean {
  for (const node of walkRetention(rule)) if (node.rule.kind === kind) return true;
  return false;
}

/**
 * Whether the rule always ends processing of a subject's data before the operator itself is liquidated.
 * `first_of` ends when any branch can end; `depends_on` only when every option can (the operator does
 * not choose the option, the subject matter does).
 */
export function retentionAlwaysEnds(rule: RetentionRule): boolean {
  switch (rule.kind) {
    case 'until_liquidation':
      return false;
    case 'first_of':
      return rule.rules.some(retentionAlwaysEnds);
    case 'depends_on':
      return rule.options.every((o) => retentionAlwaysEnds(o.rule));
    default:
      return true;
  }
}

// --- words -------------------------------------------------------------------------------------------

/** Russian plural: 1 год, 2 года, 5 лет; 21 год, 22 года, 11 лет. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const durationUnits: Record<Lang, Record<keyof Duration, (n: number) => string>> = {
  ru: {
    years: (n) => `${n} ${pluralRu(n, 'год', 'года', 'лет')}`,
    months: (n) => `${n} ${pluralRu(n, 'месяц', 'месяца', 'месяцев')}`,
    days: (n) => `${n} ${pluralRu(n, 'день', 'дня', 'дней')}`,
  },
  // Kazakh nouns stay singular after a numeral.
  kk: { years: (n) => `${n} жыл`, months: (n) => `${n} ай`, days: (n) => `${n} күн` },
  en: {
    years: (n) => `${n} ${n === 1 ? 'year' : 'years'}`,
    months: (n) => `${n} ${n === 1 ? 'month' : 'months'}`,
    days: (n) => `${n} ${n === 1 ? 'day' : 'days'}`,
  },
};

export function describeDuration(duration: Duration, lang: Lang): string {
  const parts: string[] = [];
  for (const unit of ['years', 'months', 'days'] as const) {
    const amount = duration[unit];
    if (amount !== undefined) parts.push(durationUnits[lang][unit](amount));
  }
  return parts.join(' ');
}

interface RetentionWords {
  untilLiquidation: string;
  contractPeriod: string;
  contractPeriodAndAfter: (after: string) => string;
  untilWithdrawal: string;
  untilPurposeAchieved: string;
  afterCollection: (d: string) => string;
  afterLastActivity: (d: string) => string;
  fixedDate: (date: string) => string;
  firstOf: (parts: string[]) => string;
  dependsOn: (criterion: string, parts: string[]) => string;
}

const words: Record<Lang, RetentionWords> = {
  ru: {
    untilLiquidation: 'до ликвидации оператора',
    contractPeriod: 'в течение срока действия договора',
    contractPeriodAndAfter: (d) => `в течение срока действия договора и ${d} после его окончания`,
    untilWithdrawal: 'до отзыва согласия',
    untilPurposeAchieved: 'до достижения цели обработки',
    afterCollection: (d) => `${d} с момента сбора`,
    afterLastActivity: (d) => `${d} после последней активности субъекта`,
    fixedDate: (date) => `до ${date}`,
    firstOf: (parts) => `что наступит раньше: ${parts.join('; ')}`,
    dependsOn: (criterion, parts) => `в зависимости от ${criterion}: ${parts.join('; ')}`,
  },
  kk: {
    untilLiquidation: 'оператор таратылғанға дейін',
    contractPeriod: 'шарттың қолданылу мерзімі ішінде',
    contractPeriodAndAfter: (d) => `шарттың қолданылу мерзімі ішінде және ол аяқталғаннан кейін ${d}`,
    untilWithdrawal: 'келісім кері қайтарып алынғанға дейін',
    untilPurposeAchieved: 'өңдеу мақсатына қол жеткізілгенге дейін',
    afterCollection: (d) => `жиналған сәттен бастап ${d}`,
    afterLastActivity: (d) => `субъектінің соңғы белсенділігінен кейін ${d}`,
    fixedDate: (date) => `${date} дейін`,
    firstOf: (parts) => `қайсысы бұрын болса: ${parts.join('; ')}`,
    dependsOn: (criterion, parts) => `${criterion} байланысты: ${parts.join('; ')}`,
  },
  en: {
    untilLiquidation: 'until the operator is liquidated',
    contractPeriod: 'for the term of the contract',
    contractPeriodAndAfter: (d) => `for the term of the contract and ${d} after it ends`,
    untilWithdrawal: 'until consent is withdrawn',
    untilPurposeAchieved: 'until the purpose is achieved',
    afterCollection: (d) => `${d} from collection`,
    afterLastActivity: (d) => `${d} after the subject's last activity`,
    fixedDate: (date) => `until ${date}`,
    firstOf: (parts) => `whichever comes first: ${parts.join('; ')}`,
    dependsOn: (criterion, parts) => `depending on ${criterion}: ${parts.join('; ')}`,
  },
};

/**
 * A retention rule in words, e.g. «что наступит раньше: в течение срока действия договора; до отзыва
 * согласия». A `depends_on` criterion is written to follow «в зависимости от» / «…байланысты» /
 * "depending on" (RU genitive, KK dative: «предмета договора», «шарт нысанасына», "the subject matter").
 */
export function describeRetention(rule: RetentionRule, lang: Lang): string {
  const w = words[lang];
  // A composite rule inside another composite is bracketed so the reader sees where it ends.
  const nested = (child: RetentionRule) => {
    const text = describeRetention(child, lang);
    return child.kind === 'first_of' || child.kind === 'depends_on' ? `(${text})` : text;
  };
  switch (rule.kind) {
    case 'until_liquidation':
      return w.untilLiquidation;
    case 'contract_period':
      return rule.after_end
        ? w.contractPeriodAndAfter(describeDuration(rule.after_end, lang))
        : w.contractPeriod;
    case 'until_consent_withdrawal':
      return w.untilWithdrawal;
    case 'until_purpose_achieved':
      return w.untilPurposeAchieved;
    case 'after_collection':
      return w.afterCollection(describeDuration(rule.duration, lang));
    case 'after_last_activity':
      return w.afterLastActivity(describeDuration(rule.duration, lang));
    case 'fixed_date':
      return w.fixedDate(rule.date);
    case 'first_of':
      return w.firstOf(rule.rules.map(nested));
    case 'depends_on':
      return w.dependsOn(
        localized(rule.criterion, lang),
        rule.options.map((o) => `${localized(o.label, lang)} — ${nested(o.rule)}`),
      );
  }
}
