// The audit chain: every entry is MACed together with the previous entry's MAC (HMAC-SHA256 under a key
// derived from the master key), so an edit, removal or reordering of any row breaks the chain at that row,
// and someone with database access but without the master key cannot re-forge the chain after an edit.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';

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
  'consent.grant',
  'consent.withdraw',
  'consent.read',
  'obligation.create',
  'obligation.fulfil',
  'api_key.create',
  'api_key.revoke',
  'audit.verify',
  'access.refused',
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
      problem: 'changed' | 'removed' | 'reordered' | 'truncated';
      message: string;
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

export function createAuditService(deps: { auditKey: Buffer; clock: () => Date }) {
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

  /** Appends entries inside the caller's transaction: the business change and its record commit together. */
  async function append(tx: Sql, entries: AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    // Moving the head first takes its row lock: appends from all connections and instances queue here,
    // and the lock is held only for the one statement that follows and the commit.
    const [head] = await tx.query<{ seq: string | number; hash: Uint8Array }>(
      'UPDATE audit_head SET seq = seq + $1 WHERE id = 1 RETURNING seq, hash',
      [entries.length],
    );
    if (!head) throw new Error('audit_head row is missing: the data store was not migrated');
    let seq = Number(head.seq) - entries.length;
    let prev: Uint8Array = head.hash;
    const at = deps.clock();
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const input of entries) {
      seq += 1;
      const fields: ChainedFields = {
        seq,
        at,
        actor: input.actor,
        action: input.action,
        subjectId: input.subjectId ?? null,
        purposeId: input.purposeId ?? null,
        fieldIds: input.fieldIds ?? [],
        details: input.details ?? {},
      };
      const hash = mac(prev, fields);
      const n = params.length;
      tuples.push(
        `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::uuid, $${n + 6}, $${n + 7}::text[], $${n + 8}::jsonb, $${n + 9}, $${n + 10})`,
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
        Buffer.from(prev),
        hash,
      );
      prev = hash;
    }
    params.push(Buffer.from(prev));
    await tx.query(
      `WITH appended AS (
         INSERT INTO audit_log (seq, at, actor, action, subject_id, purpose_id, field_ids, details, prev_hash, hash)
         VALUES ${tuples.join(', ')}
       )
       UPDATE audit_head SET hash = $${params.length} WHERE id = 1`,
      params,
    );
  }

  /** Walks the chain in order and names the first entry that was changed, removed or reordered. */
  async function verify(sql: Sql, batchSize = 5000): Promise<AuditVerification> {
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
    return { ok: true, entries, headSeq };
  }

  return { append, verify };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export type AuditService = ReturnType<typeof createAuditService>;
