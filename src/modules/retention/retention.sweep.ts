// The sweep: finds what is due and destroys it, a batch of subjects per transaction. Every batch deletes the
// values, removes the identities of subjects left with nothing, and writes the audit entries that the act is
// later filled from, all in one commit; then the emptied subjects' keys are deleted from the key store. A crash
// leaves each subject either done (its batch committed) or untouched, and the next run picks up the rest:
// subjects destroyed but whose keys remain, acts left open, requests whose destruction was not answered.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { ObligationService } from '../obligations/obligation.service.js';
import type { RequestService } from '../requests/request.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from '../vault/key-store.js';
import {
  type ActSeed,
  addToTally,
  type DestructionActs,
  emptyTally,
  SYSTEM_PERFORMER,
} from './destruction-act.service.js';
import {
  factsOfSubjects,
  loadFacts,
  loadLiquidation,
  noFacts,
  type SubjectFacts,
  type ValueMeta,
} from './retention.assess.js';

/** Values of one subject the sweep's DELETE took (every purpose ended), grouped by what the entry needs. */
interface DeletedRow {
  subject_id: string;
  fields: string[];
  purposes: string[];
  collected_at: Date;
  status: ValueMeta['status'];
  marked_reason: string | null;
}

/** Values of one subject that share everything a decision depends on. */
interface ValueGroup extends Omit<ValueMeta, 'id' | 'field_id'> {
  ids: string[];
  fields: string[];
}

import type { RetentionService } from './retention.service.js';

export interface SweepProgress {
  phase: 'keys' | 'acts' | 'requests' | 'due' | 'done';
  subjects: number;
  values: number;
}

export interface SweepResult {
  runId: string;
  asOf: string;
  valuesDestroyed: number;
  valuesAnonymised: number;
  valuesReleased: number;
  subjectsDestroyed: number;
  /** Acts completed by this run: the sweep's own, requests', and any left open by an interrupted run. */
  acts: { id: string; number: number; kind: string; requestId?: string }[];
  requestsAnswered: string[];
  /** Requests whose values are under a legal hold: they wait until it is lifted. */
  requestsHeld: string[];
  actsExpired: number;
}

