// The audit chain: every entry is MACed together with the previous entry's MAC (HMAC-SHA256 under a key
// derived from the store's derivation root, kept under the master key), so an edit, removal or reordering of
// any row breaks the chain at that row, and someone with database access but without the master key cannot
// re-forge the chain after an edit. This file writes the chain; audit.verify.ts reads it back.
import type { Sql, Stores } from '../../db/database.js';
import { type ChainedFields, chainMac, firstEntryMatches, verifyChain } from './audit.verify.js';
import type { AuditAnchor } from './audit-anchor.js';

export type { AuditVerification } from './audit.verify.js';

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
  'policy.published',
  'cookie_consent.link',
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

/** A statement's parameters: `bind(value)` adds one and answers its placeholder, after `offset` of the caller's. */
function parameters(offset: number) {
  const values: unknown[] = [];
  return { values, bind: (value: unknown) => `$${offset + values.push(value)}` };
}

/** A plain SQL name: the table and columns `appendWith` puts into its statement. */
const SQL_NAME = /^[a-z_][a-z0-9_]*$/;

/** A business insert that `appendWith` writes in the statement of its audit entries, and only with them. */
export interface AuditedInsert {
  into: string;
  columns: string[];
  /** A VALUES list or a SELECT giving the rows, in the order of `columns`. */
  rows: string;
}

