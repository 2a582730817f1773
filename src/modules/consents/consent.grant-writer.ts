// Writing grants: group commit through a batch queue, the common case as one statement with its audit entries
// (audit.appendWith), and every other case item by item in a transaction of its own, which names the
// duplicate or the missing subject.
import type { Stores } from '../../db/database.js';
import { isDeadlock, isUniqueViolation } from '../../db/errors.js';
import { createBatchQueue, type ItemOutcome } from '../../lib/batch-queue.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { ConsentRecord } from './consent.record.js';

/** A checked grant waiting to be written: its row and its evidence already sealed under the subject's key. */
export interface PendingGrant {
  actor: string;
  row: ConsentRecord;
  /** The text column: the subject's own text, or null when it is the cited form's. */
  storedText: string | null;
  sealedEvidence: Buffer;
}

/**
 * Whether the row t(s, p, k) of an unnest has a live consent. Written as a scalar subquery on purpose: it stays a
 * per-row probe of the unique index, where a join would let the planner hash every live consent when the
 * table's statistics are stale (always on PGlite, which has no autovacuum): 10.5 ms against 0.4 ms at 10,000.
 */
const LIVE_CONSENT_OF_T = `EXISTS (SELECT 1 FROM consents c
  WHERE c.subject_id = t.s AND c.purpose_id = t.p AND c.kind = t.k AND c.status = 'active')`;

const CONSENT_INSERT_COLUMNS = [
  'id',
  'subject_id',
  'purpose_id',
  'kind',
  'status',
  'granted_at',
  'channel',
  'text',
  'text_sha256',
  'policy_version',
  'form_sha256',
  'lang',
  'evidence_ciphertext',
  'data_fields',
  'term',
  'third_party_transfer',
  'cross_border_transfer',
  'publication_allowed',
  'publication_fields',
  'transfer_recipients',
];

/** One grant's VALUES tuple, its parameters numbered after `n` others. */
const consentValues = (g: PendingGrant, n: number) => ({
  tuple:
    `($${n + 1}::uuid, $${n + 2}::uuid, $${n + 3}, $${n + 4}, 'active', $${n + 5}::timestamptz, $${n + 6}, $${n + 7}, ` +
    `$${n + 8}, $${n + 9}, $${n + 10}, $${n + 11}, $${n + 12}::bytea, $${n + 13}::text[], $${n + 14}, ` +
    `$${n + 15}::boolean, $${n + 16}::boolean, $${n + 17}::boolean, $${n + 18}::jsonb, $${n + 19}::text[])`,
  params: [
    g.row.id,
    g.row.subjectId,
    g.row.purposeId,
    g.row.kind,
    g.row.grantedAt,
    g.row.channel,
    g.storedText,
    g.row.textSha256,
    g.row.policyVersion,
    g.row.formSha256,
    g.row.lang,
    g.sealedEvidence,
    g.row.dataFields,
    g.row.term,
    g.row.thirdPartyTransfer,
    g.row.crossBorderTransfer,
    g.row.publicationAllowed,
    g.row.publicationFields ? JSON.stringify(g.row.publicationFields) : null,
    g.row.transferRecipients,
  ],
});

const grantAudit = (g: PendingGrant): AuditEntryInput => ({
  actor: g.actor,
  action: 'consent.grant',
  subjectId: g.row.subjectId,
  purposeId: g.row.purposeId,
  fieldIds: g.row.publicationFields ? g.row.publicationFields.map((f) => f.field) : g.row.dataFields,
  details: {
    consentId: g.row.id,
    kind: g.row.kind,
    channel: g.row.channel,
    policyVersion: g.row.policyVersion,
    textSha256: g.row.textSha256,
    formSha256: g.row.formSha256,
    lang: g.row.lang,
  },
});

const duplicateGrant = (purposeId: string) =>
  new DomainError(
    ErrorCodes.CONSENT_ALREADY_GRANTED,
    `Согласие субъекта на цель «${purposeId}» уже действует; повторное не записано. ` +
      'A live consent for this purpose already exists.',
    { issues: [{ path: 'purpose', message: 'duplicate grant' }] },
  );
const unknownSubject = (subjectId: string) =>
  new DomainError(ErrorCodes.NOT_FOUND, `Субъект ${subjectId} не найден / Subject not found`);

