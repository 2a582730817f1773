// Everything in the privacy policy that varies from operator to operator, taken from the register (and the
// law's name from the jurisdiction profile) into one typed view per language. The templates in
// templates/policy/ hold the fixed prose and may name only what is here (policyViewShape).

import { plainDay } from '../../lib/document-dates.js';
import { lifetimeText, readablePattern } from '../cookies/cookie.texts.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import type { Lang } from '../register/register.retention.js';
import type { LocalizedText, Purpose, Register } from '../register/register.schema.js';
import { basisText, numbered, retentionItems } from './policy.cells.js';
import { policyWords } from './policy.words.js';
import type { ShapeOf } from './template.js';

export interface PolicyPurposeRow {
  number: string;
  title: string;
  subjects: string;
  data_category: string;
  data_list: string;
  retention: string;
  processing: string;
  legal_bases: string;
}

export interface PolicyCookieCategory {
  label: string;
  description: string | null;
  /** Strictly necessary cookies are set without consent; the others only with it. */
  needs_consent: string;
  purposes: string;
  /** How long the category's data is kept: the retention of the purposes it serves. */
  lifetime: string;
}

export interface PolicyCookie {
  category: string;
  /** The exact name, or the pattern of names. */
  name: string;
  provider: string;
  lifetime: string;
  description: string;
}

export interface PolicyView {
  lang: Lang;
  version: string;
  published_at: string | null;
  url: string | null;
  /** The law the policy is made under, named as the jurisdiction profile names it. */
  law: string;
  country: string;
  operator: {
    name: string;
    id_label: string;
    bin_iin: string;
    address: string;
    email: string;
    phone: string | null;
    website: string | null;
    bank_details: string | null;
    responsible_person: string;
    responsible_email: string;
  };
  no_biometrics: boolean;
  purposes: PolicyPurposeRow[];
  /** Processing the table does not show (seed 3.1.3); null when there is none. */
  additional_processing: { items: { text: string }[] } | null;
  disclosure_grounds: { number: number; text: string }[];
  cross_border: { allowed: boolean; rule: string; countries: string | null };
  publication: {
    purpose: string;
    goals: string;
    channels: string;
    fields: { label: string; restrictions: string }[];
  } | null;
  rights: {
    postal_address: string | null;
    privacy_email: string;
    withdrawal_subject: string | null;
    withdrawal_deadline: string;
  };
  destruction: { electronic: string | null; paper: string | null };
  cookies: {
    notice: string | null;
    categories: PolicyCookieCategory[];
    /** Every cookie the categories list (section 5.2), the banner's own list; empty when none is named. */
    list: PolicyCookie[];
    has_list: boolean;
  } | null;
  /** Register texts with no translation into the document's language, given in Russian (RU is required). */
  missing_translations: { path: string }[];
  has_missing_translations: boolean;
}

/** The operator's fields as templates see them (the policy and the consent forms share them). */
export const operatorViewShape = {
  name: 'value',
  id_label: 'value',
  bin_iin: 'value',
  address: 'value',
  email: 'value',
  phone: 'value',
  website: 'value',
  bank_details: 'value',
  responsible_person: 'value',
  responsible_email: 'value',
} as const;

/** The view's shape for the template check: the compiler keeps it equal to PolicyView's keys. */
export const policyViewShape: ShapeOf<PolicyView> = {
  lang: 'value',
  version: 'value',
  published_at: 'value',
  url: 'value',
  law: 'value',
  country: 'value',
  operator: operatorViewShape,
  no_biometrics: 'value',
  purposes: [
    {
      number: 'value',
      title: 'value',
      subjects: 'value',
      data_category: 'value',
      data_list: 'value',
      retention: 'value',
      processing: 'value',
      legal_bases: 'value',
    },
  ],
  additional_processing: { items: [{ text: 'value' }] },
  disclosure_grounds: [{ number: 'value', text: 'value' }],
  cross_border: { allowed: 'value', rule: 'value', countries: 'value' },
  publication: {
    purpose: 'value',
    goals: 'value',
    channels: 'value',
    fields: [{ label: 'value', restrictions: 'value' }],
  },
  rights: {
    postal_address: 'value',
    privacy_email: 'value',
    withdrawal_subject: 'value',
    withdrawal_deadline: 'value',
  },
  destruction: { electronic: 'value', paper: 'value' },
  cookies: {
    notice: 'value',
    categories: [
      {
        label: 'value',
        description: 'value',
        needs_consent: 'value',
        purposes: 'value',
        lifetime: 'value',
      },
    ],
    list: [{ category: 'value', name: 'value', provider: 'value', lifetime: 'value', description: 'value' }],
    has_list: 'value',
  },
  missing_translations: [{ path: 'value' }],
  has_missing_translations: 'value',
};

