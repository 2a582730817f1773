// The register-wide part of the diff: the policy's address, the operator, the addresses for requests, the
// names of data, categories and systems, and the sections that hold for every purpose (transfers abroad and
// to third parties, publication, cookies, other processing, deadlines, destruction). A transfer newly allowed
// widens every consent-based purpose, so it also gets one line per such purpose, marked `widens`.
import { policyWords } from '../documents/policy.words.js';
import { localized } from '../register/register.retention.js';
import type { LocalizedText, Publication, Register } from '../register/register.schema.js';
import type { ChangeArea, RegisterChange } from './policy.changes.types.js';
import {
  type ChangeInput,
  canon,
  consentBased,
  memberChanges,
  purposeWho,
  type Say,
  say,
  valueChange,
  type Who,
} from './policy.diff.lines.js';
import { type DeadlineKind, type DiffWords, diffWords, type PhraseKey } from './policy.diff.words.js';

type Section = keyof DiffWords['sections'];
const section =
  (name: Section): Who =>
  (_lang, w) =>
    w.sections[name];

const global = (area: ChangeArea, who: Section, phrase: PhraseKey): ChangeInput => ({
  purposeId: null,
  area,
  who: section(who),
  phrase,
});

/** A text the register gives in every language, from a word table. */
const worded = (pick: (w: DiffWords) => string) => say((_lang, w) => pick(w));

function operatorChanges(before: Register, after: Register): RegisterChange[] {
  const b = before.operator;
  const a = after.operator;
  const op = (phrase: PhraseKey) => global('operator', 'operator', phrase);
  const person = (p: { name: string; position?: string; email?: string } | undefined) =>
    p && [p.name, p.position, p.email].filter(Boolean).join(', ');
  return [
    ...valueChange(
      { purposeId: null, area: 'policy', who: section('policy'), phrase: 'policyUrl' },
      before.policy.url,
      after.policy.url,
    ),
    ...valueChange(op('operatorName'), b.name, a.name),
    ...valueChange(
      op('legalForm'),
      worded((w) => w.legalForm[b.legal_form]),
      worded((w) => w.legalForm[a.legal_form]),
      { before: b.legal_form, after: a.legal_form },
    ),
    ...valueChange(op('binIin'), b.bin_iin, a.bin_iin),
    ...valueChange(op('address'), b.address, a.address),
    ...valueChange(op('email'), b.email, a.email),
    ...valueChange(op('phone'), b.phone, a.phone),
    ...valueChange(op('website'), b.website, a.website),
    ...valueChange(op('responsiblePerson'), person(b.responsible_person), person(a.responsible_person), {
      before: b.responsible_person,
      after: a.responsible_person,
    }),
    ...valueChange(op('head'), person(b.head), person(a.head), { before: b.head, after: a.head }),
    ...valueChange(op('bankDetails'), b.bank_details, a.bank_details),
    ...memberChanges(op('storageCountry'), b.storage_countries, a.storage_countries, (c) => () => c),
    ...valueChange(op('jurisdiction'), b.jurisdiction, a.jurisdiction),
    ...valueChange(op('timezone'), b.timezone, a.timezone),
  ];
}

function addressChanges(before: Register, after: Register): RegisterChange[] {
  const b = before.requests;
  const a = after.requests;
  const at = (phrase: PhraseKey) => global('addresses', 'addresses', phrase);
  return [
    ...valueChange(at('privacyEmail'), b.privacy_email, a.privacy_email),
    ...valueChange(at('postalAddress'), b.postal_address, a.postal_address),
    ...valueChange(at('withdrawalSubject'), b.withdrawal_email_subject, a.withdrawal_email_subject),
  ];
}

