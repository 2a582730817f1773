// What the "what changed" part needs from the published policy versions, and what it answers. The versions
// themselves (publishing, the frozen register, the rendered documents) belong to the policy service; this
// file names only the reads the diff and the renewals make, so either side can change without the other.
import type { Register } from '../register/register.schema.js';

/** A published version as listed: no register, no documents. */
export interface VersionSummary {
  /** The version's id; a consent records it as its policy_version. */
  id: string;
  publishedAt: Date;
  /** The publication day in the operator's time zone (YYYY-MM-DD). */
  publishedOn: string;
  registerSha256: string;
}

/** A published version with the register it froze. */
export interface PublishedVersion extends VersionSummary {
  register: Register;
}

/** The reader of published versions (the policy service's PolicyVersionReader satisfies it). */
export interface VersionSource {
  get(id: string): Promise<PublishedVersion | null>;
  list(): Promise<VersionSummary[]>;
  latest(): Promise<PublishedVersion | null>;
}

/** A text in the three languages of the product, every one present (the diff writes all three). */
export interface ChangeText {
  ru: string;
  kk: string;
  en: string;
}

/** Which part of the register a change is in. */
export type ChangeArea =
  | 'policy'
  | 'operator'
  | 'addresses'
  | 'fields'
  | 'subject_categories'
  | 'information_systems'
  | 'purpose'
  | 'title'
  | 'legal_basis'
  | 'data_list'
  | 'subject_category'
  | 'retention'
  | 'processing'
  | 'systems'
  | 'recipients'
  | 'cross_border'
  | 'publication'
  | 'cookies'
  | 'additional_processing'
  | 'deadlines'
  | 'destruction';

/** One change between two registers, in words a person reads. */
export interface RegisterChange {
  /** The purpose the change is about; null for the operator and the register-wide sections. */
  purposeId: string | null;
  area: ChangeArea;
  kind: 'added' | 'removed' | 'changed';
  /**
   * True only for a consent-based purpose when the change widens what its subjects agreed to (new fields,
   * longer retention, new recipients, a transfer abroad or publication newly allowed, a new kind of
   * processing): consents given before it need renewal.
   */
  widens: boolean;
  text: ChangeText;
  before?: unknown;
  after?: unknown;
}