export interface SweepOptions {
  trigger: 'schedule' | 'cli' | 'api' | 'requests';
  /** Only subject requests' destructions (the frequent job); the full sweep does those first as well. */
  onlyRequests?: boolean;
  onProgress?: (progress: SweepProgress) => void;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const ACTOR = 'system:retention';

interface BatchTotals {
  destroyed: number;
  anonymised: number;
  released: number;
  emptied: string[];
  /** The audit entries written for the act: the run's tally counts them once their batch has committed. */
  actEntries: AuditEntryInput[];
}

export function createRetentionSweeper(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  retention: RetentionService;
  acts: DestructionActs;
  keyStore: KeyStore;
  requests: RequestService;
  /** Fulfils, in the batch's transaction, the obligations to stop processing that the batch completed. */
  settleObligations: ObligationService['settle'];
  clock: () => Date;
  /** Subjects per transaction: bounded memory and short transactions (PGlite is one connection). */
  batchSubjects?: number;
}) {
  const { stores, rules } = deps;
  const batchSubjects = deps.batchSubjects ?? 500;
  const timeZone = rules.register.operator.timezone;
  const instance = `${hostname()}:${process.pid}`;
  const purposeOf = (id: string) => rules.register.purposes.find((p) => p.id === id);
  const anonymising = new Set(
    rules.register.purposes.filter((p) => p.on_retention_end === 'anonymise').map((p) => p.id),
  );
  const months = new Map<number, string>();
  /** YYYY-MM of an instant in the operator's zone, remembered: values collected together share the instant. */
  const monthOf = (at: Date) => {
    let month = months.get(at.getTime());
    if (!month) {
      month = deps.retention.localDate(at).slice(0, 7);
      if (months.size >= 50_000) months.clear();
      months.set(at.getTime(), month);
    }
    return month;
  };

  /**
   * Due values of locked subjects, grouped by what the decision depends on: values collected together share
   * their purposes, bases and collection time, so one decision (and one parse of the bases) covers the group.
   */
  async function dueGroups(tx: Sql, where: string, params: unknown[]): Promise<ValueGroup[]> {
    return tx.query<ValueGroup>(
      `SELECT subject_id, purposes, legal_bases, collected_at, status, marked_reason, marked_request_id,
              array_agg(id) AS ids, array_agg(field_id) AS fields
       FROM personal_values v WHERE ${where}
       GROUP BY subject_id, purposes, legal_bases, collected_at, status, marked_reason, marked_request_id`,
      params,
    );
  }

  /**
   * Destroys (or anonymises, or releases from ended purposes) the given due values of locked subjects, in the
   * caller's transaction, and writes one audit entry per subject and outcome, each carrying the act's id; a
   * subject left with nothing is destroyed in the same transaction and its entry says so.
   */
  async function processValues(
    tx: Sql,
    rows: ValueGroup[],
    context: { asOf: Date; facts: Map<string, SubjectFacts>; liquidationAt: Date | null },
    act: { id: string; open: () => Promise<void> },
    options: { everything?: boolean; alreadyDeleted?: DeletedRow[] } = {},
  ): Promise<BatchTotals> {
    const { asOf, facts, liquidationAt } = context;
    const totals: BatchTotals = { destroyed: 0, anonymised: 0, released: 0, emptied: [], actEntries: [] };
    if (rows.length === 0 && !options.alreadyDeleted?.length) return totals;
    const gone: string[] = [];
    const aggregates = new Map<string, number>();
    const updates: {
      id: string;
      purposes: string[];
      legal_bases: unknown;
      next: string | null;
      last: string | null;
    }[] = [];
    const groups = new Map<
      string,
      {
        subjectId: string;
        action: AuditEntryInput['action'];
        reason: string;
        purposes: Set<string>;
        counts: Record<string, number>;
      }
    >();
    const touched = new Set<string>();
    type Decision = { kind: 'destroy' | 'anonymise' | 'release'; purposes: string[]; reason: string };
    const record = (
      row: { subject_id: string; fields: string[]; collected_at: Date },
      decision: Decision,
    ) => {
      const count = row.fields.length;
      if (decision.kind === 'release') totals.released += count;
      else {
        touched.add(row.subject_id);
        if (decision.kind === 'anonymise') {
          totals.anonymised += count;
          const period = monthOf(row.collected_at);
          for (const purpose of decision.purposes) {
            for (const field of row.fields) {
              const key = `${purpose}\u0000${field}\u0000${period}`;
              aggregates.set(key, (aggregates.get(key) ?? 0) + 1);
            }
          }
        } else totals.destroyed += count;
      }
      const action =
        decision.kind === 'release'
          ? 'data.purpose_released'
          : decision.kind === 'anonymise'
            ? 'data.anonymise'
            : 'data.destroy';
      const groupKey = `${row.subject_id}|${action}|${decision.reason}`;
      const group = groups.get(groupKey) ?? {
        subjectId: row.subject_id,
        action,
        reason: decision.reason,
        purposes: new Set<string>(),
        counts: {},
      };
      for (const p of decision.purposes) group.purposes.add(p);
      for (const field of row.fields) group.counts[field] = (group.counts[field] ?? 0) + 1;
      groups.set(groupKey, group);
    };
    // Values the DELETE already took because every purpose had ended: anonymised when all their purposes say so.
    for (const row of options.alreadyDeleted ?? []) {
      const marked = row.status === 'marked_for_destruction';
      record(row, {
        kind: !marked && row.purposes.every((p) => anonymising.has(p)) ? 'anonymise' : 'destroy',
        purposes: row.purposes,
        reason: row.marked_reason ?? 'retention_expired',
      });
    }
    for (const row of rows) {
      const subjectFacts = facts.get(row.subject_id) ?? noFacts();
      const decision = options.everything
        ? {
            kind: 'destroy' as const,
            purposes: row.purposes,
            reason: row.marked_reason ?? 'subject_request',
            remaining: [],
            nextAt: null,
            lastEnd: null,
          }
        : deps.retention.decide(row, subjectFacts, liquidationAt, asOf);
      if (!decision) {
        // The facts moved the end (e.g. a later activity): reschedule, nothing to destroy.
        const assessed = deps.retention.assessor.assess(row, subjectFacts, liquidationAt, new Date(0));
        for (const id of row.ids) {
          updates.push({
            id,
            purposes: row.purposes,
            legal_bases: row.legal_bases,
            next: assessed.nextAt?.toISOString() ?? null,
            last: assessed.lastEnd?.toISOString() ?? null,
          });
        }
        continue;
      }
      if (decision.kind === 'release') {
        const legalBases = row.legal_bases.filter((b) => decision.remaining.includes(b.purpose));
        for (const id of row.ids) {
          updates.push({
            id,
            purposes: decision.remaining,
            legal_bases: legalBases,
            next: decision.nextAt?.toISOString() ?? null,
            last: decision.lastEnd?.toISOString() ?? null,
          });
        }
      } else gone.push(...row.ids);
      record(row, decision);
    }

    if (gone.length > 0) {
      await act.open();
      await tx.query('DELETE FROM personal_values WHERE id = ANY($1::uuid[])', [gone]);
    }
    if (aggregates.size > 0) {
      const keys = [...aggregates.keys()].map((k) => k.split('\u0000'));
      await tx.query(
        `INSERT INTO anonymous_aggregates (purpose_id, field_id, period, "values")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
         ON CONFLICT (purpose_id, field_id, period) DO UPDATE SET "values" = anonymous_aggregates."values" + excluded."values"`,
        [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2]), [...aggregates.values()]],
      );
    }
    if (updates.length > 0) {
      await tx.query(
        `UPDATE personal_values v SET purposes = u.purposes, legal_bases = u.legal_bases, next_retention_at = u.next,
           retain_until = u.last, updated_at = CASE WHEN v.purposes = u.purposes THEN v.updated_at ELSE $2 END
         FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, purposes text[], legal_bases jsonb, next timestamptz,
                                                 last timestamptz)
         WHERE v.id = u.id`,
        [JSON.stringify(updates), asOf],
      );
    }
    // A subject with no value, no live consent and no hold left is destroyed: identities removed (it cannot be
    // found again), status 'destroyed'; its key goes after the commit. One statement does all three.
    if (touched.size > 0) {
      const emptied = await tx.query<{ id: string }>(
        `WITH emptied AS (
           UPDATE subjects s SET status = 'destroyed', destroyed_at = $2
           WHERE s.id = ANY($1::uuid[])
             AND NOT EXISTS (SELECT 1 FROM personal_values v WHERE v.subject_id = s.id)
             AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id AND c.status = 'active')
             AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = s.id AND h.lifted_at IS NULL)
           RETURNING s.id),
         identities AS (DELETE FROM subject_identities i USING emptied WHERE i.subject_id = emptied.id)
         SELECT id FROM emptied`,
        [[...touched], asOf],
      );
      totals.emptied = emptied.map((e) => e.id);
    }
    const emptied = new Set(totals.emptied);
    const entries: AuditEntryInput[] = [];
    for (const group of groups.values()) {
      const purposes = [...group.purposes].sort();
      const systems = [...new Set(purposes.flatMap((p) => purposeOf(p)?.information_systems ?? []))].sort();
      const subjectGone = group.action !== 'data.purpose_released' && emptied.delete(group.subjectId);
      entries.push({
        actor: ACTOR,
        action: group.action,
        subjectId: group.subjectId,
        purposeId: purposes[0] ?? null,
        fieldIds: Object.keys(group.counts).sort(),
        details: {
          ...(group.action === 'data.purpose_released' ? {} : { act_id: act.id }),
          reason: group.reason,
          purposes,
          systems,
          counts: group.counts,
          // The subject had nothing left: identities removed, its key destroyed after this commit.
          ...(subjectGone ? { subjectDestroyed: true } : {}),
        },
      });
    }
    totals.actEntries = entries.filter((e) => e.action !== 'data.purpose_released');
    // Obligations to stop processing these values completed: fulfilled in this commit, with the act's id
    // where the subject's data was destroyed (or anonymised) rather than only released from a purpose.
    const subjects = [...new Set([...groups.values()].map((g) => g.subjectId))];
    entries.push(
      ...(await deps.settleObligations(
        tx,
        subjects.map((subjectId) => ({ subjectId, actId: touched.has(subjectId) ? act.id : null })),
        ACTOR,
      )),
    );
    await deps.audit.append(tx, entries);
    return totals;
  }

  /** Deletes the keys of subjects already destroyed in the data store (after a batch, or after a crash). */
  async function destroyKeys(subjectIds?: string[], options: { markLater?: boolean } = {}): Promise<number> {
    const ids =
      subjectIds ??
      (
        await stores.sql.query<{ id: string }>(
          `SELECT id FROM subjects WHERE status = 'destroyed' AND key_destroyed_at IS NULL LIMIT 10000`,
        )
      ).map((r) => r.id);
    if (ids.length === 0) return 0;
    await deps.keyStore.destroySubjectKeys(ids);
    // The sweep marks them in its next batch's transaction (one commit fewer per batch); unmarked after a
    // crash, they are found again and their (already absent) keys deleted once more.
    if (options.markLater) return ids.length;
    await stores.sql.query('UPDATE subjects SET key_destroyed_at = $2 WHERE id = ANY($1::uuid[])', [
      ids,
      deps.clock(),
    ]);
    return ids.length;
  }

  const heldCondition = `NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = v.subject_id AND h.lifted_at IS NULL
                          AND (h.field_ids IS NULL OR v.field_id = ANY(h.field_ids)))`;

  async function sweepDue(
    asOf: Date,
    runId: string,
    actId: string,
    result: SweepResult,
    onProgress?: SweepOptions['onProgress'],
  ) {
    let cursor = NIL_UUID;
    let opened = false;
    const tally = emptyTally();
    let keysDestroyed: string[] = [];
    const liquidationAt = await loadLiquidation(stores.sql, timeZone);
    for (;;) {
      const batch = await stores.transaction(async (tx) => {
        if (keysDestroyed.length > 0) {
          await tx.query('UPDATE subjects SET key_destroyed_at = $2 WHERE id = ANY($1::uuid[])', [
            keysDestroyed,
            deps.clock(),
          ]);
        }
        const candidates = await tx.query<{ subject_id: string }>(
          `SELECT DISTINCT subject_id FROM personal_values
           WHERE next_retention_at IS NOT NULL AND next_retention_at <= $1 AND subject_id > $2 AND marked_request_id IS NULL
           ORDER BY subject_id LIMIT $3`,
          [asOf, cursor, batchSubjects],
        );
        if (candidates.length === 0) return null;
        const last = candidates.at(-1)!.subject_id;
        // Another instance's batch holds some of these subjects: they are its work, not ours.
        const locked = await tx.query<{ id: string; last_activity_at: Date | null }>(
          `SELECT id, last_activity_at FROM subjects
           WHERE id = ANY($1::uuid[]) AND status <> 'destroyed' ORDER BY id FOR UPDATE SKIP LOCKED`,
          [candidates.map((c) => c.subject_id)],
        );
        const lockedIds = locked.map((l) => l.id);
        // Values every purpose of which has ended (retain_until) go in the statement that finds them.
        // Grouped in the statement: a subject's values collected together come back as one row.
        const deleted = await tx.query<DeletedRow>(
          `WITH deleted AS (
             DELETE FROM personal_values v
             WHERE v.subject_id = ANY($1::uuid[]) AND v.retain_until <= $2 AND v.marked_request_id IS NULL AND ${heldCondition}
             RETURNING v.subject_id, v.field_id, v.purposes, v.collected_at, v.status, v.marked_reason)
           SELECT subject_id, purposes, collected_at, status, marked_reason, array_agg(field_id) AS fields
           FROM deleted GROUP BY subject_id, purposes, collected_at, status, marked_reason`,
          [lockedIds, asOf],
        );
        // Values with one purpose ended and another still running are decided in code: the ended ones released.
        const partial = await dueGroups(
          tx,
          `v.subject_id = ANY($1::uuid[]) AND v.next_retention_at <= $2 AND (v.retain_until IS NULL OR v.retain_until > $2)
             AND v.marked_request_id IS NULL AND ${heldCondition}`,
          [lockedIds, asOf],
        );
        const partialSubjects = new Set(partial.map((p) => p.subject_id));
        const facts = partial.length
          ? await factsOfSubjects(
              tx,
              locked.filter((l) => partialSubjects.has(l.id)),
            )
          : new Map<string, SubjectFacts>();
        const open = async () => {
          if (opened) return;
          await deps.acts.open(tx, { id: actId, kind: 'sweep', runId });
        };
        if (deleted.length > 0) await open();
        const totals = await processValues(
          tx,
          partial,
          { asOf, facts, liquidationAt },
          { id: actId, open },
          { alreadyDeleted: deleted },
        );
        if (totals.destroyed + totals.anonymised > 0) opened = true;
        return { last, subjects: locked.length, totals };
      });
      keysDestroyed = [];
      if (!batch) break;
      cursor = batch.last;
      for (const entry of batch.totals.actEntries) addToTally(tally, entry.action, entry.details ?? {});
      await destroyKeys(batch.totals.emptied, { markLater: true });
      keysDestroyed = batch.totals.emptied;
      result.valuesDestroyed += batch.totals.destroyed;
      result.valuesAnonymised += batch.totals.anonymised;
      result.valuesReleased += batch.totals.released;
      result.subjectsDestroyed += batch.totals.emptied.length;
      onProgress?.({
        phase: 'due',
        subjects: batch.subjects,
        values: batch.totals.destroyed + batch.totals.anonymised + batch.totals.released,
      });
    }
    return opened ? tally : null;
  }

  interface PendingRequest {
    id: string;
    number: string | number;
    subject_id: string | null;
    received_at: Date;
    outcome: { by?: string; pendingDestruction?: unknown } | null;
  }

  /** Destruction and withdrawal requests: each destroyed in one transaction with its own act, then answered. */
  async function completeRequests(asOf: Date, result: SweepResult, onProgress?: SweepOptions['onProgress']) {
    const pending = await stores.sql.query<PendingRequest>(
      `SELECT r.id, r.number, r.subject_id, r.received_at, r.outcome FROM subject_requests r
       WHERE r.status = 'in_progress' AND r.outcome ? 'pendingDestruction'
       UNION
       SELECT r.id, r.number, r.subject_id, r.received_at, r.outcome FROM subject_requests r
       WHERE r.id IN (SELECT DISTINCT marked_request_id FROM personal_values WHERE marked_request_id IS NOT NULL)
       ORDER BY number`,
    );
    for (const request of pending) {
      const [held] = await stores.sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM personal_values v WHERE v.marked_request_id = $1 AND NOT (${heldCondition})`,
        [request.id],
      );
      if (Number(held?.n ?? 0) > 0) {
        result.requestsHeld.push(request.id);
        continue;
      }
      const [existing] = await stores.sql.query<{ id: string }>(
        `SELECT id FROM destruction_acts WHERE request_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [request.id],
      );
      const actId = existing?.id ?? randomUUID();
      const seed: ActSeed = {
        performedBy: [
          ...(request.outcome?.by && !request.outcome.by.startsWith('system:')
            ? [{ name: request.outcome.by, position: 'исполнил обращение' }]
            : []),
          SYSTEM_PERFORMER,
        ],
        request: {
          number: Number(request.number),
          receivedDate: deps.retention.localDate(request.received_at),
        },
      };
      const outcome = await stores.transaction(async (tx) => {
        if (request.subject_id) {
          await tx.query('SELECT id FROM subjects WHERE id = $1 FOR UPDATE', [request.subject_id]);
        }
        const rows = await dueGroups(tx, 'v.marked_request_id = $1', [request.id]);
        await deps.acts.open(tx, { id: actId, kind: 'request', requestId: request.id, seed });
        const facts = await loadFacts(tx, [...new Set(rows.map((r) => r.subject_id))]);
        return processValues(
          tx,
          rows,
          { asOf, facts, liquidationAt: null },
          { id: actId, open: async () => {} },
          { everything: true },
        );
      });
      await destroyKeys(outcome.emptied);
      result.valuesDestroyed += outcome.destroyed;
      result.subjectsDestroyed += outcome.emptied.length;
      // The act and the answer commit together: a crash before this leaves the act open, finished next run.
      await stores.transaction(async (tx) => {
        const [status] = await tx.query<{ status: string }>(
          'SELECT status FROM destruction_acts WHERE id = $1',
          [actId],
        );
        const act =
          status?.status === 'completed'
            ? await deps.acts.get(actId, tx).then((a) => ({ number: a.number }))
            : await deps.acts.complete(tx, actId);
        await answerRequest(tx, request.id, actId, act.number, asOf);
        result.acts.push({ id: actId, number: act.number, kind: 'request', requestId: request.id });
      });
      result.requestsAnswered.push(request.id);
      onProgress?.({ phase: 'requests', subjects: 1, values: outcome.destroyed });
    }
  }

  async function answerRequest(tx: Sql, requestId: string, actId: string, actNumber: number, at: Date) {
    await deps.requests.internal.transition(
      requestId,
      (row) => {
        const { pendingDestruction, ...rest } = row.outcome ?? {
          at: at.toISOString(),
          by: ACTOR,
          summary: 'destroyed',
        };
        return {
          set: {
            status: 'answered',
            closed_at: at,
            outcome: {
              ...rest,
              destruction: {
                actId,
                actNumber,
                at: at.toISOString(),
                fields:
                  (pendingDestruction as { fields?: string[] } | undefined)?.fields ?? rest.fields ?? [],
              },
            },
          },
          entries: [
            {
              actor: ACTOR,
              action: 'request.answer',
              subjectId: row.subject_id,
              fieldIds: rest.fields ?? [],
              details: {
                request_id: requestId,
                type: row.type,
                summary: 'destroyed',
                act_id_ref: actId,
                status: 'answered',
              },
            },
          ],
        };
      },
      tx,
    );
  }

  /** Acts left open by an interrupted run (sweeps; request acts are finished with their request). */
  async function finishOpenActs(result: SweepResult) {
    const open = await stores.sql.query<{ id: string }>(
      `SELECT id FROM destruction_acts WHERE status = 'open' AND kind = 'sweep' ORDER BY created_at`,
    );
    for (const { id } of open) {
      const act = await stores.transaction((tx) => deps.acts.complete(tx, id));
      result.acts.push({ id, number: act.number, kind: 'sweep' });
    }
  }

  async function run(options: SweepOptions): Promise<SweepResult> {
    const lock = await stores.tryLock('retention-sweep');
    if (!lock) {
      const [running] = await stores.sql.query<{ instance: string; started_at: Date; trigger: string }>(
        `SELECT instance, started_at, trigger FROM retention_runs WHERE status = 'running' ORDER BY started_at DESC LIMIT 1`,
      );
      throw new DomainError(
        ErrorCodes.RETENTION_BUSY,
        'Уничтожение уже выполняется другим запуском' +
          (running
            ? ` (${running.instance}, запущен ${running.started_at.toISOString()}, ${running.trigger})`
            : '') +
          ': дождитесь его окончания. Another retention run holds the lock.',
      );
    }
    const asOf = deps.clock();
    const runId = randomUUID();
    const result: SweepResult = {
      runId,
      asOf: asOf.toISOString(),
      valuesDestroyed: 0,
      valuesAnonymised: 0,
      valuesReleased: 0,
      subjectsDestroyed: 0,
      acts: [],
      requestsAnswered: [],
      requestsHeld: [],
      actsExpired: 0,
    };
    try {
      const [last] = await stores.sql.query<{ as_of: Date | null }>(
        `SELECT max(as_of) AS as_of FROM retention_runs WHERE status = 'completed'`,
      );
      if (last?.as_of && asOf.getTime() < last.as_of.getTime()) {
        throw new DomainError(
          ErrorCodes.CLOCK_BACKWARDS,
          `Часы сервера показывают ${asOf.toISOString()}, а прошлое уничтожение выполнено на момент ` +
            `${last.as_of.toISOString()}: часы переведены назад. Ничего не уничтожено; проверьте время сервера. ` +
            'The clock is behind the last sweep; nothing was done.',
        );
      }
      // The lock is ours, so runs still marked running were cut off (a crash): say so, and finish their work.
      await stores.sql.query(
        `UPDATE retention_runs SET status = 'failed', finished_at = $1, error = 'interrupted' WHERE status = 'running'`,
        [asOf],
      );
      await stores.sql.query(
        `INSERT INTO retention_runs (id, trigger, instance, as_of, started_at, status) VALUES ($1, $2, $3, $4, $5, 'running')`,
        [runId, options.trigger, instance, asOf, deps.clock()],
      );
      // A register whose retention rules changed since the schedule was computed: reschedule before trusting it.
      await deps.retention.ensureScheduleCurrent();
      const keys = await destroyKeys();
      options.onProgress?.({ phase: 'keys', subjects: keys, values: 0 });
      await finishOpenActs(result);
      options.onProgress?.({ phase: 'acts', subjects: 0, values: 0 });
      await completeRequests(asOf, result, options.onProgress);
      if (!options.onlyRequests) {
        const actId = randomUUID();
        // The act's numbers as the sweep counted them: the chain holds the same, read back only after a crash.
        const tally = await sweepDue(asOf, runId, actId, result, options.onProgress);
        if (tally) {
          const act = await stores.transaction((tx) => deps.acts.complete(tx, actId, tally));
          result.acts.push({ id: actId, number: act.number, kind: 'sweep' });
        }
        result.actsExpired = await stores.transaction((tx) => deps.acts.expire(tx, asOf));
        // Obligations whose effect is complete but that no effect fulfilled (it came before obligations were
        // fulfilled with their effect): fulfilled now, each with its audit entry.
        await stores.transaction(async (tx) => {
          const entries = await deps.settleObligations(tx, 'all', ACTOR);
          if (entries.length) await deps.audit.append(tx, entries);
        });
      }
      await stores.sql.query(
        `UPDATE retention_runs SET status = 'completed', finished_at = $2, values_destroyed = $3, subjects_destroyed = $4,
           act_id = $5 WHERE id = $1`,
        [
          runId,
          deps.clock(),
          result.valuesDestroyed + result.valuesAnonymised,
          result.subjectsDestroyed,
          result.acts.find((a) => a.kind === 'sweep')?.id ?? null,
        ],
      );
      options.onProgress?.({
        phase: 'done',
        subjects: result.subjectsDestroyed,
        values: result.valuesDestroyed,
      });
      return result;
    } catch (error) {
      await stores.sql
        .query(`UPDATE retention_runs SET status = 'failed', finished_at = $2, error = $3 WHERE id = $1`, [
          runId,
          deps.clock(),
          error instanceof Error ? error.message.slice(0, 500) : String(error),
        ])
        .catch(() => {});
      throw error;
    } finally {
      await lock.release();
    }
  }

  /** The last runs, newest first. */
  async function runs(limit = 20) {
    return stores.sql.query(
      `SELECT id, trigger, instance, as_of, started_at, finished_at, status, act_id, values_destroyed, subjects_destroyed, error
       FROM retention_runs ORDER BY started_at DESC LIMIT $1`,
      [Math.min(limit, 200)],
    );
  }

  return { run, runs, destroyKeys };
}

export type RetentionSweeper = ReturnType<typeof createRetentionSweeper>;
