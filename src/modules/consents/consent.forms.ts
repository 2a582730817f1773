// A grant cites the published consent form it answers: the policy version and the purpose (the publication form
// for a publication consent), in a language. Web and API grants record the form's own text, so the text a
// subject agreed to is the published one; paper and e-mail consents keep the subject's own text beside the
// form's hash. The forms of a version are read once and kept in a Map: a grant costs a lookup, never a render.
import { sha256Hex } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { type ConsentForm, type ConsentFormSource, PUBLICATION_FORM_ID } from '../documents/consent-form.js';
import type { Lang } from '../register/register.retention.js';
import type { GrantInput } from './consent.record.js';

/** What a grant records of its form: the text and its hash, the form's hash, the version and the language. */
export interface CitedForm {
  /** The text the subject agreed to: the form's, or their own on paper or by e-mail. */
  text: string;
  /** What the row keeps: the subject's own text; null when it is the form's (kept once, in its version). */
  storedText: string | null;
  textSha256: string;
  formSha256: string;
  lang: Lang;
}

/** Channels where the operator shows the form itself; on paper or by e-mail the subject sends their own text. */
const FORM_CHANNELS = new Set(['web', 'api']);

export function createConsentFormCheck(source: ConsentFormSource) {
  // Published forms never change: a version's forms, once read, are kept. An unknown version is asked again
  // each time, so a version published while the server runs is known at once.
  const published = new Map<string, Map<string, ConsentForm>>();

  async function formsOf(version: string, lang: Lang): Promise<Map<string, ConsentForm>> {
    const key = `${lang}:${version}`;
    const known = published.get(key);
    if (known) return known;
    const forms = await source.forms(version, lang);
    if (!forms) {
      const versions = await source.versions();
      throw new DomainError(
        ErrorCodes.POLICY_VERSION_UNKNOWN,
        `Редакция политики «${version}» не опубликована; опубликованные редакции: ${versions.join(', ') || '—'}. ` +
          `Policy version "${version}" is not published.`,
        {
          issues: [
            {
              path: 'policy_version',
              message: `неизвестная редакция «${version}» / unknown version; ожидается одна из / expected one of: ${versions.join(', ') || '—'}`,
            },
          ],
          details: { policyVersion: version, knownVersions: versions },
        },
      );
    }
    const byId = new Map(forms.map((f) => [f.formId, f]));
    published.set(key, byId);
    return byId;
  }

  /** The form a grant answers and the text to record; refuses an unknown version or a text that differs. */
  async function cite(input: GrantInput): Promise<CitedForm> {
    const lang = input.lang ?? 'ru';
    const forms = await formsOf(input.policyVersion, lang);
    const formId = input.kind === 'publication' ? PUBLICATION_FORM_ID : input.purpose;
    const form = forms.get(formId);
    if (!form) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `В редакции «${input.policyVersion}» нет формы согласия для цели «${input.purpose}». ` +
          'The policy version has no consent form for this purpose.',
        {
          issues: [
            {
              path: 'purpose',
              message: `формы согласия «${formId}» нет в редакции «${input.policyVersion}»; формы: ${[...forms.keys()].join(', ')}`,
            },
          ],
        },
      );
    }
    if (FORM_CHANNELS.has(input.channel)) {
      if (input.text !== undefined && input.text !== form.text) {
        const sent = sha256Hex(input.text);
        throw new DomainError(
          ErrorCodes.CONSENT_TEXT_MISMATCH,
          `Текст согласия отличается от опубликованной формы «${formId}» редакции «${input.policyVersion}» ` +
            `(${lang}): SHA-256 формы ${form.sha256}, SHA-256 присланного текста ${sent}. ` +
            'The consent text differs from the published form; omit text to record the form.',
          {
            issues: [
              {
                path: 'text',
                message: `ожидается текст формы (SHA-256 ${form.sha256}), получен текст с SHA-256 ${sent}; уберите text, чтобы записать текст формы`,
              },
            ],
            details: { formSha256: form.sha256, textSha256: sent },
          },
        );
      }
      return { text: form.text, storedText: null, textSha256: form.sha256, formSha256: form.sha256, lang };
    }
    if (input.text === undefined || input.text.trim() === '') {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Для согласия на бумаге или по электронной почте (${input.channel}) нужен его текст, как субъект его подписал ` +
          'или прислал. A paper or e-mail consent needs its own text.',
        { issues: [{ path: 'text', message: `обязателен для канала ${input.channel}` }] },
      );
    }
    return {
      text: input.text,
      storedText: input.text,
      textSha256: sha256Hex(input.text),
      formSha256: form.sha256,
      lang,
    };
  }

  /** A stored consent's text: its own, or the text of the form it cites, read from the published version. */
  async function textOf(consent: {
    text: string | null;
    policyVersion: string;
    kind: string;
    purposeId: string;
    lang: Lang | null;
  }): Promise<string> {
    if (consent.text !== null) return consent.text;
    const forms = await formsOf(consent.policyVersion, consent.lang ?? 'ru');
    const formId = consent.kind === 'publication' ? PUBLICATION_FORM_ID : consent.purposeId;
    return forms.get(formId)?.text ?? '';
  }

  return { cite, textOf };
}

export type ConsentFormCheck = ReturnType<typeof createConsentFormCheck>;
