// What the vault's parts (identities, collection, reads, the subject's rights) share: the shapes of a subject and
// of a value, the additional data each ciphertext is bound to, the two refusals about a subject, and decryption.
import { openText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { LegalBasisType } from '../register/register.schema.js';
import type { IdentityKind } from './field-values.js';
import type { ValueBasis } from './vault.table.js';

export type Identities = Partial<Record<IdentityKind, string>>;

export interface CollectInput {
  purposes: string[];
  values: Record<string, unknown>;
  /** Where the data came from, e.g. `website:signup-form` or `paper:contract-17`. */
  source: string;
  legalBasis?: LegalBasisType;
  contractRef?: string;
  /** For purposes whose retention depends on the subject matter: the option that applies, per purpose. */
  retentionOptions?: Record<string, string>;
}

export interface StoredValueMeta {
  id: string;
  field: string;
  purposes: string[];
  legalBases: ValueBasis[];
  source: string;
  collectedAt: Date;
  action: 'created' | 'updated';
}

export interface ReadValue {
  id: string;
  field: string;
  value: unknown;
  purposes: string[];
  legalBases: ValueBasis[];
  source: string;
  collectedAt: Date;
  updatedAt: Date;
}

export interface SubjectRow {
  id: string;
  status: 'active' | 'blocked' | 'destroyed';
  created_at: Date;
}

export interface ValueRow {
  id: string;
  field_id: string;
  ciphertext: Uint8Array;
  purposes: string[];
  legal_bases: ValueBasis[];
  source: string;
  collected_at: Date;
  updated_at: Date;
}

// Ids in the AAD in lower case, as PostgreSQL returns uuids: the same subject whatever case a caller used.
export const valueAad = (subjectId: string, fieldId: string) => `value:${subjectId.toLowerCase()}:${fieldId}`;
export const identityAad = (subjectId: string, kind: string) => `identity:${subjectId.toLowerCase()}:${kind}`;

export function subjectNotFound(subjectId: string): DomainError {
  return new DomainError(ErrorCodes.NOT_FOUND, `Субъект ${subjectId} не найден / Subject not found`, {
    issues: [{ path: 'subjectId', message: 'unknown subject' }],
  });
}

export function subjectBlocked(subjectId: string): DomainError {
  return new DomainError(
    ErrorCodes.FORBIDDEN,
    `Данные субъекта ${subjectId} заблокированы: чтение и изменение запрещены до разблокирования. Subject is blocked.`,
  );
}

/** A stored value decrypted under the subject's key, as reads return it. */
export function decryptValue(key: Buffer, subjectId: string, row: ValueRow): ReadValue {
  return {
    id: row.id,
    field: row.field_id,
    value: JSON.parse(openText(key, row.ciphertext, valueAad(subjectId, row.field_id))),
    purposes: row.purposes,
    legalBases: row.legal_bases,
    source: row.source,
    collectedAt: row.collected_at,
    updatedAt: row.updated_at,
  };
}
