// The privacy policy generated from the register: HTML and PDF, in Russian, Kazakh and
// English. Fixed prose comes from templates/policy/<lang>.mustache (the operator's lawyer edits those), the
// rest from the register through the typed view (policy.view.ts). Pure: register and profile in, document
// out; publishing, versions and routes come on top of these functions.
import { join } from 'node:path';
import { fromPackageRoot } from '../../lib/paths.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import type { Lang } from '../register/register.retention.js';
import type { Register } from '../register/register.schema.js';
import { type Block, parseBlocks } from './blocks.js';
import { documentHtmlPage } from './document-html.js';
import { documentPdf } from './document-pdf.js';
import { buildPolicyView, policyViewShape } from './policy.view.js';
import { loadTemplate, renderTemplate } from './template.js';

export const defaultPolicyTemplates = fromPackageRoot('templates', 'policy');

const tocTitle: Record<Lang, string> = { ru: 'Содержание', kk: 'Мазмұны', en: 'Contents' };

export interface PolicyRenderOptions {
  /** A folder with <lang>.mustache files; the shipped templates/policy by default. */
  templatesDir?: string;
}

/** The policy's blocks: the template checked against the view's shape, rendered and read back. */
export function policyBlocks(
  register: Register,
  profile: JurisdictionProfile,
  lang: Lang,
  options: PolicyRenderOptions = {},
): Block[] {
  const file = join(options.templatesDir ?? defaultPolicyTemplates, `${lang}.mustache`);
  const template = loadTemplate(file, policyViewShape);
  const html = renderTemplate(template, buildPolicyView(register, profile, lang));
  return parseBlocks(html, file);
}

export function renderPolicyHtml(
  register: Register,
  profile: JurisdictionProfile,
  lang: Lang,
  options: PolicyRenderOptions = {},
): string {
  return documentHtmlPage(policyBlocks(register, profile, lang, options), { lang, tocTitle: tocTitle[lang] });
}

export function renderPolicyPdf(
  register: Register,
  profile: JurisdictionProfile,
  lang: Lang,
  options: PolicyRenderOptions & { createdAt?: Date } = {},
): Promise<Buffer> {
  const blocks = policyBlocks(register, profile, lang, options);
  return documentPdf(blocks, { lang, tocTitle: tocTitle[lang], createdAt: options.createdAt });
}