export function createAuditService(deps: {
  auditKey: Buffer;
  clock: () => Date;
  /** Told after each append (the head is then anchored outside the data store, see audit-anchor.ts). */
  onAppend?: () => void;
}) {
  const mac = chainMac(deps.auditKey);

  // The chain head as this process last wrote or read it. Where this process is the only writer (always
  // with PGlite, and a single instance on PostgreSQL) it is the true head and an append is one statement.
  // When another writer moved the head, the conditional update below matches no row, and the append reads
  // the head under its row lock and chains again. Correctness rests on the condition, never on this memory.
  let knownHead: { seq: number; hash: Buffer } | null = null;
  /** From this many entries an append sends them as one JSON document instead of ten parameters each. */
  const BULK_ENTRIES = 50;

  /** The entries' chained fields and MACs after `head`: the pure part of an append. */
  function link(head: { seq: number; hash: Uint8Array }, entries: AuditEntryInput[]) {
    const at = deps.clock();
    let prev: Buffer = Buffer.from(head.hash);
    const links = entries.map((input, i) => {
      const fields: ChainedFields = {
        seq: head.seq + i + 1,
        at,
        actor: input.actor,
        action: input.action,
        // The uuid column gives it back in lower case; MACed in any other case the entry would fail verification.
        subjectId: input.subjectId?.toLowerCase() ?? null,
        purposeId: input.purposeId ?? null,
        fieldIds: input.fieldIds ?? [],
        details: input.details ?? {},
      };
      const link = { fields, prev, hash: mac(prev, fields) };
      prev = link.hash;
      return link;
    });
    return { at, links, next: { seq: head.seq + entries.length, hash: prev } };
  }

  /**
   * The two statement parts of an append chained after `head`: `moved` moves the head from there (and matches
   * no row when the head is elsewhere or `headCondition` is false), `insertEntries` writes the entries only if
   * it moved. Their parameters are numbered after `offset` parameters of the caller.
   */
  function chain(
    head: { seq: number; hash: Uint8Array },
    entries: AuditEntryInput[],
    offset = 0,
    headCondition = 'true',
  ) {
    const { at, links, next } = link(head, entries);
    const p = parameters(offset);
    const moved = `UPDATE audit_head SET seq = ${p.bind(next.seq)}, hash = ${p.bind(next.hash)}
      WHERE id = 1 AND seq = ${p.bind(head.seq)} AND hash = ${p.bind(Buffer.from(head.hash))} AND ${headCondition}
      RETURNING 1`;
    let source: string;
    if (links.length >= BULK_ENTRIES) {
      // Large appends (a sweep's batch) travel as one JSON document: binding ten parameters per entry makes a
      // statement of thousands of parameters that costs more to parse and plan than to run.
      const rows = links.map(({ fields: f, prev, hash }) => ({
        seq: f.seq,
        actor: f.actor,
        action: f.action,
        subject_id: f.subjectId,
        purpose_id: f.purposeId,
        field_ids: f.fieldIds,
        details: f.details,
        prev_hash: prev.toString('hex'),
        hash: hash.toString('hex'),
      }));
      source = `SELECT e.seq, ${p.bind(at)}::timestamptz, e.actor, e.action, e.subject_id, e.purpose_id, e.field_ids,
               e.details, decode(e.prev_hash, 'hex'), decode(e.hash, 'hex')
        FROM jsonb_to_recordset(${p.bind(JSON.stringify(rows))}::jsonb) AS e(seq bigint, actor text, action text,
             subject_id uuid, purpose_id text, field_ids text[], details jsonb, prev_hash text, hash text)`;
    } else {
      const tuples = links.map(
        ({ fields: f, prev, hash }) =>
          `(${p.bind(f.seq)}::bigint, ${p.bind(at)}::timestamptz, ${p.bind(f.actor)}::text, ` +
          `${p.bind(f.action)}::text, ${p.bind(f.subjectId)}::uuid, ${p.bind(f.purposeId)}::text, ` +
          `${p.bind(f.fieldIds)}::text[], ${p.bind(JSON.stringify(f.details))}::jsonb, ${p.bind(prev)}::bytea, ` +
          `${p.bind(hash)}::bytea)`,
      );
      source = `SELECT * FROM (VALUES ${tuples.join(', ')}) AS entry`;
    }
    return {
      next,
      moved,
      insertEntries: `INSERT INTO audit_log (seq, at, actor, action, subject_id, purpose_id, field_ids, details, prev_hash, hash)
        ${source} WHERE EXISTS (SELECT 1 FROM moved) RETURNING seq`,
      params: p.values,
    };
  }

  const appendSql = (built: ReturnType<typeof chain>) =>
    `WITH moved AS (${built.moved}) ${built.insertEntries}`;

  /**
   * One statement chained after the head this process last saw. False when there is none or another writer
   * moved it; the claim is then forgotten, so the next append reads the true head under its lock.
   */
  async function appendAtKnownHead(sql: Sql, entries: AuditEntryInput[]): Promise<boolean> {
    if (!knownHead) return false;
    const built = chain(knownHead, entries);
    // Claimed before the statement runs, so the next append in this process chains after this one.
    knownHead = built.next;
    try {
      const inserted = await sql.query(appendSql(built), built.params);
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
    const built = chain({ seq: Number(row.seq), hash: row.hash }, entries);
    knownHead = built.next;
    const inserted = await tx.query(appendSql(built), built.params);
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
   * A business insert and its audit entries in one statement: atomic without a transaction, one round trip.
   * `change.guard` is a boolean SQL expression checked first; `change.insert` names the rows to insert. Both
   * use $1…$k of `change.params`. This function writes the insert itself, conditioned on the head having
   * moved, so the rows cannot be written without their entries: nothing is written unless the guard holds
   * and the head is where this process last left it. The answer says which; the caller then takes its
   * transaction path (with append).
   */
  async function appendWith(
    sql: Sql,
    entries: AuditEntryInput[],
    change: { guard: string; insert: AuditedInsert; params: unknown[] },
  ): Promise<'written' | 'guard_failed' | 'head_unknown'> {
    const { into, columns, rows } = change.insert;
    if (![into, ...columns].every((name) => SQL_NAME.test(name))) {
      throw new Error(`appendWith: not a plain table or column name in ${into} (${columns.join(', ')})`);
    }
    if (!knownHead || entries.length === 0) return 'head_unknown';
    const built = chain(knownHead, entries, change.params.length, '(SELECT ok FROM guard)');
    knownHead = built.next;
    try {
      const [result] = await sql.query<{ guard_ok: boolean; logged: string | number }>(
        `WITH guard AS (SELECT (${change.guard}) AS ok),
              moved AS (${built.moved}),
              changed AS (INSERT INTO ${into} (${columns.join(', ')})
                          SELECT * FROM (${rows}) AS r WHERE EXISTS (SELECT 1 FROM moved)),
              logged AS (${built.insertEntries})
         SELECT (SELECT ok FROM guard) AS guard_ok, (SELECT count(*) FROM logged) AS logged`,
        [...change.params, ...built.params],
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

  /** The chain checked from its first entry, then against the positions anchored outside the data store. */
  const verify = (sql: Sql, anchors: AuditAnchor[] = [], batchSize = 5000) =>
    verifyChain(sql, mac, anchors, batchSize);

  /**
   * Whether this service's key made the chain's first entry: null when the chain is empty. Tells, on an upgrade,
   * whether a master key is the one the store was written with.
   */
  const keyMatchesFirstEntry = (sql: Sql) => firstEntryMatches(sql, mac);

  /** The head this process last claimed (null when it does not know it). */
  const claimedSeq = (): number | null => knownHead?.seq ?? null;

  return { append, appendAlone, appendWith, verify, keyMatchesFirstEntry, claimedSeq };
}

export type AuditService = ReturnType<typeof createAuditService>;
