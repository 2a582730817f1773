// Subjects and their identities: a subject is found through keyed hashes (HMAC) of its normalised identifiers,
// created with its own key when none matches, and locked before anything is written for it.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import { hmacSha256, sealText } from '../../lib/crypto.js';
import { DomainError, ErrorCodes, type ErrorIssue, isDomainError } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import {
  type IdentityKind,
  identityExpectations,
  normalizeIdentity,
  validationError,
} from './field-values.js';
import type { KeyStore } from './key-store.js';
import { type Identities, identityAad, type SubjectRow, subjectNotFound } from './vault.model.js';

const IDENTITY_KINDS: IdentityKind[] = ['email', 'phone', 'iin'];

/** What runs in the subject's transaction once it is found or created (a collection). */
export type InsideSubject<T> = (tx: Sql, subjectId: string, key: Buffer) => Promise<T>;

export interface SubjectEnsured {
  subjectId: string;
  created: boolean;
  identitiesAdded: IdentityKind[];
}

/** The subject found by its identities was destroyed (committed) before it could be locked. */
class DestroyedMeanwhile extends Error {
  constructor(readonly subjectId: string) {
    super('subject destroyed meanwhile');
  }
}

export function createVaultIdentities(deps: {
  stores: Stores;
  keyStore: KeyStore;
  audit: AuditService;
  identityKey: Buffer;
  clock: () => Date;
}) {
  const { stores, audit } = deps;

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

  /** The one subject the found identities name (none: undefined); identities of two subjects are a conflict. */
  function oneSubject(found: Map<IdentityKind, string>): string | undefined {
    const distinct = new Set(found.values());
    if (distinct.size > 1) {
      throw new DomainError(
        ErrorCodes.IDENTITY_CONFLICT,
        `Идентификаторы принадлежат разным субъектам (${[...found.keys()].join(', ')}). ` +
          'Identifiers belong to different subjects.',
        { issues: [...found.keys()].map((k) => ({ path: k, message: 'принадлежит другому субъекту' })) },
      );
    }
    return [...distinct][0];
  }

  /** Finds the subject these identities belong to, or creates one; adds identities it did not have yet. */
  async function ensureSubject(actor: string, input: Identities): Promise<SubjectEnsured> {
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
    inside: InsideSubject<T> | null,
  ): Promise<SubjectEnsured & { result: T | null }> {
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
    inside: InsideSubject<T> | null,
  ): Promise<SubjectEnsured & { result: T | null }> {
    const found = await findSubjectIds(identities);
    const existing = oneSubject(found);
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
    try {
      const result = await stores.transaction(async (tx) => {
        await writeSubject(tx, actor, { subjectId, key, existing: existing !== undefined, missing });
        return inside ? inside(tx, subjectId, key) : null;
      });
      return { subjectId, created: !existing, identitiesAdded: missing.map(([k]) => k), result };
    } catch (error) {
      if (!existing) await discardKey(subjectId);
      throw error;
    }
  }

  /** The subject's row (new) or its lock (existing), the identities it did not have yet, and their audit entry. */
  async function writeSubject(
    tx: Sql,
    actor: string,
    s: { subjectId: string; key: Buffer; existing: boolean; missing: [IdentityKind, string][] },
  ): Promise<void> {
    const { subjectId } = s;
    const now = deps.clock();
    if (s.existing) await lockLiveSubject(tx, subjectId);
    else {
      await tx.query('INSERT INTO subjects (id, status, created_at) VALUES ($1, $2, $3)', [
        subjectId,
        'active',
        now,
      ]);
    }
    for (const [kind, value] of s.missing) {
      await tx.query(
        `INSERT INTO subject_identities (id, subject_id, kind, lookup_hash, ciphertext, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          randomUUID(),
          subjectId,
          kind,
          lookupHash(kind, value),
          sealText(s.key, value, identityAad(subjectId, kind)),
          now,
        ],
      );
    }
    const kinds = s.missing.map(([kind]) => kind);
    if (!s.existing) {
      await audit.append(tx, [
        { actor, action: 'subject.create', subjectId, details: { identities: kinds } },
      ]);
    } else if (kinds.length > 0) {
      await audit.append(tx, [
        { actor, action: 'subject.identity_add', subjectId, details: { identities: kinds } },
      ]);
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

  /** The subject's key, or "subject not found" for an id that has none (never created, or destroyed). */
  async function subjectKey(subjectId: string): Promise<Buffer> {
    try {
      return await deps.keyStore.getSubjectKey(subjectId);
    } catch (error) {
      if (isDomainError(error) && error.code === ErrorCodes.NOT_FOUND) throw subjectNotFound(subjectId);
      throw error;
    }
  }

  return { normalizeIdentities, ensureSubject, withSubject, lookup, requireSubject, subjectKey };
}

export type VaultIdentities = ReturnType<typeof createVaultIdentities>;