/**
 * Purposes in the table: the numbered ones in their order, then any unnumbered purpose that no free-standing
 * statement (seed 3.1.3) describes, so that no purpose of the register is left out of the policy.
 */
function tablePurposes(register: Register): Purpose[] {
  const described = new Set(register.additional_processing.flatMap((a) => a.purposes));
  const numbered = register.purposes
    .filter((p) => p.number !== undefined)
    .sort((a, b) => a.number! - b.number!);
  const rest = register.purposes.filter((p) => p.number === undefined && !described.has(p.id));
  return [...numbered, ...rest];
}

/** What the parts of the view need: the register, the language and the translation recorder. */
export interface ViewContext {
  register: Register;
  lang: Lang;
  /** The text in the view's language, or the Russian one with its register path listed as missing. */
  t: (text: LocalizedText, path: string) => string;
  missing: { path: string }[];
}

export const fieldOf = (register: Register, id: string) => register.fields.find((f) => f.id === id)!;

export function purposeNumber(register: Register, id: string): string {
  const p = register.purposes.find((x) => x.id === id);
  return p?.number !== undefined ? String(p.number) : '—';
}

export function purposeRow(p: Purpose, { register, lang, t, missing }: ViewContext): PolicyPurposeRow {
  const w = policyWords[lang];
  const categories = [...new Set(p.fields.map((id) => fieldOf(register, id).category))];
  const subject = (id: string) => register.subject_categories.find((s) => s.id === id)!;
  return {
    number: purposeNumber(register, p.id),
    title: t(p.title, `purposes.${p.id}.title`),
    subjects: p.subject_categories
      .map((id) => t(subject(id).labels, `subject_categories.${id}.labels`))
      .join(' / '),
    data_category: categories.map((c) => w.dataCategory[c]).join('; '),
    data_list: numbered(
      p.fields.map((id) => t(fieldOf(register, id).labels, `fields.${id}.labels`)),
      '; ',
    ),
    retention: numbered(retentionItems(p.retention, lang)),
    processing: w.processing[p.processing],
    legal_bases: numbered(
      p.legal_bases.map((b, i) =>
        basisText(b, lang, () =>
          missing.push({ path: `purposes.${p.id}.legal_bases.${i}.translations.${lang}` }),
        ),
      ),
    ),
  };
}

export function publicationView({ register, lang, t }: ViewContext): PolicyView['publication'] {
  const publication = register.publication;
  if (!publication) return null;
  return {
    purpose: purposeNumber(register, publication.purpose),
    goals: numbered(
      publication.goals.map((g, i) => t(g, `publication.goals.${i}`)),
      '; ',
      false,
    ),
    channels: publication.channels.map((c, i) => t(c, `publication.channels.${i}`)).join('; '),
    fields: publication.fields.map((f) => ({
      label: t(fieldOf(register, f.field).labels, `fields.${f.field}.labels`),
      restrictions:
        f.restrictions.length === 0
          ? policyWords[lang].noRestrictions
          : f.restrictions.map((r, i) => t(r, `publication.fields.${f.field}.restrictions.${i}`)).join('; '),
    })),
  };
}

function cookiesView({ register, lang, t }: ViewContext): PolicyView['cookies'] {
  const cookies = register.cookies;
  if (!cookies) return null;
  const w = policyWords[lang];
  const list: PolicyCookie[] = cookies.categories.flatMap((c) =>
    c.cookies.map((k, i) => ({
      category: t(c.name, `cookies.categories.${c.id}.name`),
      name: k.name ?? readablePattern(k.pattern!),
      provider: k.provider,
      lifetime: lifetimeText(k.lifetime, lang),
      description: t(k.description, `cookies.categories.${c.id}.cookies.${i}.description`),
    })),
  );
  return {
    notice: cookies.notice ? t(cookies.notice, 'cookies.notice') : null,
    categories: cookies.categories.map((c) => {
      const served = c.purposes.map((id) => register.purposes.find((p) => p.id === id)!);
      return {
        label: t(c.name, `cookies.categories.${c.id}.name`),
        description: t(c.description, `cookies.categories.${c.id}.description`),
        needs_consent: c.required ? w.no : w.yes,
        purposes: served.map((p) => purposeNumber(register, p.id)).join(', ') || '—',
        lifetime:
          served
            .map(
              (p) =>
                `${w.purposeRef(purposeNumber(register, p.id))}: ${numbered(retentionItems(p.retention, lang))}`,
            )
            .join('; ') || '—',
      };
    }),
    list,
    has_list: list.length > 0,
  };
}

