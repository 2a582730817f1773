// The audit chain: every entry is MACed together with the previous entry's MAC (HMAC-SHA256 under a key
// derived from the store's derivation root, kept under the master key), so an edit, removal or reordering of
// any row breaks the chain at that row, and someone with database access but without the master key cannot
// re-forge the chain after an edit.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import type { AuditAnchor } from './audit-anchor.js';

export const AuditActions = [
  'subject.create',
  'subject.identity_add',
  'subject.lookup',
  'subject.read',
  'data.create',
  'data.update',
  'data.read',
  'data.export',
  'data.purpose_released',
  'data.mark_for_destruction',
  'data.destroy',
  'data.rectify',
  'subject.block',
  'subject.unblock',
  'consent.grant',
  'consent.withdraw',
  'consent.read',
  'obligation.create',
  'obligation.fulfil',
  'api_key.create',
  'api_key.revoke',
  'audit.verify',
  'access.refused',
  'request.receive',
  'request.duplicate',
  'request.read',
  'request.classify',
  'request.assign',
  'request.verification_sent',
  'request.verification_failed',
  'request.verify',
  'request.extend',
  'request.execute',
  'request.answer',
  'request.refuse',
  'request.answer_sent',
  'mail.receive',
  'data.anonymise',
  'subject.destroy',
  'retention.event',
  'retention.liquidation',
  'retention.hold',
  'retention.hold_lift',
  'retention.act',
  'retention.act_expired',
  'retention.paper_destroy',
  'staff.create',
  'staff.update',
  'staff.sign_in',
  'staff.sign_in_refused',
  'staff.locked',
  'staff.session_end',
  'staff.totp_setup',
  'staff.totp_enabled',
  'staff.password_reset_requested',
  'staff.password_reset',
  'staff.password_reset_mailed',
  'staff.totp_setup_refused',
  'role.save',
  'access_list.propose',
  'access_list.approve',
  'access_list.reject',
  'recipient.save',
  'disclosure.make',
  'disclosure.refused',
  'data.read_record',
  'publication.read',
  'master_key.rotation_start',
  'master_key.rotation_complete',
] as const;
export type AuditAction = (typeof AuditActions)[number];

export interface AuditEntryInput {
  actor: string;
  action: AuditAction;
  subjectId?: string | null;
  purposeId?: string | null;
  fieldIds?: string[];
  /** Identifiers and facts only, never personal-data values. */
  details?: Record<string, unknown>;
}

interface ChainedFields {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subjectId: string | null;
  purposeId: string | null;
  fieldIds: string[];
  details: Record<string, unknown>;
}

export type AuditVerification =
  | { ok: true; entries: number; headSeq: number }
  | {
      ok: false;
      entries: number;
      /** The first entry at which the chain is broken. */
      seq: number;
      problem: 'changed' | 'removed' | 'reordered' | 'truncated' | 'replaced';
      message: string;
      /** The last position anchored outside the data store, when the chain falls short of it or departs from it. */
      anchoredSeq?: number;
    };

const GENESIS = Buffer.alloc(32);