/** Renamed data items, subject categories and systems (their membership in purposes is per purpose). */
function nameChanges(before: Register, after: Register): RegisterChange[] {
  const out: RegisterChange[] = [];
  const named = (who: Section, area: ChangeArea, name: LocalizedText): ChangeInput => ({
    purposeId: null,
    area,
    who: (lang, w) => `${w.sections[who]}, «${localized(name, lang)}»`,
    phrase: 'fieldLabel',
  });
  for (const field of after.fields) {
    const old = before.fields.find((f) => f.id === field.id);
    if (!old) continue;
    const input = named('fields', 'fields', old.labels);
    out.push(...valueChange({ ...input, phrase: 'fieldLabel' }, old.labels, field.labels));
    const category = (c: typeof field.category) => say((lang) => policyWords[lang].dataCategory[c]);
    out.push(
      ...valueChange(
        { ...input, phrase: 'fieldCategory' },
        category(old.category),
        category(field.category),
        {
          before: old.category,
          after: field.category,
        },
      ),
    );
  }
  for (const category of after.subject_categories) {
    const old = before.subject_categories.find((c) => c.id === category.id);
    if (!old) continue;
    const input = named('subjectCategories', 'subject_categories', old.labels);
    out.push(...valueChange({ ...input, phrase: 'subjectCategoryLabel' }, old.labels, category.labels));
  }
  for (const system of after.information_systems) {
    const old = before.information_systems.find((s) => s.id === system.id);
    if (!old) continue;
    const input = named('systems', 'information_systems', old.name);
    out.push(...valueChange({ ...input, phrase: 'systemName' }, old.name, system.name));
    out.push(...valueChange({ ...input, phrase: 'systemLocation' }, old.location, system.location));
  }
  return out;
}

/** The consent-based purposes of the new register: a transfer newly allowed widens each of them. */
const consentPurposes = (after: Register) => after.purposes.filter((p) => consentBased(p));

/** Whether transfer abroad is allowed, and to which countries, in words. */
const crossBorderWords = (cb: Register['cross_border']) =>
  say((_lang, w) =>
    cb.allowed ? `${w.allowed}${cb.countries.length ? ` (${cb.countries.join(', ')})` : ''}` : w.forbidden,
  );

function crossBorderChanges(before: Register, after: Register): RegisterChange[] {
  const b = before.cross_border;
  const a = after.cross_border;
  const cb = (phrase: PhraseKey) => global('cross_border', 'crossBorder', phrase);
  const out: RegisterChange[] = [];
  const newlyAllowed = !b.allowed && a.allowed;
  if (b.allowed !== a.allowed) {
    // «Политика: трансграничная передача «запрещена» → «разрешена (RU)»»: the rule of the policy as a whole.
    const input = { ...cb('crossBorder'), who: section('policy') };
    out.push(...valueChange(input, crossBorderWords(b), crossBorderWords(a), { before: b, after: a }));
  } else if (a.allowed) {
    out.push(...memberChanges(cb('crossBorderCountry'), b.countries, a.countries, (c) => () => c));
  }
  out.push(...valueChange(cb('crossBorderRule'), b.rule, a.rule));
  const newCountries = a.countries.filter((c) => !b.countries.includes(c));
  if (a.allowed && (newlyAllowed || newCountries.length > 0)) {
    for (const p of consentPurposes(after)) {
      const input = { purposeId: p.id, area: 'cross_border' as const, who: purposeWho(p), widens: true };
      out.push(
        ...(newlyAllowed
          ? valueChange({ ...input, phrase: 'crossBorder' }, crossBorderWords(b), crossBorderWords(a), {
              before: b,
              after: a,
            })
          : memberChanges(
              { ...input, phrase: 'crossBorderCountry' },
              b.countries,
              a.countries,
              (c) => () => c,
              true,
            ).filter((c) => c.kind === 'added')),
      );
    }
  }
  return out;
}

/** The grounds of transfer to third parties (seed 3.2.5): a new ground widens every consent-based purpose. */
function recipientChanges(before: Register, after: Register): RegisterChange[] {
  const text =
    (register: Register) =>
    (id: string): Say =>
    (lang) => {
      const ground = register.disclosure_grounds.find((g) => g.id === id);
      return ground ? localized(ground.text, lang) : id;
    };
  const label = (id: string, side: 'before' | 'after') => text(side === 'before' ? before : after)(id);
  const ids = (r: Register) => r.disclosure_grounds.map((g) => g.id);
  const input = global('recipients', 'recipients', 'recipient');
  const out = memberChanges(input, ids(before), ids(after), label);
  for (const ground of after.disclosure_grounds) {
    const old = before.disclosure_grounds.find((g) => g.id === ground.id);
    if (old) out.push(...valueChange(input, old.text, ground.text, { before: old, after: ground }));
  }
  const added = ids(after).filter((id) => !ids(before).includes(id));
  if (added.length > 0) {
    for (const p of consentPurposes(after)) {
      out.push(
        ...memberChanges(
          { ...input, purposeId: p.id, who: purposeWho(p) },
          ids(before),
          ids(after),
          label,
          true,
        ).filter((c) => c.kind === 'added'),
      );
    }
  }
  return out;
}

