// The subject vault: subjects found through keyed hashes of their identities, and personal-data values
// encrypted under each subject's own key, every value tagged with its purposes and legal bases.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { hmacSha256, openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes, type ErrorIssue, isDomainError } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { startOfLocalDay } from '../calendar/dates.js';
import type { LegalBasisType, Purpose } from '../register/register.schema.js';
import {
  createRetentionAssessor,
  EVENTS_JSON_SQL,
  type EventJson,
  factsFrom,
  noFacts,
} from '../retention/retention.assess.js';
import type { RegisterRules } from '../rules/register-rules.js';
import {
  type IdentityKind,
  identityExpectations,
  normalizeFieldValue,
  normalizeIdentity,
  validationError,
} from './field-values.js';
import type { KeyStore } from './key-store.js';
import type { ValueBasis } from './vault.table.js';

export type Identities = Partial<Record<IdentityKind, string>>;
const IDENTITY_KINDS: IdentityKind[] = ['email', 'phone', 'iin'];

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

interface PreparedCollect {
  input: CollectInput;
  purposes: Purpose[];
  purposeIds: string[];
  fieldIds: string[];
  normalized: Map<string, unknown>;
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

// Ids in the AAD in lower case, as PostgreSQL returns uuids: the same subject whatever case a caller used.
export const valueAad = (subjectId: string, fieldId: string) => `value:${subjectId.toLowerCase()}:${fieldId}`;
export const identityAad = (subjectId: string, kind: string) => `identity:${subjectId.toLowerCase()}:${kind}`;

interface LiveConsent {
  id: string;
  purposeId: string;
  kind: 'processing' | 'publication';
}

interface ExistingValue {
  id: string;
  fieldId: string;
  purposes: string[];
  collectedAt: string;
}

export function subjectNotFound(subjectId: string): DomainError {
  return new DomainError(ErrorCodes.NOT_FOUND, `Субъект ${subjectId} не найден / Subject not found`, {
    issues: [{ path: 'subjectId', message: 'unknown subject' }],
  });
}

function subjectBlocked(subjectId: string): DomainError {
  return new DomainError(
    ErrorCodes.FORBIDDEN,
    `Данные субъекта ${subjectId} заблокированы: чтение и изменение запрещены до разблокирования. Subject is blocked.`,
  );
}

/** The subject found by its identities was destroyed (committed) before it could be locked. */
class DestroyedMeanwhile extends Error {
  constructor(readonly subjectId: string) {
    super('subject destroyed meanwhile');
  }
}

interface SubjectRow {
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

export function createVaultService(deps: {
  stores: Stores;
  keyStore: KeyStore;
  audit: AuditService;
  rules: RegisterRules;
  identityKey: Buffer;
  clock: () => Date;
}) {
  const { stores, audit, rules } = deps;
  const retention = createRetentionAssessor(rules);

  const lookupHash = (kind: IdentityKind, normalized: string) =>
    hmacSha256(deps.identityKey, `${kind}:${normalized}`);

  function normalizeIdentities(input: Identities): Map<IdentityKind, string> {
    const normalized = new Map<IdentityKind, string>();
    const issues: ErrorIssue[] = [];
    for (const kind of IDENTITY_KINDS) {
      const raw = input[kind];
      if (raw === undefined) continue;
      const value = normalizeIdentity(kind, raw);
      if (value === null) issues.push({ path: kind, message: `ожидается ${identityExpectations[kind]}` });
      else normalized.set(kind, value);
    }
    if (issues.length > 0)
      throw validationError('Неверный идентификатор субъекта / Invalid subject identifier', issues);
    if (normalized.size === 0) {
      throw validationError(
        'Нужен хотя бы один идентификатор: email, phone или iin / At least one identifier',
        [{ path: 'email', message: 'укажите email, phone или iin' }],
      );
    }
    return normalized;
  }

  async function findSubjectIds(identities: Map<IdentityKind, string>): Promise<Map<IdentityKind, string>> {
    // Both columns of the (kind, lookup_hash) index are named: PostgreSQL 15 has no skip scan, and with the
    // hash alone it reads the whole table (measured: 61 ms among 1,000,000 identities). The kind is part of
    // the HMAC input, so the two ANY() lists cannot match across kinds.
    const pairs = [...identities];
    const rows = await stores.sql.query<{ kind: IdentityKind; subject_id: string }>(
      'SELECT kind, subject_id FROM subject_identities WHERE kind = ANY($1::text[]) AND lookup_hash = ANY($2::bytea[])',
      [pairs.map(([kind]) => kind), pairs.map(([kind, value]) => lookupHash(kind, value))],
    );
    return new Map(rows.map((r) => [r.kind, r.subject_id]));
  }

  /** Finds the subject these identities belong to, or creates one; adds identities it did not have yet. */
  async function ensureSubject(
    actor: string,
    input: Identities,
  ): Promise<{ subjectId: string; created: boolean; identitiesAdded: IdentityKind[] }> {
    const identities = normalizeIdentities(input);
    const { result: _, ...subject } = await withSubject(actor, identities, null);
    return subject;
  }

  /**
   * Finds or creates the subject of these identities, then runs `inside` (if any) in the same data-store transaction:
   * when it throws, nothing of the subject is written either. Two requests creating the same person at once:
   * the unique index refuses one, which then finds the other and runs again.
   */
  async function withSubject<T>(
    actor: string,
    identities: Map<IdentityKind, string>,
    inside: ((tx: Sql, subjectId: string, key: Buffer) => Promise<T>) | null,
  ): Promise<{ subjectId: string; created: boolean; identitiesAdded: IdentityKind[]; result: T | null }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await withSubjectOnce(actor, identities, inside);
      } catch (error) {
        // Destroyed meanwhile: its identities went with it, so looking again finds no one and creates a new subject.
        if (attempt === 0 && (isUniqueViolation(error) || error instanceof DestroyedMeanwhile)) continue;
        if (error instanceof DestroyedMeanwhile) throw subjectNotFound(error.subjectId);
        throw error;
      }
    }
  }

  async function withSubjectOnce<T>(
    actor: string,
    identities: Map<IdentityKind, string>,
    inside: ((tx: Sql, subjectId: string, key: Buffer) => Promise<T>) | null,
  ) {
    const found = await findSubjectIds(identities);
    const distinct = new Set(found.values());
    if (distinct.size > 1) {
      throw new DomainError(
        ErrorCodes.IDENTITY_CONFLICT,
        `Идентификаторы принадлежат разным субъектам (${[...found.keys()].join(', ')}). ` +
          'Identifiers belong to different subjects.',
        { issues: [...found.keys()].map((k) => ({ path: k, message: 'принадлежит другому субъекту' })) },
      );
    }
    const existing = [...distinct][0];
    const subjectId = existing ?? randomUUID();
    const missing = [...identities].filter(([kind]) => !found.has(kind));
    // A known subject with nothing new and nothing else to do (POST /api/subjects again): nothing to write.
    if (existing && missing.length === 0 && !inside) {
      return { subjectId, created: false, identitiesAdded: [], result: null };
    }
    // The key store is another database: a new subject's key is committed there first (a subject row without
    // a key would be unreadable). If the data transaction then fails, the key is deleted again; after a crash
    // between the two it stays as an orphan: a random id no row names, wrapping a key that sealed nothing.
    const key = existing ? await subjectKey(subjectId) : await deps.keyStore.createSubjectKey(subjectId);
    const now = deps.clock();
    try {
      const result = await stores.transaction(async (tx) => {
        if (existing) await lockLiveSubject(tx, subjectId);
        else {
          await tx.query('INSERT INTO subjects (id, status, created_at) VALUES ($1, $2, $3)', [
            subjectId,
            'active',
            now,
          ]);
        }
        for (const [kind, value] of missing) {
          await tx.query(
            `INSERT INTO subject_identities (id, subject_id, kind, lookup_hash, ciphertext, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              randomUUID(),
              subjectId,
              kind,
              lookupHash(kind, value),
              sealText(key, value, identityAad(subjectId, kind)),
              now,
            ],
          );
        }
        const kinds = missing.map(([kind]) => kind);
        if (!existing) {
          await audit.append(tx, [
            { actor, action: 'subject.create', subjectId, details: { identities: kinds } },
          ]);
        } else if (kinds.length > 0) {
          await audit.append(tx, [
            { actor, action: 'subject.identity_add', subjectId, details: { identities: kinds } },
          ]);
        }
        return inside ? inside(tx, subjectId, key) : null;
      });
      return { subjectId, created: !existing, identitiesAdded: missing.map(([k]) => k), result };
    } catch (error) {
      if (!existing) await discardKey(subjectId);
      throw error;
    }
  }

  /**
   * Locks a subject found by its identities before anything is written for it, and makes sure it still lives.
   * The lookup ran outside this transaction and without a lock, and the foreign keys of the rows written next
   * take only KEY SHARE, which the sweep's status update does not conflict with: without this lock a collection
   * racing the sweep's destruction writes identities and values to a destroyed subject whose key is then
   * deleted. FOR SHARE waits for a destruction in progress and then reads its outcome; concurrent collections
   * for the same subject still go side by side (shared locks do not conflict).
   */
  async function lockLiveSubject(tx: Sql, subjectId: string): Promise<void> {
    const [row] = await tx.query<{ status: SubjectRow['status'] }>(
      'SELECT status FROM subjects WHERE id = $1 FOR SHARE',
      [subjectId],
    );
    if (!row || row.status === 'destroyed') throw new DestroyedMeanwhile(subjectId);
  }

  /** The key of a subject whose creation rolled back. Failing here leaves a harmless orphan (see above). */
  async function discardKey(subjectId: string): Promise<void> {
    try {
      // An error can also come after the COMMIT went through (a connection lost while it answered): the key is
      // then the subject's and must stay. Only a subject seen to be absent loses its key.
      const [committed] = await stores.sql.query('SELECT 1 AS one FROM subjects WHERE id = $1', [subjectId]);
      if (!committed) await deps.keyStore.destroySubjectKeys([subjectId]);
    } catch {
      // The orphan names no subject and sealed nothing that was kept; the original error is the one to report.
    }
  }

  async function lookup(actor: string, kind: IdentityKind, raw: string): Promise<string | null> {
    const identities = normalizeIdentities({ [kind]: raw });
    const found = await findSubjectIds(identities);
    const subjectId = found.get(kind) ?? null;
    await audit.appendAlone(stores, [
      { actor, action: 'subject.lookup', subjectId, details: { by: kind, found: subjectId !== null } },
    ]);
    return subjectId;
  }

  async function requireSubject(sql: Sql, subjectId: string): Promise<SubjectRow> {
    const [row] = await sql.query<SubjectRow>('SELECT id, status, created_at FROM subjects WHERE id = $1', [
      subjectId,
    ]);
    if (!row || row.status === 'destroyed') throw subjectNotFound(subjectId);
    return row;
  }

  async function getSubject(actor: string, subjectId: string) {
    return stores.transaction(async (tx) => {
      const subject = await requireSubject(tx, subjectId);
      const identities = await tx.query<{ kind: string; created_at: Date }>(
        'SELECT kind, created_at FROM subject_identities WHERE subject_id = $1 ORDER BY created_at',
        [subjectId],
      );
      await audit.append(tx, [{ actor, action: 'subject.read', subjectId }]);
      return {
        id: subject.id,
        status: subject.status,
        createdAt: subject.created_at,
        identities: identities.map((i) => ({ kind: i.kind, createdAt: i.created_at })),
      };
    });
  }

  /** The subject's key, or "subject not found" for an id that has none (never created, or destroyed). */
  async function subjectKey(subjectId: string): Promise<Buffer> {
    try {
      return await deps.keyStore.getSubjectKey(subjectId);
    } catch (error) {
      if (isDomainError(error) && error.code === ErrorCodes.NOT_FOUND) throw subjectNotFound(subjectId);
      throw error;
    }
  }

  /** Data minimisation: only fields every named purpose lists; never biometric data when none is declared. */
  function checkFieldsAllowed(purposes: Purpose[], fieldIds: string[]): void {
    const biometric = fieldIds.filter((id) => {
      const field = rules.field(id);
      return field && (field.category === 'biometric' || field.sensitivity.includes('biometric'));
    });
    if (biometric.length > 0 && !rules.register.processes_biometrics) {
      throw new DomainError(
        ErrorCodes.BIOMETRIC_REFUSED,
        `Биометрические данные не обрабатываются (${biometric.join(', ')}): оператор заявил, что не обрабатывает их. ` +
          `${rules.profile.biometrics.rule}. Biometric data is refused.`,
        { issues: biometric.map((f) => ({ path: `values.${f}`, message: 'biometric data is refused' })) },
      );
    }
    const issues: ErrorIssue[] = [];
    for (const id of fieldIds) {
      if (!rules.field(id)) {
        issues.push({ path: `values.${id}`, message: `поле «${id}» не описано в реестре / unknown field` });
        continue;
      }
      for (const p of purposes) {
        if (!p.fields.includes(id)) {
          issues.push({
            path: `values.${id}`,
            message: `поле «${id}» не входит в перечень ПД цели «${p.id}» (${p.title.ru}); разрешены: ${p.fields.join(', ')}`,
          });
        }
      }
    }
    if (issues.length > 0) {
      const names = [...new Set(issues.map((i) => i.path.slice('values.'.length)))].join(', ');
      throw new DomainError(
        ErrorCodes.FIELD_NOT_ALLOWED_FOR_PURPOSE,
        `Поля ${names} нельзя собирать для цели ${purposes.map((p) => p.id).join(', ')}. ` +
          `Fields ${names} are not allowed for purpose ${purposes.map((p) => p.id).join(', ')}.`,
        { issues, details: { fields: names.split(', '), purposes: purposes.map((p) => p.id) } },
      );
    }
  }

  /** Picks the legal basis each purpose is collected under, and checks what that basis requires. */
  function chooseBases(live: LiveConsent[], purposes: Purpose[], input: CollectInput): ValueBasis[] {
    return purposes.map((p): ValueBasis => {
      const option = input.retentionOptions?.[p.id];
      const basis = chooseBasis(live, p, input);
      return option ? { ...basis, retentionOption: option } : basis;
    });
  }

  function chooseBasis(live: LiveConsent[], p: Purpose, input: CollectInput): ValueBasis {
    {
      const liveConsent = (kind: 'processing' | 'publication') =>
        live.find((c) => c.purposeId === p.id && c.kind === kind);
      const basisOf = (type: LegalBasisType) => p.legal_bases.find((b) => b.type === type);
      const use = (type: LegalBasisType): ValueBasis => {
        const basis = basisOf(type)!;
        if (type === 'consent' || type === 'publication_consent') {
          const consent = liveConsent(type === 'consent' ? 'processing' : 'publication');
          if (!consent) {
            throw new DomainError(
              ErrorCodes.CONSENT_REQUIRED,
              `Для цели «${p.id}» (${p.title.ru}) нужно действующее согласие субъекта ` +
                `${type === 'publication_consent' ? 'на распространение ' : ''}— его нет или оно отозвано. ` +
                `Purpose ${p.id} needs a live consent.`,
              { issues: [{ path: 'purposes', message: `no live ${type} for purpose ${p.id}` }] },
            );
          }
          return { purpose: p.id, type, reference: basis.reference, consentId: consent.id };
        }
        if (type === 'contract') {
          if (!input.contractRef) {
            throw new DomainError(
              ErrorCodes.CONTRACT_REFERENCE_REQUIRED,
              `Цель «${p.id}» собирается на основании договора: укажите contract_ref (номер или идентификатор ` +
                'договора). Contract basis needs contract_ref.',
              { issues: [{ path: 'contract_ref', message: 'required for the contract basis' }] },
            );
          }
          return { purpose: p.id, type, reference: basis.reference, contractRef: input.contractRef };
        }
        return { purpose: p.id, type, reference: basis.reference };
      };
      if (input.legalBasis) {
        if (!basisOf(input.legalBasis)) {
          throw validationError(`Основание «${input.legalBasis}» не указано в реестре для цели «${p.id}»`, [
            {
              path: 'legal_basis',
              message: `ожидается одно из: ${p.legal_bases.map((b) => b.type).join(', ')}`,
            },
          ]);
        }
        return use(input.legalBasis);
      }
      if (input.contractRef && basisOf('contract')) return use('contract');
      if (basisOf('consent') && liveConsent('processing')) return use('consent');
      if (basisOf('publication_consent') && liveConsent('publication')) return use('publication_consent');
      const standalone = p.legal_bases.find((b) =>
        ['legal_duty', 'legitimate_interest', 'statistics_research', 'vital_interest'].includes(b.type),
      );
      if (standalone) return use(standalone.type);
      return use(
        basisOf('consent') ? 'consent' : basisOf('publication_consent') ? 'publication_consent' : 'contract',
      );
    }
  }

  /** Everything about a collection that can be checked without the database; throws before anything is written. */
  function prepareCollect(input: CollectInput): PreparedCollect {
    const purposes = [...new Set(input.purposes)].map((id) => rules.purpose(id));
    const fieldIds = Object.keys(input.values);
    if (fieldIds.length === 0) {
      throw validationError('Нет значений для сохранения / No values given', [
        { path: 'values', message: 'ожидается хотя бы одно поле' },
      ]);
    }
    checkFieldsAllowed(purposes, fieldIds);
    retention.checkOptions(
      purposes.map((p) => p.id),
      input.retentionOptions,
    );
    const issues: ErrorIssue[] = [];
    const normalized = new Map<string, unknown>();
    for (const id of fieldIds) {
      const result = normalizeFieldValue(id, rules.field(id)!.type, input.values[id]);
      if ('issue' in result) issues.push(result.issue);
      else normalized.set(id, result.value);
    }
    if (issues.length > 0) throw validationError('Неверные значения полей / Invalid field values', issues);
    return { input, purposes, purposeIds: purposes.map((p) => p.id).sort(), fieldIds, normalized };
  }

  async function collect(actor: string, subjectId: string, input: CollectInput): Promise<StoredValueMeta[]> {
    const prepared = prepareCollect(input);
    const key = await subjectKey(subjectId);
    return stores.transaction((tx) => writeCollected(tx, actor, subjectId, key, prepared));
  }

  /** Writes a prepared collection in the caller's transaction: the values and their audit entry. */
  async function writeCollected(
    tx: Sql,
    actor: string,
    subjectId: string,
    key: Buffer,
    prepared: PreparedCollect,
  ): Promise<StoredValueMeta[]> {
    const { input, purposes, purposeIds, fieldIds, normalized } = prepared;
    const now = deps.clock();
    // One statement: the subject's state, its live consents for these purposes, the values it already holds.
    const [state] = await tx.query<{
      status: SubjectRow['status'];
      live: LiveConsent[];
      existing: ExistingValue[];
      last_activity_at: Date | null;
      events: EventJson[] | null;
      liquidation: string | null;
    }>(
      `SELECT s.status, s.last_activity_at, ${EVENTS_JSON_SQL} AS events,
           (SELECT liquidation_date::text FROM operator_state WHERE id = 1) AS liquidation,
           (SELECT coalesce(json_agg(json_build_object('id', c.id, 'purposeId', c.purpose_id, 'kind', c.kind)), '[]')
              FROM consents c WHERE c.subject_id = s.id AND c.status = 'active' AND c.purpose_id = ANY($2::text[])) AS live,
           (SELECT coalesce(json_agg(json_build_object('id', v.id, 'fieldId', v.field_id, 'purposes', v.purposes,
                                                       'collectedAt', v.collected_at)), '[]')
              FROM personal_values v WHERE v.subject_id = s.id AND v.status = 'active' AND v.field_id = ANY($3::text[])) AS existing
         FROM subjects s WHERE s.id = $1
         -- Held until the values are written: a destruction of the subject in progress is waited for and its
         -- committed status read (see lockLiveSubject), so no value lands on a destroyed, keyless subject.
         FOR SHARE OF s`,
      [subjectId, purposeIds, fieldIds],
    );
    if (!state || state.status === 'destroyed') throw subjectNotFound(subjectId);
    if (state.status === 'blocked') throw subjectBlocked(subjectId);
    const legalBases = chooseBases(state.live, purposes, input);
    const facts =
      state.events || state.last_activity_at ? factsFrom(state.last_activity_at, state.events) : noFacts();
    const liquidationAt = state.liquidation
      ? startOfLocalDay(state.liquidation, rules.register.operator.timezone)
      : null;
    // When processing for one of its purposes next ends, and for all of them (null: not known yet, e.g. a
    // contract still running).
    const retentionOf = (collectedAt: Date) => {
      const value = { purposes: purposeIds, legal_bases: legalBases, collected_at: collectedAt };
      const { ended, nextAt, lastEnd } = retention.assess(value, facts, liquidationAt, now);
      return [ended.length > 0 ? now : nextAt, lastEnd];
    };
    const stored: StoredValueMeta[] = [];
    for (const fieldId of fieldIds) {
      const ciphertext = sealText(key, JSON.stringify(normalized.get(fieldId)), valueAad(subjectId, fieldId));
      // A value collected again for the same purposes replaces the one held; other purposes keep theirs.
      const same = state.existing.find(
        (row) => row.fieldId === fieldId && [...row.purposes].sort().join() === purposeIds.join(),
      );
      const meta = {
        field: fieldId,
        purposes: purposeIds,
        legalBases,
        source: input.source,
        collectedAt: now,
      };
      if (same) {
        await tx.query(
          `UPDATE personal_values SET ciphertext = $2, legal_bases = $3::jsonb, source = $4, updated_at = $5,
               next_retention_at = $6, retain_until = $7 WHERE id = $1`,
          [
            same.id,
            ciphertext,
            JSON.stringify(legalBases),
            input.source,
            now,
            ...retentionOf(new Date(same.collectedAt)),
          ],
        );
        stored.push({ id: same.id, ...meta, action: 'updated' });
      } else {
        const id = randomUUID();
        await tx.query(
          `INSERT INTO personal_values (id, subject_id, field_id, ciphertext, purposes, legal_bases, source, collected_at,
               updated_at, next_retention_at, retain_until)
             VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, $7, $8, $8, $9, $10)`,
          [
            id,
            subjectId,
            fieldId,
            ciphertext,
            purposeIds,
            JSON.stringify(legalBases),
            input.source,
            now,
            ...retentionOf(now),
          ],
        );
        stored.push({ id, ...meta, action: 'created' });
      }
    }
    const created = stored.filter((s) => s.action === 'created').map((s) => s.field);
    const updated = stored.filter((s) => s.action === 'updated').map((s) => s.field);
    const details = { purposes: purposeIds, bases: legalBases.map((b) => b.type), source: input.source };
    const entries: AuditEntryInput[] = [];
    if (created.length) {
      entries.push({
        actor,
        action: 'data.create',
        subjectId,
        purposeId: purposeIds[0],
        fieldIds: created,
        details,
      });
    }
    if (updated.length) {
      entries.push({
        actor,
        action: 'data.update',
        subjectId,
        purposeId: purposeIds[0],
        fieldIds: updated,
        details,
      });
    }
    await audit.append(tx, entries);
    return stored;
  }

  /** Reads are always for a purpose: only values held for it are returned, and the read is recorded. */
  async function readForPurpose(
    actor: string,
    subjectId: string,
    purposeId: string,
    /** The only fields the caller's role may see of this purpose (all when absent). */
    onlyFields?: readonly string[],
  ): Promise<ReadValue[]> {
    rules.purpose(purposeId);
    const key = await subjectKey(subjectId);
    const rows = await stores.transaction(async (tx) => {
      const found = await tx.query<ValueRow & { subject_status: SubjectRow['status'] }>(
        `SELECT s.status AS subject_status, v.id, v.field_id, v.ciphertext, v.purposes, v.legal_bases, v.source,
                v.collected_at, v.updated_at
         FROM subjects s
         LEFT JOIN personal_values v ON v.subject_id = s.id AND v.status = 'active' AND $2 = ANY(v.purposes)
         WHERE s.id = $1
         ORDER BY v.collected_at`,
        [subjectId, purposeId],
      );
      const status = found[0]?.subject_status;
      if (!status || status === 'destroyed') throw subjectNotFound(subjectId);
      if (status === 'blocked') {
        await audit.append(tx, [
          { actor, action: 'access.refused', subjectId, purposeId, details: { reason: 'blocked' } },
        ]);
        return null;
      }
      const values = found.filter(
        (r) => r.id !== null && (onlyFields === undefined || onlyFields.includes(r.field_id)),
      );
      await audit.append(tx, [
        { actor, action: 'data.read', subjectId, purposeId, fieldIds: values.map((r) => r.field_id) },
      ]);
      return values;
    });
    // The refusal is recorded (committed) before the caller hears of it.
    if (rows === null) throw subjectBlocked(subjectId);
    return rows.map((row) => decryptValue(key, subjectId, row));
  }

  /** One call for a website backend: find or create the subject by its identifiers, then collect. */
  // One transaction: a collection refused (unknown purpose, a field the purpose does not list, no live
  // consent, a value too long) leaves no subject, identity or audit entry behind.
  async function collectForIdentity(actor: string, identities: Identities, input: CollectInput) {
    const normalizedIdentities = normalizeIdentities(identities);
    const prepared = prepareCollect(input);
    const { result: values, ...subject } = await withSubject(
      actor,
      normalizedIdentities,
      (tx, subjectId, key) => writeCollected(tx, actor, subjectId, key, prepared),
    );
    return { ...subject, values: values ?? [] };
  }

  /**
   * The whole record (every purpose the caller may read), for a stated reason kept in the audit log with
   * the purposes and fields read.
   */
  async function readRecord(
    actor: string,
    subjectId: string,
    purposeIds: string[],
    reason: string,
    fieldsOf: (purposeId: string) => readonly string[] | undefined,
  ): Promise<ReadValue[]> {
    if (reason.trim().length < 10) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Чтение всей записи субъекта требует указать причину (не короче 10 символов). A reason is required.',
        { issues: [{ path: 'reason', message: 'at least 10 characters' }] },
      );
    }
    const key = await subjectKey(subjectId);
    const rows = await stores.transaction(async (tx) => {
      const found = await tx.query<ValueRow & { subject_status: SubjectRow['status'] }>(
        `SELECT s.status AS subject_status, v.id, v.field_id, v.ciphertext, v.purposes, v.legal_bases, v.source,
                v.collected_at, v.updated_at
         FROM subjects s
         LEFT JOIN personal_values v ON v.subject_id = s.id AND v.status = 'active' AND v.purposes && $2::text[]
         WHERE s.id = $1 ORDER BY v.collected_at`,
        [subjectId, purposeIds],
      );
      const status = found[0]?.subject_status;
      if (!status || status === 'destroyed') throw subjectNotFound(subjectId);
      if (status === 'blocked') {
        await audit.append(tx, [
          { actor, action: 'access.refused', subjectId, details: { reason: 'blocked', record: true } },
        ]);
        return null;
      }
      // A value is shown when one of its purposes is the caller's and that purpose lets the caller see the field.
      const visible = found.filter(
        (r) =>
          r.id !== null &&
          r.purposes.some((p) => purposeIds.includes(p) && (fieldsOf(p)?.includes(r.field_id) ?? true)),
      );
      await audit.append(tx, [
        {
          actor,
          action: 'data.read_record',
          subjectId,
          fieldIds: [...new Set(visible.map((r) => r.field_id))].sort(),
          details: { reason: reason.trim(), purposes: [...purposeIds].sort() },
        },
      ]);
      return visible;
    });
    if (rows === null) throw subjectBlocked(subjectId);
    return rows.map((row) => decryptValue(key, subjectId, row));
  }

  return {
    ensureSubject,
    lookup,
    getSubject,
    collect,
    collectForIdentity,
    readForPurpose,
    readRecord,
    requireSubject,
    subjectKey,
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