interface AuditRow {
  seq: string | number;
  at: Date;
  actor: string;
  action: string;
  subject_id: string | null;
  purpose_id: string | null;
  field_ids: string[];
  details: Record<string, unknown>;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

export function createAuditService(deps: {
  auditKey: Buffer;
  clock: () => Date;
  /** Told after each append (the head is then anchored outside the data store, see audit-anchor.ts). */
  onAppend?: () => void;
}) {
  function mac(prev: Uint8Array, entry: ChainedFields): Buffer {
    const payload = canonicalJson({
      seq: entry.seq,
      at: entry.at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      subjectId: entry.subjectId,
      purposeId: entry.purposeId,
      fieldIds: entry.fieldIds,
      details: entry.details,
    });
    return createHmac('sha256', deps.auditKey).update(prev).update(payload, 'utf8').digest();
  }

  // The chain head as this process last wrote or read it. Where this process is the only writer (always
  // with PGlite, and a single instance on PostgreSQL) it is the true head and an append is one statement.
  // When another writer moved the head, the conditional update below matches no row, and the append reads
  // the head under its row lock and chains again. Correctness rests on the condition, never on this memory.
  let knownHead: { seq: number; hash: Buffer } | null = null;
  /** From this many entries an append sends them as one JSON document instead of ten parameters each. */
  const BULK_ENTRIES = 50;

  /** Entries chained after head; their statement's parameters start after `offset` parameters of the caller. */
  function chain(head: { seq: number; hash: Uint8Array }, entries: AuditEntryInput[], offset = 0) {
    let seq = head.seq;
    let prev: Buffer = Buffer.from(head.hash);
    const at = deps.clock();
    const params: unknown[] = [];
    const tuples: string[] = [];
    // Large appends (a sweep's batch) travel as one JSON document: binding ten parameters per entry makes a
    // statement of thousands of parameters that costs more to parse and plan than to run.
    const bulk = entries.length >= BULK_ENTRIES;
    const rows: unknown[] = [];
    for (const input of entries) {
      seq += 1;
      const fields: ChainedFields = {
        seq,
        at,
        actor: input.actor,
        action: input.action,
        // The uuid column gives it back in lower case; MACed in any other case the entry would fail verification.
        subjectId: input.subjectId?.toLowerCase() ?? null,
        purposeId: input.purposeId ?? null,
        fieldIds: input.fieldIds ?? [],
        details: input.details ?? {},
      };
      const hash = mac(prev, fields);
      if (bulk) {
        rows.push({
          seq,
          actor: fields.actor,
          action: fields.action,
          subject_id: fields.subjectId,
          purpose_id: fields.purposeId,
          field_ids: fields.fieldIds,
          details: fields.details,
          prev_hash: prev.toString('hex'),
          hash: hash.toString('hex'),
        });
        prev = hash;
        continue;
      }
      const n = offset + params.length + 4;
      tuples.push(
        `($${n + 1}::bigint, $${n + 2}::timestamptz, $${n + 3}::text, $${n + 4}::text, $${n + 5}::uuid, ` +
          `$${n + 6}::text, $${n + 7}::text[], $${n + 8}::jsonb, $${n + 9}::bytea, $${n + 10}::bytea)`,
      );
      params.push(
        seq,
        at,
        fields.actor,
        fields.action,
        fields.subjectId,
        fields.purposeId,
        fields.fieldIds,
        JSON.stringify(fields.details),
        prev,
        hash,
      );
      prev = hash;
    }
    const o = offset;
    if (bulk) params.push(at, JSON.stringify(rows));
    const source = bulk
      ? `SELECT e.seq, $${o + 5}::timestamptz, e.actor, e.action, e.subject_id, e.purpose_id, e.field_ids, e.details,
                decode(e.prev_hash, 'hex'), decode(e.hash, 'hex')
         FROM jsonb_to_recordset($${o + 6}::jsonb) AS e(seq bigint, actor text, action text, subject_id uuid,
              purpose_id text, field_ids text[], details jsonb, prev_hash text, hash text)`
      : `SELECT * FROM (VALUES ${tuples.join(', ')}) AS entry`;
    return {
      next: { seq, hash: prev },
      /** Moves the head from the base it was chained on; matches no row when the head is elsewhere. */
      moveHead: (extraCondition = 'true') =>
        `UPDATE audit_head SET seq = $${o + 1}, hash = $${o + 2}
         WHERE id = 1 AND seq = $${o + 3} AND hash = $${o + 4} AND ${extraCondition} RETURNING 1`,
      insertEntries: `INSERT INTO audit_log (seq, at, actor, action, subject_id, purpose_id, field_ids, details, prev_hash, hash)
            ${source}
            WHERE EXISTS (SELECT 1 FROM moved)
            RETURNING seq`,
      params: (base: { seq: number; hash: Uint8Array }) => [
        seq,
        prev,
        base.seq,
        Buffer.from(base.hash),
        ...params,
      ],
    };
  }

  const appendSql = (built: ReturnType<typeof chain>) =>
    `WITH moved AS (${built.moveHead()}) ${built.insertEntries}`;

  /**
   * One statement chained after the head this process last saw. False when there is none or another writer
   * moved it; the claim is then forgotten, so the next append reads the true head under its lock.
   */
  async function appendAtKnownHead(sql: Sql, entries: AuditEntryInput[]): Promise<boolean> {
    if (!knownHead) return false;
    const base = knownHead;
    const built = chain(base, entries);
    // Claimed before the statement runs, so the next append in this process chains after this one.
    knownHead = built.next;
    try {
      const inserted = await sql.query(appendSql(built), built.params(base));
      if (inserted.length === entries.length) {
        deps.onAppend?.();
        return true;
      }
    } catch (error) {
      if (knownHead === built.next) knownHead = null;
      throw error;
    }
    if (knownHead === built.next) knownHead = null;
    return false;
  }

  /** Appends entries inside the caller's transaction: the business change and its record commit together. */
  async function append(tx: Sql, entries: AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    if (await appendAtKnownHead(tx, entries)) return;
    // The head's row lock serialises appends across connections and instances until this transaction ends.
    const [row] = await tx.query<{ seq: string | number; hash: Uint8Array }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
    );
    if (!row) throw new Error('audit_head row is missing: the data store was not migrated');
    const base = { seq: Number(row.seq), hash: row.hash };
    const built = chain(base, entries);
    knownHead = built.next;
    const inserted = await tx.query(appendSql(built), built.params(base));
    if (inserted.length !== entries.length) throw new Error('audit head moved while its row lock was held');
    deps.onAppend?.();
  }

