// Everything a consent form says that varies from operator to operator, taken from the register into one typed
// view per form and language: the operator, the purpose (or the data permitted for publication), the data, the
// terms, transfers and how to withdraw — what KZ Art. 8 asks a consent to name. The templates in
// templates/consent-form/ hold the fixed prose and may name only what is here (consentFormViewShape).
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import type { Lang } from '../register/register.retention.js';
import type { Purpose, Register } from '../register/register.schema.js';
import { basisText, numbered, retentionItems } from './policy.cells.js';
import {
  fieldOf,
  missingPaths,
  operatorView,
  operatorViewShape,
  type PolicyView,
  publicationView,
  rightsView,
  type ViewContext,
  viewContext,
} from './policy.view.js';
import { policyWords } from './policy.words.js';
import type { ShapeOf } from './template.js';

export interface ConsentFormView {
  lang: Lang;
  version: string;
  url: string | null;
  /** The law the consent is given under, as the jurisdiction profile names it. */
  law: string;
  operator: PolicyView['operator'];
  /** The form of a consent-based purpose; null in the publication form. */
  purpose: {
    /** The purpose's row in the policy's table; null for a purpose the table does not number. */
    number: string | null;
    title: string;
    subjects: string;
    data: { label: string }[];
    legal_basis: string;
    processing: string;
    retention: string;
  } | null;
  /** The separate form for data permitted for publication; null in a purpose's form. */
  publication: {
    goals: string;
    channels: string;
    fields: { label: string; restrictions: string }[];
    retention: string;
  } | null;
  /** The cases in which data is disclosed to third parties (the register's disclosure grounds). */
  third_parties: { text: string }[];
  cross_border: { allowed: boolean; rule: string; countries: string | null };
  rights: PolicyView['rights'];
  missing_translations: { path: string }[];
  has_missing_translations: boolean;
}

/** The view's shape for the template check: the compiler keeps it equal to ConsentFormView's keys. */
export const consentFormViewShape: ShapeOf<ConsentFormView> = {
  lang: 'value',
  version: 'value',
  url: 'value',
  law: 'value',
  operator: operatorViewShape,
  purpose: {
    number: 'value',
    title: 'value',
    subjects: 'value',
    data: [{ label: 'value' }],
    legal_basis: 'value',
    processing: 'value',
    retention: 'value',
  },
  publication: {
    goals: 'value',
    channels: 'value',
    fields: [{ label: 'value', restrictions: 'value' }],
    retention: 'value',
  },
  third_parties: [{ text: 'value' }],
  cross_border: { allowed: 'value', rule: 'value', countries: 'value' },
  rights: {
    postal_address: 'value',
    privacy_email: 'value',
    withdrawal_subject: 'value',
    withdrawal_deadline: 'value',
  },
  missing_translations: [{ path: 'value' }],
  has_missing_translations: 'value',
};

/** Purposes that take a consent form: those with a consent basis, in the register's order. */
export const consentPurposes = (register: Register): Purpose[] =>
  register.purposes.filter((p) => p.legal_bases.some((b) => b.type === 'consent'));

function purposePart(p: Purpose, ctx: ViewContext): ConsentFormView['purpose'] {
  const { register, lang, t } = ctx;
  const basisIndex = p.legal_bases.findIndex((b) => b.type === 'consent');
  const subject = (id: string) => register.subject_categories.find((s) => s.id === id)!;
  return {
    number: p.number !== undefined ? String(p.number) : null,
    title: t(p.title, `purposes.${p.id}.title`),
    subjects: p.subject_categories
      .map((id) => t(subject(id).labels, `subject_categories.${id}.labels`))
      .join(' / '),
    data: p.fields.map((id) => ({ label: t(fieldOf(register, id).labels, `fields.${id}.labels`) })),
    legal_basis: basisText(p.legal_bases[basisIndex]!, lang, () =>
      ctx.missing.push({ path: `purposes.${p.id}.legal_bases.${basisIndex}.translations.${lang}` }),
    ),
    processing: policyWords[lang].processing[p.processing],
    retention: numbered(retentionItems(p.retention, lang)),
  };
}

function publicationPart(ctx: ViewContext): ConsentFormView['publication'] {
  const published = publicationView(ctx);
  const publication = ctx.register.publication;
  if (!published || !publication) return null;
  const purpose = ctx.register.purposes.find((p) => p.id === publication.purpose)!;
  return {
    goals: published.goals,
    channels: published.channels,
    fields: published.fields,
    retention: numbered(retentionItems(purpose.retention, ctx.lang)),
  };
}

/** The view of one form: a consent-based purpose's (`purpose` given) or the publication form (`null`). */
export function buildConsentFormView(
  register: Register,
  profile: JurisdictionProfile,
  lang: Lang,
  purpose: Purpose | null,
): ConsentFormView {
  const ctx = viewContext(register, lang);
  const { t } = ctx;
  const view: ConsentFormView = {
    lang,
    version: register.policy.version,
    url: register.policy.url ?? null,
    law: t(profile.law, `profiles/${profile.code.toLowerCase()}.yaml: law`),
    operator: operatorView(ctx),
    purpose: purpose ? purposePart(purpose, ctx) : null,
    publication: purpose ? null : publicationPart(ctx),
    third_parties: register.disclosure_grounds.map((g) => ({
      text: t(g.text, `disclosure_grounds.${g.id}.text`),
    })),
    cross_border: {
      allowed: register.cross_border.allowed,
      rule: t(register.cross_border.rule, 'cross_border.rule'),
      countries:
        register.cross_border.countries.length > 0 ? register.cross_border.countries.join(', ') : null,
    },
    rights: rightsView(ctx, profile),
    missing_translations: [],
    has_missing_translations: false,
  };
  view.missing_translations = missingPaths(ctx.missing);
  view.has_missing_translations = view.missing_translations.length > 0;
  return view;
}
