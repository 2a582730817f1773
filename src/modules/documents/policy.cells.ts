// The cells of the policy's purposes table (seed 3.1) worded from the register: numbered items "(1) … (2) …"
// as the published table writes them, so that a reader of the generated policy sees the same table.
import { plainDay } from '../../lib/document-dates.js';
import { basisReference, describeDuration, type Lang } from '../register/register.retention.js';
import type { Duration, LegalBasis, RetentionRule } from '../register/register.schema.js';
import { type PolicyWords, policyWords } from './policy.words.js';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "(1) a (2) b", each item capitalised (as the seed's cells are) unless told; `separator` goes between items. */
export function numbered(items: string[], separator = ' ', capitalised = true): string {
  return items.map((item, i) => `(${i + 1}) ${capitalised ? capitalise(item) : item}`).join(separator);
}

/** Several durations of one unit share it: "5, 10, 50 лет", "14, 24 месяца"; mixed units are listed whole. */
function durations(list: Duration[], lang: Lang): string {
  const units = list.map((d) => Object.keys(d).filter((k) => d[k as keyof Duration] !== undefined));
  const unit = units[0]?.[0] as keyof Duration | undefined;
  const shared = unit !== undefined && units.every((u) => u.length === 1 && u[0] === unit);
  if (!shared || list.length === 1) return list.map((d) => describeDuration(d, lang)).join(', ');
  const amounts = list.map((d) => d[unit]!);
  const last = describeDuration({ [unit]: amounts[amounts.length - 1] } as Duration, lang);
  return [...amounts.slice(0, -1).map(String), last].join(', ');
}

type Option = Extract<RetentionRule, { kind: 'depends_on' }>['options'][number];

/**
 * A choice between periods (seed row 2: "5, 10, 50 лет … (в зависимости от предмета)") is worded as one
 * item when its options are contract periods, periods after collection and liquidation; any other mix lists
 * each option by its label.
 */
function dependsOnItems(rule: Extract<RetentionRule, { kind: 'depends_on' }>, lang: Lang, w: PolicyWords) {
  const criterion = w.retention.dependsOn(rule.criterion[lang] ?? rule.criterion.ru);
  const after: Duration[] = [];
  const collected: Duration[] = [];
  let contract = false;
  let liquidation = false;
  const others: Option[] = [];
  for (const option of rule.options) {
    const r = option.rule;
    if (r.kind === 'contract_period') {
      contract = true;
      if (r.after_end) after.push(r.after_end);
    } else if (r.kind === 'after_collection') collected.push(r.duration);
    else if (r.kind === 'until_liquidation') liquidation = true;
    else others.push(option);
  }
  if (others.length > 0) {
    const each = rule.options.map(
      (o) => `${o.label[lang] ?? o.label.ru}: ${retentionItems(o.rule, lang).join(', ')}`,
    );
    return [`${each.join('; ')} ${criterion}`];
  }
  const alternatives = [
    ...(after.length > 0 ? [w.retention.afterContract(durations(after, lang))] : []),
    ...(collected.length > 0 ? [w.retention.afterCollection(durations(collected, lang))] : []),
    ...(liquidation ? [w.retention.untilLiquidation] : []),
  ];
  const head = contract ? [w.retention.contractPeriod] : [];
  if (alternatives.length === 0) return [`${head.join('')} ${criterion}`];
  return [...head, `${alternatives.join(` ${w.retention.or} `)} ${criterion}`];
}

/** The periods of a retention rule as the items of the table's «Сроки обработки» cell. */
export function retentionItems(rule: RetentionRule, lang: Lang): string[] {
  const w = policyWords[lang];
  switch (rule.kind) {
    case 'until_liquidation':
      return [w.retention.untilLiquidation];
    case 'contract_period':
      return rule.after_end
        ? [w.retention.contractPeriod, w.retention.afterContract(describeDuration(rule.after_end, lang))]
        : [w.retention.contractPeriod];
    case 'until_consent_withdrawal':
      return [w.retention.untilWithdrawal];
    case 'until_purpose_achieved':
      return [w.retention.untilPurposeAchieved];
    case 'after_collection':
      return [w.retention.afterCollection(describeDuration(rule.duration, lang))];
    case 'after_last_activity':
      return [w.retention.afterLastActivity(describeDuration(rule.duration, lang))];
    case 'fixed_date':
      return [w.retention.untilDate(plainDay(rule.date))];
    case 'first_of':
      return [...new Set(rule.rules.flatMap((r) => retentionItems(r, lang)))];
    case 'depends_on':
      return dependsOnItems(rule, lang, w);
  }
}

/** A legal basis in the document's language; `missing` is called when only the Russian wording exists. */
export function basisText(basis: LegalBasis, lang: Lang, missing: () => void): string {
  if (lang !== 'ru' && !basis.translations?.[lang]) missing();
  return basisReference(basis, lang);
}
