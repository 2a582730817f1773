// The subject vault: subjects found through keyed hashes of their identities, and personal-data values
// encrypted under each subject's own key, every value tagged with its purposes and legal bases.
import { randomUUID } from 'node:crypto';
import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { DataTx, Stores } from '../../db/database.js';
import { hmacSha256, openText, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { consents } from '../consents/consent.table.js';
import type { LegalBasisType, Purpose } from '../register/register.schema.js';
import type { RegisterRules } from '../rules/register-rules.js';
import {
  type IdentityKind,
  identityExpectations,
  normalizeFieldValue,
  normalizeIdentity,
  validationError,
} from './field-values.js';
import type { KeyStore } from './key-store.js';
import { personalValues, subjectIdentities, subjects, type ValueBasis } from './vault.table.js';

export type Identities = Partial<Record<IdentityKind, string>>;
const IDENTITY_KINDS: IdentityKind[] = ['email', 'phone', 'iin'];

export interface CollectInput {
  purposes: string[];
  values: Record<string, unknown>;
  /** Where the data came from, e.g. `website:signup-form` or `paper:contract-17`. */
  source: string;
  legalBasis?: LegalBasisType;
  contractRef?: string;
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

const valueAad = (subjectId: string, fieldId: string) => `value:${subjectId}:${fieldId}`;
const identityAad = (subjectId: string, kind: string) => `identity:${subjectId}:${kind}`;

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
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
    const found = new Map<IdentityKind, string>();
    for (const [kind, value] of identities) {
      const [row] = await stores.data
        .select({ subjectId: subjectIdentities.subjectId })
        .from(subjectIdentities)
        .where(
          and(eq(subjectIdentities.kind, kind), eq(subjectIdentities.lookupHash, lookupHash(kind, value))),
        );
      if (row) found.set(kind, row.subjectId);
    }
    return found;
  }

  /** Finds the subject these identities belong to, or creates one; adds identities it did not have yet. */
  async function ensureSubject(
    actor: string,
    input: Identities,
  ): Promise<{ subjectId: string; created: boolean; identitiesAdded: IdentityKind[] }> {
    const identities = normalizeIdentities(input);
    for (let attempt = 0; ; attempt++) {
      try {
        return await ensureSubjectOnce(actor, identities);
      } catch (error) {
        // Two requests creating the same person at once: the unique index refuses one; it then finds the other.
        if (attempt === 0 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  async function ensureSubjectOnce(actor: string, identities: Map<IdentityKind, string>) {
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
    const key = existing
      ? await deps.keyStore.getSubjectKey(subjectId)
      : await deps.keyStore.createSubjectKey(subjectId);
    const missing = [...identities].filter(([kind]) => !found.has(kind));
    const now = deps.clock();
    await stores.data.transaction(async (tx) => {
      if (!existing) await tx.insert(subjects).values({ id: subjectId, status: 'active', createdAt: now });
      if (missing.length > 0) {
        await tx.insert(subjectIdentities).values(
          missing.map(([kind, value]) => ({
            id: randomUUID(),
            subjectId,
            kind,
            lookupHash: lookupHash(kind, value),
            ciphertext: sealText(key, value, identityAad(subjectId, kind)),
            createdAt: now,
          })),
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
    });
    return { subjectId, created: !existing, identitiesAdded: missing.map(([k]) => k) };
  }

  async function lookup(actor: string, kind: IdentityKind, raw: string): Promise<string | null> {
    const identities = normalizeIdentities({ [kind]: raw });
    const found = await findSubjectIds(identities);
    const subjectId = found.get(kind) ?? null;
    await stores.data.transaction((tx) =>
      audit.append(tx, [
        { actor, action: 'subject.lookup', subjectId, details: { by: kind, found: subjectId !== null } },
      ]),
    );
    return subjectId;
  }

  async function requireSubject(db: Pick<DataTx, 'select'>, subjectId: string) {
    const [row] = await db.select().from(subjects).where(eq(subjects.id, subjectId));
    if (!row || row.status === 'destroyed') {
      throw new DomainError(ErrorCodes.NOT_FOUND, `Субъект ${subjectId} не найден / Subject not found`, {
        issues: [{ path: 'subjectId', message: 'unknown subject' }],
      });
    }
    return row;
  }

  async function getSubject(actor: string, subjectId: string) {
    return stores.data.transaction(async (tx) => {
      const subject = await requireSubject(tx, subjectId);
      const identities = await tx
        .select({ kind: subjectIdentities.kind, createdAt: subjectIdentities.createdAt })
        .from(subjectIdentities)
        .where(eq(subjectIdentities.subjectId, subjectId));
      await audit.append(tx, [{ actor, action: 'subject.read', subjectId }]);
      return { ...subject, identities };
    });
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
  async function chooseBases(tx: DataTx, subjectId: string, purposes: Purpose[], input: CollectInput) {
    const live = await tx
      .select({ id: consents.id, purposeId: consents.purposeId, kind: consents.kind })
      .from(consents)
      .where(
        and(
          eq(consents.subjectId, subjectId),
          inArray(
            consents.purposeId,
            purposes.map((p) => p.id),
          ),
          eq(consents.status, 'active'),
        ),
      );
    return purposes.map((p): ValueBasis => {
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
      if (basisOf('contract') && !basisOf('consent') && !basisOf('publication_consent'))
        return use('contract');
      return use(
        basisOf('consent') ? 'consent' : basisOf('publication_consent') ? 'publication_consent' : 'contract',
      );
    });
  }

  async function collect(actor: string, subjectId: string, input: CollectInput): Promise<StoredValueMeta[]> {
    const purposes = [...new Set(input.purposes)].map((id) => rules.purpose(id));
    const fieldIds = Object.keys(input.values);
    if (fieldIds.length === 0) {
      throw validationError('Нет значений для сохранения / No values given', [
        { path: 'values', message: 'ожидается хотя бы одно поле' },
      ]);
    }
    checkFieldsAllowed(purposes, fieldIds);
    const issues: ErrorIssue[] = [];
    const normalized = new Map<string, unknown>();
    for (const id of fieldIds) {
      const result = normalizeFieldValue(id, rules.field(id)!.type, input.values[id]);
      if ('issue' in result) issues.push(result.issue);
      else normalized.set(id, result.value);
    }
    if (issues.length > 0) throw validationError('Неверные значения полей / Invalid field values', issues);

    await requireSubject(stores.data, subjectId);
    const key = await deps.keyStore.getSubjectKey(subjectId);
    const purposeIds = purposes.map((p) => p.id).sort();
    const now = deps.clock();

    return stores.data.transaction(async (tx) => {
      const subject = await requireSubject(tx, subjectId);
      if (subject.status === 'blocked') {
        throw new DomainError(
          ErrorCodes.FORBIDDEN,
          `Данные субъекта ${subjectId} заблокированы / Subject is blocked`,
        );
      }
      const legalBases = await chooseBases(tx, subjectId, purposes, input);
      const existing = await tx
        .select({ id: personalValues.id, fieldId: personalValues.fieldId, purposes: personalValues.purposes })
        .from(personalValues)
        .where(
          and(
            eq(personalValues.subjectId, subjectId),
            inArray(personalValues.fieldId, fieldIds),
            eq(personalValues.status, 'active'),
          ),
        );
      const stored: StoredValueMeta[] = [];
      for (const fieldId of fieldIds) {
        const ciphertext = sealText(
          key,
          JSON.stringify(normalized.get(fieldId)),
          valueAad(subjectId, fieldId),
        );
        // A value collected again for the same purposes replaces the one held; other purposes keep theirs.
        const same = existing.find(
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
          await tx
            .update(personalValues)
            .set({ ciphertext, legalBases, source: input.source, updatedAt: now })
            .where(eq(personalValues.id, same.id));
          stored.push({ id: same.id, ...meta, action: 'updated' });
        } else {
          const id = randomUUID();
          await tx.insert(personalValues).values({
            id,
            subjectId,
            fieldId,
            ciphertext,
            purposes: purposeIds,
            legalBases,
            source: input.source,
            collectedAt: now,
            updatedAt: now,
          });
          stored.push({ id, ...meta, action: 'created' });
        }
      }
      const created = stored.filter((s) => s.action === 'created').map((s) => s.field);
      const updated = stored.filter((s) => s.action === 'updated').map((s) => s.field);
      const details = { purposes: purposeIds, bases: legalBases.map((b) => b.type), source: input.source };
      await audit.append(tx, [
        ...(created.length
          ? [
              {
                actor,
                action: 'data.create' as const,
                subjectId,
                purposeId: purposeIds[0],
                fieldIds: created,
                details,
              },
            ]
          : []),
        ...(updated.length
          ? [
              {
                actor,
                action: 'data.update' as const,
                subjectId,
                purposeId: purposeIds[0],
                fieldIds: updated,
                details,
              },
            ]
          : []),
      ]);
      return stored;
    });
  }

  /** Reads are always for a purpose: only values held for it are returned, and the read is recorded. */
  async function readForPurpose(actor: string, subjectId: string, purposeId: string): Promise<ReadValue[]> {
    rules.purpose(purposeId);
    const key = await deps.keyStore.getSubjectKey(subjectId);
    const rows = await stores.data.transaction(async (tx) => {
      const subject = await requireSubject(tx, subjectId);
      if (subject.status === 'blocked') {
        await audit.append(tx, [
          { actor, action: 'access.refused', subjectId, purposeId, details: { reason: 'blocked' } },
        ]);
        return null;
      }
      const found = await tx
        .select()
        .from(personalValues)
        .where(
          and(
            eq(personalValues.subjectId, subjectId),
            eq(personalValues.status, 'active'),
            arrayContains(personalValues.purposes, [purposeId]),
          ),
        );
      await audit.append(tx, [
        { actor, action: 'data.read', subjectId, purposeId, fieldIds: found.map((r) => r.fieldId) },
      ]);
      return found;
    });
    if (rows === null) {
      throw new DomainError(
        ErrorCodes.FORBIDDEN,
        `Данные субъекта ${subjectId} заблокированы / Subject is blocked`,
      );
    }
    return rows.map((row) => ({
      id: row.id,
      field: row.fieldId,
      value: JSON.parse(openText(key, row.ciphertext, valueAad(subjectId, row.fieldId))),
      purposes: row.purposes,
      legalBases: row.legalBases,
      source: row.source,
      collectedAt: row.collectedAt,
      updatedAt: row.updatedAt,
    }));
  }

  /** One call for a website backend: find or create the subject by its identifiers, then collect. */
  async function collectForIdentity(actor: string, identities: Identities, input: CollectInput) {
    const subject = await ensureSubject(actor, identities);
    const values = await collect(actor, subject.subjectId, input);
    return { ...subject, values };
  }

  return { ensureSubject, lookup, getSubject, collect, collectForIdentity, readForPurpose, requireSubject };
}

export type VaultService = ReturnType<typeof createVaultService>;
