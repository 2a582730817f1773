// Reading the audit chain back: the MAC that links each entry to the previous one (the writer in
// audit.service.ts computes the same), and the walk that names the first broken entry, a truncated tail, or
// a chain that departs from a position anchored outside the data store.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import type { AuditAnchor } from './audit-anchor.js';

/** The fields of one entry that its MAC covers. */
export interface ChainedFields {
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

type Broken = Extract<AuditVerification, { ok: false }>;
export type ChainMac = (prev: Uint8Array, entry: ChainedFields) => Buffer;

export const GENESIS = Buffer.alloc(32);

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

const ROW_COLUMNS = 'seq, at, actor, action, subject_id, purpose_id, field_ids, details, prev_hash, hash';

/** HMAC-SHA256 of an entry's canonical JSON, keyed by the audit key and chained on the previous entry's MAC. */
export function chainMac(auditKey: Buffer): ChainMac {
  return (prev, entry) => {
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
    return createHmac('sha256', auditKey).update(prev).update(payload, 'utf8').digest();
  };
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const fieldsOf = (r: AuditRow): ChainedFields => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  subjectId: r.subject_id,
  purposeId: r.purpose_id,
  fieldIds: r.field_ids,
  details: r.details,
});

/** The walk's position: the entries checked so far and the MAC the next entry must link to. */
interface Walk {
  entries: number;
  lastSeq: number;
  prev: Uint8Array;
}

/** Whether one row continues the chain at the walk's position: removed, reordered and changed, in that order. */
function checkEntry(mac: ChainMac, walk: Walk, r: AuditRow): Broken | null {
  const row = fieldsOf(r);
  const expectedSeq = walk.lastSeq + 1;
  const { entries } = walk;
  if (row.seq !== expectedSeq) {
    return {
      ok: false,
      entries,
      seq: expectedSeq,
      problem: 'removed',
      message: `Запись ${expectedSeq} удалена из журнала (следующая найденная — ${row.seq}). Entry ${expectedSeq} was removed.`,
    };
  }
  if (!equalBytes(r.prev_hash, walk.prev)) {
    return {
      ok: false,
      entries,
      seq: row.seq,
      problem: 'reordered',
      message: `Запись ${row.seq} не ссылается на предыдущую: порядок записей нарушен или запись перед ней подменена. Entry ${row.seq} does not link to its predecessor.`,
    };
  }
  if (!equalBytes(mac(walk.prev, row), r.hash)) {
    return {
      ok: false,
      entries,
      seq: row.seq,
      problem: 'changed',
      message: `Запись ${row.seq} изменена: её содержимое не совпадает с подписью цепочки. Entry ${row.seq} was changed.`,
    };
  }
  return null;
}

/** The walked chain against the positions anchored outside the data store, the furthest first. */
function checkAnchors(
  walk: Walk,
  anchors: AuditAnchor[],
  anchoredHashes: Map<number, Uint8Array>,
): Broken | null {
  const { entries, lastSeq } = walk;
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
  return null;
}

/**
 * Walks the chain in order and names the first entry that was changed, removed or reordered; then compares it
 * with the positions anchored outside the data store (the key store, signed documents): a chain that ends
 * before one, or holds another entry there, lost its tail.
 */
export async function verifyChain(
  sql: Sql,
  mac: ChainMac,
  anchors: AuditAnchor[],
  batchSize: number,
): Promise<AuditVerification> {
  const anchoredHashes = new Map<number, Uint8Array>();
  const anchoredSeqs = new Set(anchors.map((a) => a.seq));
  const [head] = await sql.query<{ seq: string | number; hash: Uint8Array }>(
    'SELECT seq, hash FROM audit_head WHERE id = 1',
  );
  const walk: Walk = { entries: 0, lastSeq: 0, prev: GENESIS };
  for (;;) {
    const raw = await sql.query<AuditRow>(
      `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [walk.lastSeq, batchSize],
    );
    for (const r of raw) {
      const broken = checkEntry(mac, walk, r);
      if (broken) return broken;
      const seq = Number(r.seq);
      if (anchoredSeqs.has(seq)) anchoredHashes.set(seq, r.hash);
      walk.prev = r.hash;
      walk.entries += 1;
      walk.lastSeq = seq;
    }
    if (raw.length < batchSize) break;
  }
  const { entries, lastSeq } = walk;
  const headSeq = Number(head?.seq ?? 0);
  if (headSeq !== lastSeq || (head && !equalBytes(head.hash, walk.prev))) {
    return {
      ok: false,
      entries,
      seq: lastSeq + 1,
      problem: 'truncated',
      message: `Журнал обрезан: последняя запись ${lastSeq}, а вершина цепочки — ${headSeq}. The log was truncated after entry ${lastSeq}.`,
    };
  }
  return checkAnchors(walk, anchors, anchoredHashes) ?? { ok: true, entries, headSeq };
}

/** Whether `mac` made the chain's first entry: null when the chain is empty. */
export async function firstEntryMatches(sql: Sql, mac: ChainMac): Promise<boolean | null> {
  const [r] = await sql.query<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq LIMIT 1`);
  if (!r) return null;
  return equalBytes(mac(r.prev_hash, fieldsOf(r)), r.hash);
}
