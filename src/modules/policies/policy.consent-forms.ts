// The consent forms a grant may cite: those stored with each published version, read back as they were
// published (the text's SHA-256 is the stored document's). Versions never change, so a version's forms are
// read once per language and kept; the list of versions is read each time, so a new publish counts at once.
import { type ConsentForm, type ConsentFormSource, PUBLICATION_FORM_ID } from '../documents/consent-form.js';
import type { Lang } from '../register/register.retention.js';
import { CONSENT_FORM_PREFIX, consentFormHtml } from './policy.documents.js';
import type { PolicyVersionReader } from './policy.reader.js';

export function publishedConsentForms(reader: PolicyVersionReader): ConsentFormSource {
  const kept = new Map<string, ConsentForm[]>();

  async function read(version: string, lang: Lang): Promise<ConsentForm[] | null> {
    const published = await reader.get(version);
    if (!published) return null;
    const texts = published.documents.filter(
      (d) => d.lang === lang && d.name.startsWith(CONSENT_FORM_PREFIX) && d.name.endsWith('.txt'),
    );
    const forms: ConsentForm[] = [];
    for (const doc of texts) {
      const formId = doc.name.slice(CONSENT_FORM_PREFIX.length, -'.txt'.length);
      const text = await reader.document(version, doc.name, lang);
      const html = await reader.document(version, consentFormHtml(formId), lang);
      if (!text) continue;
      const publication = formId === PUBLICATION_FORM_ID;
      forms.push({
        formId,
        purposeId: publication ? (published.register.publication?.purpose ?? null) : formId,
        kind: publication ? 'publication' : 'purpose',
        lang,
        text: text.bytes.toString('utf8'),
        html: html?.bytes.toString('utf8') ?? '',
        sha256: text.sha256,
      });
    }
    // In the register's order, the publication form last, as they were rendered.
    const order = new Map(published.register.purposes.map((p, i) => [p.id, i]));
    const rank = (f: ConsentForm) =>
      f.kind === 'publication' ? Number.MAX_SAFE_INTEGER : (order.get(f.formId) ?? -1);
    return forms.sort((a, b) => rank(a) - rank(b));
  }

  return {
    versions: async () => (await reader.list()).map((v) => v.id),
    async forms(version, lang) {
      const key = `${lang}:${version}`;
      const known = kept.get(key);
      if (known) return known;
      const forms = await read(version, lang);
      if (forms) kept.set(key, forms);
      return forms;
    },
  };
}