/** Data permitted for publication (seed 3.3): per its purpose; allowing more widens that purpose. */
function publicationChanges(before: Register, after: Register): RegisterChange[] {
  const ids = new Set(
    [before.publication?.purpose, after.publication?.purpose].filter((x) => x !== undefined),
  );
  const empty: Publication = { purpose: '', goals: [], channels: [], fields: [] };
  const of = (r: Register, id: string) => (r.publication?.purpose === id ? r.publication : empty);
  return [...ids].flatMap((id) => {
    const purpose = after.purposes.find((p) => p.id === id) ?? before.purposes.find((p) => p.id === id);
    if (!purpose) return [];
    const widens = consentBased(after.purposes.find((p) => p.id === id));
    const b = of(before, id);
    const a = of(after, id);
    const input = (phrase: PhraseKey): ChangeInput => ({
      purposeId: id,
      area: 'publication',
      who: purposeWho(purpose),
      phrase,
    });
    const field =
      (r: Register) =>
      (fid: string): Say =>
      (lang) => {
        const f = r.fields.find((x) => x.id === fid);
        return f ? localized(f.labels, lang) : fid;
      };
    const texts = (list: LocalizedText[]) => list.map((t) => canon(t));
    const byCanon =
      (list: LocalizedText[]) =>
      (key: string): Say =>
      (lang) =>
        localized(list.find((t) => canon(t) === key)!, lang);
    const restrictions = a.fields.flatMap((f) => {
      const old = b.fields.find((x) => x.field === f.field);
      if (!old) return [];
      const who: Who = (lang, w) => `${purposeWho(purpose)(lang, w)}, «${field(after)(f.field)(lang)}»`;
      const all = [...old.restrictions, ...f.restrictions];
      // A restriction lifted widens what may be published; one added narrows it.
      return memberChanges(
        { ...input('publicationRestriction'), who },
        texts(old.restrictions),
        texts(f.restrictions),
        byCanon(all),
      ).map((c) => ({ ...c, widens: c.kind === 'removed' && widens }));
    });
    return [
      ...memberChanges(
        input('publicationField'),
        b.fields.map((f) => f.field),
        a.fields.map((f) => f.field),
        (fid, side) => field(side === 'before' ? before : after)(fid),
        widens,
      ),
      ...restrictions,
      ...memberChanges(
        input('publicationChannel'),
        texts(b.channels),
        texts(a.channels),
        byCanon([...b.channels, ...a.channels]),
        widens,
      ),
      ...memberChanges(
        input('publicationGoal'),
        texts(b.goals),
        texts(a.goals),
        byCanon([...b.goals, ...a.goals]),
        widens,
      ),
    ];
  });
}

