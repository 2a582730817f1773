// The documents a published policy version consists of, as one plain list: the policy in HTML and PDF, in
// Russian, Kazakh and English, and every consent form (text and HTML) in the same languages. A list of bytes
// with their names, languages, media types and SHA-256, nothing more.
import { sha256Hex } from '../../lib/crypto.js';
import { renderConsentForms } from '../documents/consent-form.js';
import { renderPolicyHtml, renderPolicyPdf } from '../documents/policy.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import { type Lang, langs } from '../register/register.retention.js';
import type { Register } from '../register/register.schema.js';

export interface PublishedDocument {
  /** The document's name within its version, e.g. 'policy.html', 'policy.pdf'. */
  name: string;
  lang: Lang;
  mediaType: string;
  bytes: Buffer;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

export interface PublishedDocumentsOptions {
  /** A folder with the policy's <lang>.mustache templates; the shipped templates/policy by default. */
  templatesDir?: string;
  /** The PDFs' creation date (their bytes depend on it): the version's publication instant. */
  createdAt?: Date;
}

export const POLICY_HTML = 'policy.html';
export const POLICY_PDF = 'policy.pdf';
/** A consent form's documents: `consent-form/<formId>.txt` (the text a grant records and hashes) and `.html`. */
export const CONSENT_FORM_PREFIX = 'consent-form/';
export const consentFormText = (formId: string) => `${CONSENT_FORM_PREFIX}${formId}.txt`;
export const consentFormHtml = (formId: string) => `${CONSENT_FORM_PREFIX}${formId}.html`;

function document(name: string, lang: Lang, mediaType: string, bytes: Buffer): PublishedDocument {
  return { name, lang, mediaType, bytes, sha256: sha256Hex(bytes) };
}

/** Every document of a version, rendered from the register; a template error (file:line) throws from here. */
export async function publishedDocuments(
  register: Register,
  profile: JurisdictionProfile,
  options: PublishedDocumentsOptions = {},
): Promise<PublishedDocument[]> {
  const render = { templatesDir: options.templatesDir };
  const documents: PublishedDocument[] = [];
  for (const lang of langs) {
    const html = renderPolicyHtml(register, profile, lang, render);
    documents.push(document(POLICY_HTML, lang, 'text/html; charset=utf-8', Buffer.from(html, 'utf8')));
    const pdf = await renderPolicyPdf(register, profile, lang, { ...render, createdAt: options.createdAt });
    documents.push(document(POLICY_PDF, lang, 'application/pdf', pdf));
    // The text's bytes are its UTF-8, so the document's SHA-256 is the form's hash a grant records.
    for (const form of renderConsentForms(register, profile, lang)) {
      documents.push(
        document(consentFormText(form.formId), lang, 'text/plain; charset=utf-8', Buffer.from(form.text)),
      );
      documents.push(
        document(consentFormHtml(form.formId), lang, 'text/html; charset=utf-8', Buffer.from(form.html)),
      );
    }
  }
  return documents;
}