  /**
   * Entries that are the whole change (a lookup, a refusal, a sent answer): one statement, atomic without a
   * transaction, when this process knows the head; otherwise a transaction of their own that takes the head's
   * lock. Saves the BEGIN and COMMIT round trips of a transaction opened only to append.
   */
  async function appendAlone(stores: Pick<Stores, 'sql' | 'transaction'>, entries: AuditEntryInput[]) {
    if (entries.length === 0) return;
    if (await appendAtKnownHead(stores.sql, entries)) return;
    await stores.transaction((tx) => append(tx, entries));
  }

  /**
   * A business write and its audit entries in one statement: atomic without a transaction, one round trip.
   * `change.guard` is a boolean SQL expression checked first; `change.write` is one data-modifying statement
   * that must write only `WHERE EXISTS (SELECT 1 FROM moved)`, i.e. only when the head moved. Both use
   * $1…$k of `change.params`. Nothing is written unless the guard holds and the head is where this process
   * last left it; the answer says which, and the caller then takes its transaction path (with append).
   */
  async function appendWith(
    sql: Sql,
    entries: AuditEntryInput[],
    change: { guard: string; write: string; params: unknown[] },
  ): Promise<'written' | 'guard_failed' | 'head_unknown'> {
    if (!knownHead || entries.length === 0) return 'head_unknown';
    const base = knownHead;
    const built = chain(base, entries, change.params.length);
    knownHead = built.next;
    try {
      const [result] = await sql.query<{ guard_ok: boolean; logged: string | number }>(
        `WITH guard AS (SELECT (${change.guard}) AS ok),
              moved AS (${built.moveHead('(SELECT ok FROM guard)')}),
              changed AS (${change.write}),
              logged AS (${built.insertEntries})
         SELECT (SELECT ok FROM guard) AS guard_ok, (SELECT count(*) FROM logged) AS logged`,
        [...change.params, ...built.params(base)],
        // One text per batch size: a small set, worth keeping prepared.
        { prepare: true },
      );
      if (Number(result!.logged) === entries.length) {
        deps.onAppend?.();
        return 'written';
      }
      // Nothing was written: forget the claimed head so the next append reads the true one under its lock.
      if (knownHead === built.next) knownHead = null;
      return result!.guard_ok ? 'head_unknown' : 'guard_failed';
    } catch (error) {
      if (knownHead === built.next) knownHead = null;
      throw error;
    }
  }

