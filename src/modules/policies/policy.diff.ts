// What changed between two registers (two published policy versions), in words a person reads, RU/KK/EN:
// «Цель 8: в перечень данных добавлено «Номер контактного телефона»», «Цель 7: срок хранения «…» → «…»».
// Pure: two registers in, the changes out — the operator first, then the purposes in the order the policy's
// table numbers them, then the sections that hold for the whole register (transfers, cookies, deadlines).
// A change marked `widens` widens what the subjects of a consent-based purpose agreed to (see RegisterChange).
import { policyWords } from '../documents/policy.words.js';
import { basisReference, describeRetention, langs, localized } from '../register/register.retention.js';
import type { Purpose, Register } from '../register/register.schema.js';
import type { ChangeArea, RegisterChange } from './policy.changes.types.js';
import { globalChanges } from './policy.diff.global.js';
import {
  canon,
  consentBased,
  memberChanges,
  purposeWho,
  type Say,
  say,
  valueChange,
  type Who,
} from './policy.diff.lines.js';
import { retentionLonger } from './policy.diff.retention.js';
import { addedLine, removedLine } from './policy.diff.words.js';

const fieldLabel =
  (register: Register) =>
  (id: string): Say =>
  (lang) => {
    const field = register.fields.find((f) => f.id === id);
    return field ? localized(field.labels, lang) : id;
  };

const categoryLabel =
  (register: Register) =>
  (id: string): Say =>
  (lang) => {
    const category = register.subject_categories.find((c) => c.id === id);
    return category ? localized(category.labels, lang) : id;
  };

const systemLabel =
  (register: Register) =>
  (id: string): Say =>
  (lang) => {
    const system = register.information_systems.find((s) => s.id === id);
    return system ? localized(system.name, lang) : id;
  };

/** «Цель 7: вид обработки «Смешанная» → «Автоматизированная»»; widening when a kind is new. */
function processingChange(id: string, who: Who, before: Purpose, after: Purpose): RegisterChange[] {
  const kinds = { automated: ['automated'], manual: ['manual'], mixed: ['automated', 'manual'] };
  const newKind = kinds[after.processing].some((k) => !kinds[before.processing].includes(k));
  const input = { purposeId: id, area: 'processing' as const, who, phrase: 'processing' as const };
  return valueChange(
    { ...input, widens: newKind && consentBased(after) },
    {
      ru: policyWords.ru.processing[before.processing],
      kk: policyWords.kk.processing[before.processing],
      en: policyWords.en.processing[before.processing],
    },
    {
      ru: policyWords.ru.processing[after.processing],
      kk: policyWords.kk.processing[after.processing],
      en: policyWords.en.processing[after.processing],
    },
    { before: before.processing, after: after.processing },
  );
}

/** The retention rule in words; for two choices of the same options, each changed option on its own line. */
function retentionChange(id: string, who: Who, before: Purpose, after: Purpose): RegisterChange[] {
  const widens = consentBased(after) && retentionLonger(before.retention, after.retention);
  const input = { purposeId: id, area: 'retention' as const, who, phrase: 'retention' as const, widens };
  const b = before.retention;
  const a = after.retention;
  const sameOptions =
    b.kind === 'depends_on' &&
    a.kind === 'depends_on' &&
    canon(b.criterion) === canon(a.criterion) &&
    canon(b.options.map((o) => [o.id, o.label])) === canon(a.options.map((o) => [o.id, o.label]));
  if (!sameOptions) {
    const words = (rule: typeof b) => {
      const [ru, kk, en] = langs.map((lang) => describeRetention(rule, lang));
      return { ru: ru!, kk, en };
    };
    return valueChange(input, words(b), words(a), { before: b, after: a });
  }
  return b.options.flatMap((option, i) => {
    const next = a.options[i]!;
    const optionWho: Who = (lang, w) => `${who(lang, w)} (${localized(option.label, lang)})`;
    const [ru, kk, en] = langs.map((lang) => describeRetention(option.rule, lang));
    const [ru2, kk2, en2] = langs.map((lang) => describeRetention(next.rule, lang));
    return valueChange(
      { ...input, who: optionWho, widens: consentBased(after) && retentionLonger(option.rule, next.rule) },
      { ru: ru!, kk, en },
      { ru: ru2!, kk: kk2, en: en2 },
      { before: option.rule, after: next.rule },
    );
  });
}

