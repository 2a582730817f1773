// A consent as stored and as presented: the inputs of a grant and a withdrawal, the row, and the evidence
// sealed under the subject's key.
import type { Lang } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { PublicationFieldPermission } from './consent.table.js';

export type ConsentChannel = 'web' | 'api' | 'email' | 'paper';
export type ConsentKind = 'processing' | 'publication';

export interface GrantInput {
  purpose: string;
  kind: ConsentKind;
  channel: ConsentChannel;
  /**
   * The exact text the subject was shown. Web and API grants may omit it (the form's text is recorded) and, if
   * sent, it must equal the form's; paper and e-mail consents carry their own text.
   */
  text?: string;
  /** The published policy version whose consent form the grant answers. */
  policyVersion: string;
  /** The language of the form (default ru). */
  lang?: Lang;
  subjectFullName?: string;
  ip?: string;
  userAgent?: string;
  /** The consent's term in words; none means "until the purpose is achieved" (KZ Art. 8). */
  term?: string;
  thirdPartyTransfer?: boolean;
  /** The recipients (ids from the recipient register) the transfer consent names; none: third parties in general. */
  transferRecipients?: string[];
  crossBorderTransfer?: boolean;
  publication?: boolean;
  dataFields?: string[];
  publicationFields?: PublicationFieldPermission[];
  /** When the consent was actually given (a paper form signed earlier); defaults to now. */
  givenAt?: Date;
}

export interface WithdrawInput {
  purpose: string;
  kind: ConsentKind;
  channel: ConsentChannel;
  ip?: string;
  userAgent?: string;
  /** When the withdrawal was received; the deadline counts from here. Defaults to now. */
  receivedAt?: Date;
  /** The subject request the withdrawal came with: its act of destruction answers that request. */
  requestId?: string;
}

export interface ConsentEvidence {
  subjectFullName?: string;
  ip?: string;
  userAgent?: string;
  withdrawal?: { ip?: string; userAgent?: string };
}

/** A consent as the API presents it: the proof without the sealed evidence (returned decrypted beside it). */
export interface ConsentRecord {
  id: string;
  subjectId: string;
  purposeId: string;
  kind: ConsentKind;
  status: 'active' | 'withdrawn';
  grantedAt: Date;
  channel: ConsentChannel;
  text: string;
  textSha256: string;
  policyVersion: string;
  /** SHA-256 of the published form the consent answers; null for consents recorded before forms existed. */
  formSha256: string | null;
  lang: Lang | null;
  dataFields: string[];
  term: string | null;
  thirdPartyTransfer: boolean;
  transferRecipients: string[] | null;
  crossBorderTransfer: boolean;
  publicationAllowed: boolean;
  publicationFields: PublicationFieldPermission[] | null;
  withdrawnAt: Date | null;
  withdrawalChannel: ConsentChannel | null;
}

export interface ConsentRow {
  id: string;
  subject_id: string;
  purpose_id: string;
  kind: ConsentKind;
  status: 'active' | 'withdrawn';
  granted_at: Date;
  channel: ConsentChannel;
  text: string | null;
  text_sha256: string;
  policy_version: string;
  form_sha256: string | null;
  lang: Lang | null;
  evidence_ciphertext: Uint8Array;
  data_fields: string[];
  term: string | null;
  third_party_transfer: boolean;
  transfer_recipients: string[] | null;
  cross_border_transfer: boolean;
  publication_allowed: boolean;
  publication_fields: PublicationFieldPermission[] | null;
  withdrawn_at: Date | null;
  withdrawal_channel: ConsentChannel | null;
}

export const CONSENT_COLUMNS = `id, subject_id, purpose_id, kind, status, granted_at, channel, text, text_sha256, policy_version,
  form_sha256, lang, evidence_ciphertext, data_fields, term, third_party_transfer, transfer_recipients, cross_border_transfer,
  publication_allowed, publication_fields, withdrawn_at, withdrawal_channel`;

/** The record of a row; `text` is the row's own or, for a web or API grant, its form's (`textOf`). */
export function fromRow(r: ConsentRow, text: string): ConsentRecord {
  return {
    id: r.id,
    subjectId: r.subject_id,
    purposeId: r.purpose_id,
    kind: r.kind,
    status: r.status,
    grantedAt: r.granted_at,
    channel: r.channel,
    text,
    textSha256: r.text_sha256,
    policyVersion: r.policy_version,
    formSha256: r.form_sha256,
    lang: r.lang,
    dataFields: r.data_fields,
    term: r.term,
    thirdPartyTransfer: r.third_party_transfer,
    transferRecipients: r.transfer_recipients,
    crossBorderTransfer: r.cross_border_transfer,
    publicationAllowed: r.publication_allowed,
    publicationFields: r.publication_fields,
    withdrawnAt: r.withdrawn_at,
    withdrawalChannel: r.withdrawal_channel,
  };
}

/** The additional data the evidence is sealed with: it binds the ciphertext to its subject and consent. */
export const evidenceAad = (subjectId: string, consentId: string) =>
  `consent:${subjectId.toLowerCase()}:${consentId.toLowerCase()}`;

/** A consent as the API answers it: with the operator it was given to, and its evidence only when asked. */
export function presentConsent(rules: RegisterRules, record: ConsentRecord, evidence?: ConsentEvidence) {
  return {
    ...record,
    operator: { name: rules.register.operator.name.ru, binIin: rules.register.operator.bin_iin },
    ...(evidence ? { evidence } : {}),
  };
}
