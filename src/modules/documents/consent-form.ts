// Consent forms generated from the register: one per consent-based purpose and the separate
// form for data permitted for publication, in Russian, Kazakh and English. Fixed prose comes from
// templates/consent-form/<lang>.mustache (the operator's lawyer edits those), the rest from the register through
// the typed view (consent-form.view.ts). The plain text is what the subject reads and what a grant's hash is
// taken of; the HTML page shows the same blocks. Pure: register and profile in, forms out.

import { join } from 'node:path';
import { sha256Hex } from '../../lib/crypto.js';
import { fromPackageRoot } from '../../lib/paths.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import type { Lang } from '../register/register.retention.js';
import type { Purpose, Register } from '../register/register.schema.js';
import { type Block, parseBlocks, plainText } from './blocks.js';
import { buildConsentFormView, consentFormViewShape, consentPurposes } from './consent-form.view.js';
import { documentHtmlPage } from './document-html.js';
import { loadTemplate, renderTemplate } from './template.js';

export const defaultConsentFormTemplates = fromPackageRoot('templates', 'consent-form');

/** The form id of the separate consent for data permitted for publication. */
export const PUBLICATION_FORM_ID = 'publication';

export interface ConsentForm {
  /** Stable across versions: the purpose id, or 'publication'. */
  formId: string;
  /** The purpose a grant under this form names (the publication purpose for the publication form). */
  purposeId: string | null;
  kind: 'purpose' | 'publication';
  lang: Lang;
  /** What the subject reads and what is hashed. */
  text: string;
  html: string;
  /** SHA-256 of the UTF-8 text, hex. */
  sha256: string;
}

/** Where the forms of each published version come from (the policy versions' stored forms at run time). */
export interface ConsentFormSource {
  /** Published version ids, oldest first. */
  versions(): Promise<string[]>;
  /** The forms of a version in a language; null for an unknown version. */
  forms(version: string, lang: Lang): Promise<ConsentForm[] | null>;
}

export interface ConsentFormRenderOptions {
  /** A folder with <lang>.mustache files; the shipped templates/consent-form by default. */
  templatesDir?: string;
}

const tocTitle: Record<Lang, string> = { ru: 'Содержание', kk: 'Мазмұны', en: 'Contents' };

/** The plain text of blocks: one paragraph per block, list items on their own lines, table cells by « | ». */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'list')
        return b.items.map((item, i) => `${b.ordered ? `${i + 1})` : '–'} ${plainText(item)}`).join('\n');
      if (b.kind === 'table')
        return [...b.header, ...b.rows].map((row) => row.map(plainText).join(' | ')).join('\n');
      return plainText(b.inlines);
    })
    .join('\n\n');
}

/** Every consent form of the register in one language: the purposes' in the register's order, then publication. */
export function renderConsentForms(
  register: Register,
  profile: JurisdictionProfile,
  lang: Lang,
  options: ConsentFormRenderOptions = {},
): ConsentForm[] {
  const file = join(options.templatesDir ?? defaultConsentFormTemplates, `${lang}.mustache`);
  const template = loadTemplate(file, consentFormViewShape);
  const form = (purpose: Purpose | null): ConsentForm => {
    const view = buildConsentFormView(register, profile, lang, purpose);
    const blocks = parseBlocks(renderTemplate(template, view), file);
    const text = blocksText(blocks);
    return {
      formId: purpose ? purpose.id : PUBLICATION_FORM_ID,
      purposeId: purpose ? purpose.id : (register.publication?.purpose ?? null),
      kind: purpose ? 'purpose' : 'publication',
      lang,
      text,
      html: documentHtmlPage(blocks, { lang, tocTitle: tocTitle[lang] }),
      sha256: sha256Hex(text),
    };
  };
  const forms = consentPurposes(register).map(form);
  if (register.publication) forms.push(form(null));
  return forms;
}
