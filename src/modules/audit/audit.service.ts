// The audit chain: every entry is MACed together with the previous entry's MAC (HMAC-SHA256 under a key
// derived from the master key), so an edit, removal or reordering of any row breaks the chain at that row,
// and someone with database access but without the master key cannot re-forge the chain after an edit.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { asc, eq, gt } from 'drizzle-orm';
import type { DataDb, DataTx } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { auditHead, auditLog } from './audit.table.js';

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
  async function append(tx: DataTx, entries: AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    // The row lock on the head serialises appends across connections and instances.
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
    if (!head) throw new Error('audit_head row is missing: the data store was not migrated');
    let seq = head.seq;
    let prev: Uint8Array = head.hash;
    const at = deps.clock();
    const rows = entries.map((input) => {
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
      const row = { ...fields, prevHash: Buffer.from(prev), hash };
      prev = hash;
      return row;
    });
    await tx.insert(auditLog).values(rows);
    await tx
      .update(auditHead)
      .set({ seq, hash: Buffer.from(prev) })
      .where(eq(auditHead.id, 1));
  }

  /** Walks the chain in order and names the first entry that was changed, removed or reordered. */
  async function verify(db: DataDb, batchSize = 5000): Promise<AuditVerification> {
    const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
    let expectedSeq = 1;
    let prev: Uint8Array = GENESIS;
    let entries = 0;
    let lastSeq = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(gt(auditLog.seq, lastSeq))
        .orderBy(asc(auditLog.seq))
        .limit(batchSize);
      for (const row of rows) {
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
      if (rows.length < batchSize) break;
    }
    const headSeq = head?.seq ?? 0;
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