export function operatorView({ register, lang, t }: ViewContext): PolicyView['operator'] {
  const { operator } = register;
  const bank = operator.bank_details;
  return {
    name: t(operator.name, 'operator.name'),
    id_label: policyWords[lang].idLabel[operator.legal_form],
    bin_iin: operator.bin_iin,
    address: t(operator.address, 'operator.address'),
    email: operator.email,
    phone: operator.phone ?? null,
    website: operator.website ?? null,
    bank_details:
      bank === undefined ? null : typeof bank === 'string' ? bank : t(bank, 'operator.bank_details'),
    responsible_person: operator.responsible_person.name,
    responsible_email: operator.responsible_person.email,
  };
}

export function rightsView(ctx: ViewContext, profile: JurisdictionProfile): PolicyView['rights'] {
  const { register, lang, t } = ctx;
  // The operator's own deadline governs where the register states one (it may only be shorter than the law's).
  const withdrawal = register.deadlines.consent_withdrawal ?? profile.deadlines.consent_withdrawal!;
  const subjectLine = register.requests.withdrawal_email_subject;
  return {
    postal_address: register.requests.postal_address
      ? t(register.requests.postal_address, 'requests.postal_address')
      : null,
    privacy_email: register.requests.privacy_email ?? register.operator.email,
    withdrawal_subject:
      subjectLine === undefined
        ? null
        : typeof subjectLine === 'string'
          ? subjectLine
          : t(subjectLine, 'requests.withdrawal_email_subject'),
    withdrawal_deadline: policyWords[lang].unitDays[withdrawal.unit](withdrawal.amount),
  };
}

/** A context whose `t` gives the text in `lang`, or the Russian one with its register path listed as missing. */
export function viewContext(register: Register, lang: Lang): ViewContext {
  const missing: { path: string }[] = [];
  const t = (text: LocalizedText, path: string): string => {
    const value = text[lang];
    if (value !== undefined) return value;
    missing.push({ path });
    return text.ru;
  };
  return { register, lang, t, missing };
}

/** The missing translations a context recorded, one entry per register text. */
export const missingPaths = (missing: { path: string }[]) =>
  [...new Set(missing.map((m) => m.path))].map((path) => ({ path }));

/** The policy's view in one language; texts missing in that language are given in Russian and listed. */
export function buildPolicyView(register: Register, profile: JurisdictionProfile, lang: Lang): PolicyView {
  const ctx = viewContext(register, lang);
  const { t, missing } = ctx;
  const profileFile = `profiles/${profile.code.toLowerCase()}.yaml`;
  const methods = register.destruction_methods;
  const view: PolicyView = {
    lang,
    version: register.policy.version,
    published_at: register.policy.published_at ? plainDay(register.policy.published_at) : null,
    url: register.policy.url ?? null,
    law: t(profile.law, `${profileFile}: law`),
    country: t(profile.name, `${profileFile}: name`),
    operator: operatorView(ctx),
    no_biometrics: !register.processes_biometrics,
    purposes: tablePurposes(register).map((p) => purposeRow(p, ctx)),
    additional_processing:
      register.additional_processing.length === 0
        ? null
        : {
            items: register.additional_processing.map((a) => ({
              text: t(a.text, `additional_processing.${a.id}.text`),
            })),
          },
    disclosure_grounds: register.disclosure_grounds.map((g, i) => ({
      number: i + 1,
      text: t(g.text, `disclosure_grounds.${g.id}.text`),
    })),
    cross_border: {
      allowed: register.cross_border.allowed,
      rule: t(register.cross_border.rule, 'cross_border.rule'),
      countries:
        register.cross_border.countries.length > 0 ? register.cross_border.countries.join(', ') : null,
    },
    publication: publicationView(ctx),
    rights: rightsView(ctx, profile),
    destruction: {
      electronic: methods ? t(methods.electronic, 'destruction_methods.electronic') : null,
      paper: methods?.paper ? t(methods.paper, 'destruction_methods.paper') : null,
    },
    cookies: cookiesView(ctx),
    missing_translations: [],
    has_missing_translations: false,
  };
  // One entry per register text, however many times the document quotes it.
  view.missing_translations = missingPaths(missing);
  view.has_missing_translations = view.missing_translations.length > 0;
  return view;
}

/**
 * Every purpose of the register as a table row (the internal papers list all of them, numbered ones first),
 * worded as the policy's table words them; a text missing in `lang` is given in Russian.
 */
export function purposeRows(register: Register, lang: Lang): PolicyPurposeRow[] {
  const t = (text: LocalizedText) => text[lang] ?? text.ru;
  const ctx: ViewContext = { register, lang, t, missing: [] };
  const numbered = register.purposes
    .filter((p) => p.number !== undefined)
    .sort((a, b) => a.number! - b.number!);
  const rest = register.purposes.filter((p) => p.number === undefined);
  return [...numbered, ...rest].map((p) => purposeRow(p, ctx));
}
