// Collection: values checked against the register, then encrypted under the subject's key and written with
// their purposes, legal bases and retention dates, and the audit entry, in one transaction.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { sealText } from '../../lib/crypto.js';
import type { ErrorIssue } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import { startOfLocalDay } from '../calendar/dates.js';
import type { Purpose } from '../register/register.schema.js';
import {
  createRetentionAssessor,
  EVENTS_JSON_SQL,
  type EventJson,
  factsFrom,
  noFacts,
} from '../retention/retention.assess.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { normalizeFieldValue, validationError } from './field-values.js';
import { checkFieldsAllowed, chooseBases, type LiveConsent } from './vault.collect-rules.js';
import type { VaultIdentities } from './vault.identities.js';
import {
  type CollectInput,
  type Identities,
  type StoredValueMeta,
  type SubjectRow,
  subjectBlocked,
  subjectNotFound,
  valueAad,
} from './vault.model.js';
import type { ValueBasis } from './vault.table.js';

interface PreparedCollect {
  input: CollectInput;
  purposes: Purpose[];
  purposeIds: string[];
  fieldIds: string[];
  normalized: Map<string, unknown>;
}

interface ExistingValue {
  id: string;
  fieldId: string;
  purposes: string[];
  collectedAt: string;
}

/** What a collection reads of its subject, in one statement, the subject row share-locked. */
interface CollectState {
  status: SubjectRow['status'];
  live: LiveConsent[];
  existing: ExistingValue[];
  last_activity_at: Date | null;
  events: EventJson[] | null;
  liquidation: string | null;
}

/** When processing next ends for one of the value's purposes, and for all of them (null: not known yet). */
type RetentionDates = (collectedAt: Date) => [Date | null, Date | null];

export function createVaultCollection(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  identities: VaultIdentities;
  clock: () => Date;
}) {
  const { stores, audit, rules, identities } = deps;
  const retention = createRetentionAssessor(rules);

  /** Everything about a collection that can be checked without the database; throws before anything is written. */
  function prepareCollect(input: CollectInput): PreparedCollect {
    const purposes = [...new Set(input.purposes)].map((id) => rules.purpose(id));
    const fieldIds = Object.keys(input.values);
    if (fieldIds.length === 0) {
      throw validationError('Нет значений для сохранения / No values given', [
        { path: 'values', message: 'ожидается хотя бы одно поле' },
      ]);
    }
    checkFieldsAllowed(rules, purposes, fieldIds);
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
    const key = await identities.subjectKey(subjectId);
    return stores.transaction((tx) => writeCollected(tx, actor, subjectId, key, prepared));
  }

  /** One call for a website backend: find or create the subject by its identifiers, then collect. */
  // One transaction: a collection refused (unknown purpose, a field the purpose does not list, no live
  // consent, a value too long) leaves no subject, identity or audit entry behind.
  async function collectForIdentity(actor: string, subject: Identities, input: CollectInput) {
    const normalizedIdentities = identities.normalizeIdentities(subject);
    const prepared = prepareCollect(input);
    const { result: values, ...ensured } = await identities.withSubject(
      actor,
      normalizedIdentities,
      (tx, subjectId, key) => writeCollected(tx, actor, subjectId, key, prepared),
    );
    return { ...ensured, values: values ?? [] };
  }

  /** Writes a prepared collection in the caller's transaction: the values and their audit entry. */
  async function writeCollected(
    tx: Sql,
    actor: string,
    subjectId: string,
    key: Buffer,
    prepared: PreparedCollect,
  ): Promise<StoredValueMeta[]> {
    const now = deps.clock();
    const state = await lockCollectState(tx, subjectId, prepared);
    const legalBases = chooseBases(state.live, prepared.purposes, prepared.input);
    const retentionOf = retentionDates(state, prepared.purposeIds, legalBases, now);
    const stored: StoredValueMeta[] = [];
    for (const fieldId of prepared.fieldIds) {
      stored.push(
        await writeValue(tx, { subjectId, key, fieldId, prepared, state, legalBases, retentionOf, now }),
      );
    }
    await audit.append(tx, collectedEntries(actor, subjectId, stored, prepared, legalBases));
    return stored;
  }

  /** The subject's state, its live consents for these purposes, the values it already holds: one statement. */
  async function lockCollectState(tx: Sql, subjectId: string, prepared: PreparedCollect) {
    // cross-module read: consents (owner: consents), retention_events (owner: retention),
    // operator_state (owner: retention) — what the basis and the retention dates depend on.
    const [state] = await tx.query<CollectState>(
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
      [subjectId, prepared.purposeIds, prepared.fieldIds],
    );
    if (!state || state.status === 'destroyed') throw subjectNotFound(subjectId);
    if (state.status === 'blocked') throw subjectBlocked(subjectId);
    return state;
  }

  /** When processing for one of its purposes next ends, and for all of them (null: not known yet, e.g. a
   * contract still running). */
  function retentionDates(
    state: CollectState,
    purposeIds: string[],
    legalBases: ValueBasis[],
    now: Date,
  ): RetentionDates {
    const facts =
      state.events || state.last_activity_at ? factsFrom(state.last_activity_at, state.events) : noFacts();
    const liquidationAt = state.liquidation
      ? startOfLocalDay(state.liquidation, rules.register.operator.timezone)
      : null;
    return (collectedAt) => {
      const value = { purposes: purposeIds, legal_bases: legalBases, collected_at: collectedAt };
      const { ended, nextAt, lastEnd } = retention.assess(value, facts, liquidationAt, now);
      return [ended.length > 0 ? now : nextAt, lastEnd];
    };
  }

  /** One field's value, sealed: it replaces the one held for the same purposes, or is added beside the others. */
  async function writeValue(
    tx: Sql,
    w: {
      subjectId: string;
      key: Buffer;
      fieldId: string;
      prepared: PreparedCollect;
      state: CollectState;
      legalBases: ValueBasis[];
      retentionOf: RetentionDates;
      now: Date;
    },
  ): Promise<StoredValueMeta> {
    const { subjectId, fieldId, legalBases, now } = w;
    const { input, purposeIds } = w.prepared;
    const ciphertext = sealText(
      w.key,
      JSON.stringify(w.prepared.normalized.get(fieldId)),
      valueAad(subjectId, fieldId),
    );
    // A value collected again for the same purposes replaces the one held; other purposes keep theirs.
    const same = w.state.existing.find(
      (row) => row.fieldId === fieldId && [...row.purposes].sort().join() === purposeIds.join(),
    );
    const meta = { field: fieldId, purposes: purposeIds, legalBases, source: input.source, collectedAt: now };
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
          ...w.retentionOf(new Date(same.collectedAt)),
        ],
      );
      return { id: same.id, ...meta, action: 'updated' };
    }
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
        ...w.retentionOf(now),
      ],
    );
    return { id, ...meta, action: 'created' };
  }

  /** The collection's audit entries: one for the fields created, one for those updated. */
  function collectedEntries(
    actor: string,
    subjectId: string,
    stored: StoredValueMeta[],
    prepared: PreparedCollect,
    legalBases: ValueBasis[],
  ): AuditEntryInput[] {
    const { purposeIds, input } = prepared;
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
    return entries;
  }

  return { collect, collectForIdentity };
}