  /**
   * Walks the chain in order and names the first entry that was changed, removed or reordered; then compares it
   * with the positions anchored outside the data store (the key store, signed documents): a chain that ends
   * before one, or holds another entry there, lost its tail.
   */
  async function verify(sql: Sql, anchors: AuditAnchor[] = [], batchSize = 5000): Promise<AuditVerification> {
    const anchoredHashes = new Map<number, Uint8Array>();
    const anchoredSeqs = new Set(anchors.map((a) => a.seq));
    const [head] = await sql.query<{ seq: string | number; hash: Uint8Array }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    let expectedSeq = 1;
    let prev: Uint8Array = GENESIS;
    let entries = 0;
    let lastSeq = 0;
    for (;;) {
      const raw = await sql.query<AuditRow>(
        `SELECT seq, at, actor, action, subject_id, purpose_id, field_ids, details, prev_hash, hash
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [lastSeq, batchSize],
      );
      for (const r of raw) {
        const row = {
          seq: Number(r.seq),
          at: r.at,
          actor: r.actor,
          action: r.action,
          subjectId: r.subject_id,
          purposeId: r.purpose_id,
          fieldIds: r.field_ids,
          details: r.details,
          prevHash: r.prev_hash,
          hash: r.hash,
        };
        if (row.seq !== expectedSeq) {
          return {
            ok: false,
            entries,
            seq: expectedSeq,
            problem: 'removed',
            message: `Запись ${expectedSeq} удалена из журнала (следующая найденная — ${row.seq}). Entry ${expectedSeq} was removed.`,
          };
        }
        if (!equalBytes(row.prevHash, prev)) {
          return {
            ok: false,
            entries,
            seq: row.seq,
            problem: 'reordered',
            message: `Запись ${row.seq} не ссылается на предыдущую: порядок записей нарушен или запись перед ней подменена. Entry ${row.seq} does not link to its predecessor.`,
          };
        }
        if (!equalBytes(mac(prev, row), row.hash)) {
          return {
            ok: false,
            entries,
            seq: row.seq,
            problem: 'changed',
            message: `Запись ${row.seq} изменена: её содержимое не совпадает с подписью цепочки. Entry ${row.seq} was changed.`,
          };
        }
        if (anchoredSeqs.has(row.seq)) anchoredHashes.set(row.seq, row.hash);
        prev = row.hash;
        expectedSeq += 1;
        entries += 1;
        lastSeq = row.seq;
      }
      if (raw.length < batchSize) break;
    }
    const headSeq = Number(head?.seq ?? 0);
    if (headSeq !== lastSeq || (head && !equalBytes(head.hash, prev))) {
      return {
        ok: false,
        entries,
        seq: lastSeq + 1,
        problem: 'truncated',
        message: `Журнал обрезан: последняя запись ${lastSeq}, а вершина цепочки — ${headSeq}. The log was truncated after entry ${lastSeq}.`,
      };
    }
    // The furthest anchor first: it names the most of what is missing.
    for (const anchor of [...anchors].sort((a, b) => b.seq - a.seq)) {
      const where = anchor.source;
      if (anchor.seq > lastSeq) {
        return {
          ok: false,
          entries,
          seq: lastSeq + 1,
          problem: 'truncated',
          anchoredSeq: anchor.seq,
          message: `Журнал обрезан: последняя запись ${lastSeq}, а закреплённая позиция цепочки (${where.ru}) — ${anchor.seq}; записи ${lastSeq + 1}–${anchor.seq} отсутствуют. The log's tail is missing: it ends at entry ${lastSeq}, the position anchored in ${where.en} is ${anchor.seq}.`,
        };
      }
      const found = anchoredHashes.get(anchor.seq);
      if (!found || !equalBytes(found, anchor.hash)) {
        return {
          ok: false,
          entries,
          seq: anchor.seq,
          problem: 'replaced',
          anchoredSeq: anchor.seq,
          message: `Запись ${anchor.seq} не та, что закреплена (${where.ru}): журнал с этой позиции заменён или начат заново. Entry ${anchor.seq} is not the one anchored in ${where.en}: the log was replaced or restarted.`,
        };
      }
    }
    return { ok: true, entries, headSeq };
  }

  /**
   * Whether this service's key made the chain's first entry: null when the chain is empty. Tells, on an upgrade,
   * whether a master key is the one the store was written with.
   */
  async function keyMatchesFirstEntry(sql: Sql): Promise<boolean | null> {
    const [r] = await sql.query<AuditRow>(
      `SELECT seq, at, actor, action, subject_id, purpose_id, field_ids, details, prev_hash, hash
       FROM audit_log ORDER BY seq LIMIT 1`,
    );
    if (!r) return null;
    const entry: ChainedFields = {
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      subjectId: r.subject_id,
      purposeId: r.purpose_id,
      fieldIds: r.field_ids,
      details: r.details,
    };
    return equalBytes(mac(r.prev_hash, entry), r.hash);
  }

  /** The head this process last claimed (null when it does not know it). */
  const claimedSeq = (): number | null => knownHead?.seq ?? null;

  return { append, appendAlone, appendWith, verify, keyMatchesFirstEntry, claimedSeq };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export type AuditService = ReturnType<typeof createAuditService>;