function cookieChanges(before: Register, after: Register): RegisterChange[] {
  const b = before.cookies?.categories ?? [];
  const a = after.cookies?.categories ?? [];
  const input = global('cookies', 'cookies', 'cookieCategory');
  const label =
    (id: string, side: 'before' | 'after'): Say =>
    (lang) => {
      const c = (side === 'before' ? b : a).find((x) => x.id === id);
      return c ? localized(c.name, lang) : id;
    };
  const out = [
    ...valueChange({ ...input, phrase: 'cookieNotice' }, before.cookies?.notice, after.cookies?.notice),
    ...memberChanges(
      input,
      b.map((c) => c.id),
      a.map((c) => c.id),
      label,
    ),
  ];
  for (const category of a) {
    const old = b.find((c) => c.id === category.id);
    if (!old) continue;
    const who: Who = (lang, w) => `${w.sections.cookies}, «${localized(old.name, lang)}»`;
    const yesNo = (v: boolean) => say((_lang, w) => (v ? w.yes : w.no));
    const purposeLabel =
      (id: string): Say =>
      (lang) => {
        const p = after.purposes.find((x) => x.id === id) ?? before.purposes.find((x) => x.id === id);
        return p ? purposeWho(p)(lang, diffWords[lang]) : id;
      };
    out.push(
      ...valueChange({ ...input, who, phrase: 'cookieCategory' }, old.name, category.name),
      ...valueChange({ ...input, who, phrase: 'cookieCategory' }, old.description, category.description),
      ...valueChange(
        { ...input, who, phrase: 'cookieNecessary' },
        yesNo(old.required),
        yesNo(category.required),
        {
          before: old.required,
          after: category.required,
        },
      ),
      ...memberChanges(
        { ...input, who, phrase: 'cookiePurpose' },
        old.purposes,
        category.purposes,
        purposeLabel,
      ),
      // The cookies the banner deletes on withdrawal and the tags it gates: a reader of the diff sees them too.
      ...memberChanges(
        { ...input, who, phrase: 'cookieItem' },
        old.cookies.map((k) => k.name ?? k.pattern!),
        category.cookies.map((k) => k.name ?? k.pattern!),
        (id) => () => id,
      ),
      ...memberChanges(
        { ...input, who, phrase: 'cookieVendor' },
        old.vendors,
        category.vendors,
        (id) => () => id,
      ),
      ...valueChange({ ...input, who, phrase: 'cookieGpc' }, yesNo(old.gpc), yesNo(category.gpc), {
        before: old.gpc,
        after: category.gpc,
      }),
    );
  }
  return out;
}

/** Other processing statements, the operator's deadlines and the methods of destruction. */
function otherChanges(before: Register, after: Register): RegisterChange[] {
  const out: RegisterChange[] = [];
  const ap = global('additional_processing', 'additionalProcessing', 'additionalProcessing');
  const apText =
    (id: string, side: 'before' | 'after'): Say =>
    (lang) => {
      const item = (side === 'before' ? before : after).additional_processing.find((x) => x.id === id);
      return item ? localized(item.text, lang) : id;
    };
  const apIds = (r: Register) => r.additional_processing.map((x) => x.id);
  out.push(...memberChanges(ap, apIds(before), apIds(after), apText));
  for (const item of after.additional_processing) {
    const old = before.additional_processing.find((x) => x.id === item.id);
    if (old) out.push(...valueChange(ap, old.text, item.text));
  }
  const kinds = [
    ...new Set([...Object.keys(before.deadlines), ...Object.keys(after.deadlines)]),
  ] as DeadlineKind[];
  for (const kind of kinds) {
    const words = (d: Register['deadlines'][DeadlineKind]) =>
      d &&
      say((lang) => `${policyWords[lang].unitDays[d.unit](d.amount)}${d.clause ? ` (${d.clause})` : ''}`);
    const who: Who = (_lang, w) => `${w.sections.deadlines}, ${w.deadlineNames[kind]}`;
    out.push(
      ...valueChange(
        { ...global('deadlines', 'deadlines', 'deadline'), who },
        words(before.deadlines[kind]),
        words(after.deadlines[kind]),
        { before: before.deadlines[kind], after: after.deadlines[kind] },
      ),
    );
  }
  for (const medium of ['electronic', 'paper'] as const) {
    const who: Who = (_lang, w) => `${w.sections.destruction}, ${w.destructionMedia[medium]}`;
    out.push(
      ...valueChange(
        { ...global('destruction', 'destruction', 'destruction'), who },
        before.destruction_methods?.[medium],
        after.destruction_methods?.[medium],
      ),
    );
  }
  return out;
}

/** Every register-wide change, and the per-purpose lines of transfers newly allowed. */
export function globalChanges(before: Register, after: Register): RegisterChange[] {
  return [
    ...operatorChanges(before, after),
    ...addressChanges(before, after),
    ...nameChanges(before, after),
    ...crossBorderChanges(before, after),
    ...recipientChanges(before, after),
    ...publicationChanges(before, after),
    ...cookieChanges(before, after),
    ...otherChanges(before, after),
  ];
}