/** Legal bases by type: one added, one removed, or its wording changed. */
function basisChanges(id: string, who: Who, before: Purpose, after: Purpose): RegisterChange[] {
  const input = { purposeId: id, area: 'legal_basis' as const, who, phrase: 'legalBasis' as const };
  const types = [...new Set([...before.legal_bases, ...after.legal_bases].map((b) => b.type))];
  return types.flatMap((type) => {
    const b = before.legal_bases.find((x) => x.type === type);
    const a = after.legal_bases.find((x) => x.type === type);
    const words = (basis: typeof b) =>
      basis && {
        ru: basisReference(basis, 'ru'),
        kk: basisReference(basis, 'kk'),
        en: basisReference(basis, 'en'),
      };
    if (b && a) return valueChange(input, words(b), words(a), { before: b, after: a });
    const basis = (a ?? b)!;
    return [
      {
        purposeId: id,
        area: 'legal_basis' as const,
        kind: a ? ('added' as const) : ('removed' as const),
        widens: false,
        text: say((lang, w) =>
          (a ? addedLine : removedLine)(who(lang, w), w.phrases.legalBasis, basisReference(basis, lang)),
        ),
        ...(a ? { after: a } : { before: b }),
      },
    ];
  });
}

/** Everything that changed in one purpose present in both registers. */
function purposeEdits(registers: { before: Register; after: Register }, before: Purpose, after: Purpose) {
  const id = after.id;
  const who = purposeWho(after);
  const widens = consentBased(after);
  const labelBy = (make: (r: Register) => (x: string) => Say) => (x: string, side: 'before' | 'after') =>
    make(registers[side])(x);
  return [
    ...valueChange(
      { purposeId: id, area: 'purpose', who, phrase: 'number' },
      before.number === undefined ? undefined : String(before.number),
      after.number === undefined ? undefined : String(after.number),
    ),
    ...valueChange({ purposeId: id, area: 'title', who, phrase: 'title' }, before.title, after.title),
    ...basisChanges(id, who, before, after),
    ...memberChanges(
      { purposeId: id, area: 'subject_category', who, phrase: 'subjectCategory' },
      before.subject_categories,
      after.subject_categories,
      labelBy(categoryLabel),
    ),
    ...memberChanges(
      { purposeId: id, area: 'data_list', who, phrase: 'dataList' },
      before.fields,
      after.fields,
      labelBy(fieldLabel),
      widens,
    ),
    ...retentionChange(id, who, before, after),
    ...processingChange(id, who, before, after),
    ...memberChanges(
      { purposeId: id, area: 'systems', who, phrase: 'system' },
      before.information_systems,
      after.information_systems,
      labelBy(systemLabel),
    ),
    ...valueChange(
      { purposeId: id, area: 'retention', who, phrase: 'onRetentionEnd' },
      say((_lang, w) => w[before.on_retention_end]),
      say((_lang, w) => w[after.on_retention_end]),
      { before: before.on_retention_end, after: after.on_retention_end },
    ),
  ];
}

function purposeChanges(registers: { before: Register; after: Register }): RegisterChange[] {
  const { before, after } = registers;
  const out: RegisterChange[] = [];
  for (const p of after.purposes) {
    const old = before.purposes.find((x) => x.id === p.id);
    if (old) {
      out.push(...purposeEdits(registers, old, p));
      continue;
    }
    const who = purposeWho(p);
    out.push({
      purposeId: p.id,
      area: 'purpose',
      kind: 'added',
      widens: false,
      text: say((lang, w) => w.purposeAdded(who(lang, w), localized(p.title, lang))),
      after: p,
    });
  }
  for (const p of before.purposes) {
    if (after.purposes.some((x) => x.id === p.id)) continue;
    const who = purposeWho(p);
    out.push({
      purposeId: p.id,
      area: 'purpose',
      kind: 'removed',
      widens: false,
      text: say((lang, w) => w.purposeRemoved(who(lang, w), localized(p.title, lang))),
      before: p,
    });
  }
  return out;
}

/**
 * The order a person reads: the policy's head (its address, the operator, the addresses for requests), then
 * each purpose as the table numbers them (unnumbered ones after, in register order; removed ones by their old
 * number), then the register-wide sections. Lines of one purpose keep the order they were found in.
 */
function ordered(changes: RegisterChange[], before: Register, after: Register): RegisterChange[] {
  const purposes = [
    ...after.purposes,
    ...before.purposes.filter((p) => !after.purposes.some((a) => a.id === p.id)),
  ];
  const rank = (id: string) => {
    const i = purposes.findIndex((p) => p.id === id);
    const number = purposes[i]?.number;
    return number !== undefined ? number : 1_000_000 + i;
  };
  const head = new Set<ChangeArea>(['policy', 'operator', 'addresses']);
  const key = (c: RegisterChange) =>
    c.purposeId !== null ? 1 + rank(c.purposeId) : head.has(c.area) ? 0 : Number.MAX_SAFE_INTEGER;
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => key(a.change) - key(b.change) || a.index - b.index)
    .map((x) => x.change);
}

/** What changed from `before` to `after`; [] when nothing a person would read changed. */
export function diffRegisters(before: Register, after: Register): RegisterChange[] {
  const changes = [...purposeChanges({ before, after }), ...globalChanges(before, after)];
  return ordered(changes, before, after);
}

/** The consent-based purposes some change widens. */
export function widenedPurposes(changes: RegisterChange[]): string[] {
  return [...new Set(changes.filter((c) => c.widens && c.purposeId !== null).map((c) => c.purposeId!))];
}
