// The building blocks of the diff's lines: saying a line in the three languages, comparing register values,
// one value's change, a list's added and removed members, and who a line is about.
import { type Lang, langs, localized } from '../register/register.retention.js';
import type { LocalizedText, Purpose } from '../register/register.schema.js';
import type { ChangeArea, ChangeText, RegisterChange } from './policy.changes.types.js';
import {
  addedLine,
  changedLine,
  type DiffWords,
  diffWords,
  type PhraseKey,
  removedLine,
} from './policy.diff.words.js';

/** Who a line is about, in a language: a purpose («Цель 8») or a section («Оператор»). */
export type Who = (lang: Lang, w: DiffWords) => string;
/** A register value in a language. */
export type Say = (lang: Lang) => string;

export function say(line: (lang: Lang, w: DiffWords) => string): ChangeText {
  const [ru, kk, en] = langs.map((lang) => line(lang, diffWords[lang]));
  return { ru: ru!, kk: kk!, en: en! };
}

/** The same JSON whatever the order of an object's keys: how two register values are compared. */
export function canon(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    ) ?? 'undefined'
  );
}

/** A text of the register, a plain string, or nothing, in a language ('—' for nothing). */
export function textOf(value: string | LocalizedText | undefined | null, lang: Lang): string {
  if (value === undefined || value === null) return diffWords[lang].none;
  return typeof value === 'string' ? value : localized(value, lang);
}

export interface ChangeInput {
  purposeId: string | null;
  area: ChangeArea;
  who: Who;
  phrase: PhraseKey;
  widens?: boolean;
}

/** One value that may have changed: «<who>: <phrase> «before» → «after»». */
export function valueChange(
  input: ChangeInput,
  before: string | LocalizedText | undefined | null,
  after: string | LocalizedText | undefined | null,
  raw: { before?: unknown; after?: unknown } = { before, after },
): RegisterChange[] {
  if (canon(raw.before) === canon(raw.after)) return [];
  const kind = raw.before === undefined ? 'added' : raw.after === undefined ? 'removed' : 'changed';
  return [
    {
      purposeId: input.purposeId,
      area: input.area,
      kind,
      widens: input.widens ?? false,
      text: say((lang, w) =>
        changedLine(input.who(lang, w), w.phrases[input.phrase], textOf(before, lang), textOf(after, lang)),
      ),
      before: raw.before,
      after: raw.after,
    },
  ];
}

/** Members of a list added and removed, each on its own line: «<who>: <phrase.added> «label»». */
export function memberChanges(
  input: ChangeInput,
  before: readonly string[],
  after: readonly string[],
  label: (id: string, side: 'before' | 'after') => Say,
  widensAdded = false,
): RegisterChange[] {
  const out: RegisterChange[] = [];
  const line = (id: string, kind: 'added' | 'removed') => {
    const side = kind === 'added' ? 'after' : 'before';
    out.push({
      purposeId: input.purposeId,
      area: input.area,
      kind,
      widens: kind === 'added' && widensAdded,
      text: say((lang, w) =>
        (kind === 'added' ? addedLine : removedLine)(
          input.who(lang, w),
          w.phrases[input.phrase],
          label(id, side)(lang),
        ),
      ),
      [side]: id,
    });
  };
  for (const id of after) if (!before.includes(id)) line(id, 'added');
  for (const id of before) if (!after.includes(id)) line(id, 'removed');
  return out;
}

/** A purpose whose processing rests on the subject's consent (for processing or for publication). */
export function consentBased(purpose: Purpose | undefined): boolean {
  return purpose?.legal_bases.some((b) => b.type === 'consent' || b.type === 'publication_consent') ?? false;
}

export const purposeWho =
  (purpose: Purpose): Who =>
  (lang, w) =>
    w.purposeRef(purpose.number, localized(purpose.title, lang));