export function createGrantWriter(deps: { stores: Stores; audit: AuditService }) {
  const { stores, audit } = deps;

  /**
   * One grant in its own transaction; the partial unique index refuses a duplicate. The subject row is read
   * FOR SHARE: the consent's foreign key takes only KEY SHARE, which the sweep's `UPDATE subjects SET status =
   * 'destroyed'` does not block, so an unlocked read could write a live consent on a subject being destroyed.
   * FOR SHARE waits for that update and then re-reads the row, now destroyed.
   */
  async function writeOneGrant(g: PendingGrant, attempt = 0): Promise<ConsentRecord> {
    try {
      return await stores.transaction(async (tx) => {
        const { tuple, params } = consentValues(g, 0);
        // cross-module read: subjects (owner: vault), locked FOR SHARE against a concurrent destruction
        const inserted = await tx.query(
          `INSERT INTO consents (${CONSENT_INSERT_COLUMNS.join(', ')}) SELECT * FROM (VALUES ${tuple}) AS c
           WHERE EXISTS (SELECT 1 FROM subjects WHERE id = $2 AND status <> 'destroyed' FOR SHARE) RETURNING id`,
          params,
        );
        if (inserted.length === 0) throw unknownSubject(g.row.subjectId);
        await audit.append(tx, [grantAudit(g)]);
        return g.row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateGrant(g.row.purposeId);
      // Two instances granting for the same subject at once: one holds the consent's index entry and waits for
      // the audit head, the other the reverse. PostgreSQL aborts one; run it again (it then finds the winner).
      if (isDeadlock(error) && attempt < 3) return writeOneGrant(g, attempt + 1);
      throw error;
    }
  }

  /**
   * The common case in one statement: every subject exists (its row locked FOR SHARE, as in writeOneGrant; the
   * lock sits in a subquery because an aggregate cannot take it) and none of the grants duplicates a live
   * consent, so the batch's rows and audit entries are written together without a transaction. False when
   * that does not hold or the audit head must be read first.
   */
  async function writeGrantsAtOnce(items: PendingGrant[]): Promise<boolean> {
    const keys = items.map((g) => `${g.row.subjectId}|${g.row.purposeId}|${g.row.kind}`);
    if (new Set(keys).size !== keys.length) return false;
    const subjectIds = [...new Set(items.map((g) => g.row.subjectId))];
    const params: unknown[] = [
      subjectIds,
      items.map((g) => g.row.subjectId),
      items.map((g) => g.row.purposeId),
      items.map((g) => g.row.kind),
    ];
    const tuples: string[] = [];
    for (const g of items) {
      const values = consentValues(g, params.length);
      tuples.push(values.tuple);
      params.push(...values.params);
    }
    try {
      // cross-module read: subjects (owner: vault), locked FOR SHARE against a concurrent destruction
      const result = await audit.appendWith(stores.ordered ?? stores.sql, items.map(grantAudit), {
        guard: `(SELECT count(*) FROM (SELECT 1 FROM subjects WHERE id = ANY($1::uuid[]) AND status <> 'destroyed'
                  FOR SHARE) AS live) = ${subjectIds.length}
          AND NOT (SELECT coalesce(bool_or(${LIVE_CONSENT_OF_T}), false)
                   FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(s, p, k))`,
        insert: { into: 'consents', columns: CONSENT_INSERT_COLUMNS, rows: `VALUES ${tuples.join(', ')}` },
        params,
      });
      return result === 'written';
    } catch (error) {
      // A grant of another connection or instance came first: the item-by-item path names the duplicate.
      // Two instances' batch statements can also deadlock on the audit head and a consent key: PostgreSQL
      // aborts one, which then takes the item-by-item path (and, there, retries).
      if (isUniqueViolation(error) || isDeadlock(error)) return false;
      throw error;
    }
  }

  /** Grants that arrived together: one statement when nothing is wrong, else each in its own transaction. */
  async function writeGrants(items: PendingGrant[]): Promise<ItemOutcome<ConsentRecord>[]> {
    if (await writeGrantsAtOnce(items)) return items.map((g) => ({ ok: true, value: g.row }));
    // In turn, not at once: a duplicate within the batch then meets the grant written before it.
    const outcomes: ItemOutcome<ConsentRecord>[] = [];
    for (const g of items) {
      try {
        outcomes.push({ ok: true, value: await writeOneGrant(g) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  // Group commit: grants that arrive while a batch is being written go out together with the next one.
  // On PostgreSQL two batches may be in flight (the queue's halves, see batch-queue.ts): the database writes
  // one while this process answers the other and gathers the next. The second batch chains its audit entries
  // after the head the first one claimed in memory, so it must reach the database after the first; on the
  // pool it often overtook it, found the head unmoved and fell back to the item-by-item path. Both therefore
  // go through `stores.ordered`, one connection that sends statements in the order they were issued. PGlite
  // runs on this thread, so there is nothing to overlap and one batch at a time.
  const queue = createBatchQueue(writeGrants, { maxBatch: 64, inFlight: stores.ordered ? 2 : 1 });

  return {
    /** Writes a checked grant with its audit entry; refuses a duplicate live consent or a missing subject. */
    write: (g: PendingGrant) => queue.submit(g),
  };
}
