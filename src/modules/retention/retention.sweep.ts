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
import type { RequestService } from '../requests/request.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from '../vault/key-store.js';
import { type ActSeed, type DestructionActs, SYSTEM_PERFORMER } from './destruction-act.service.js';
import { loadFacts, loadLiquidation, META_COLUMNS, noFacts, type ValueMeta } from './retention.assess.js';
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
}

export function createRetentionSweeper(deps: {
  stores: Stores;
  audit: AuditService;
  rules: RegisterRules;
  retention: RetentionService;
  acts: DestructionActs;
  keyStore: KeyStore;
  requests: RequestService;
  clock: () => Date;
  /** Subjects per transaction: bounded memory and short transactions (PGlite is one connection). */
  batchSubjects?: number;
}) {
  const { stores, rules } = deps;
  const batchSubjects = deps.batchSubjects ?? 500;
  const timeZone = rules.register.operator.timezone;
  const instance = `${hostname()}:${process.pid}`;
  const purposeOf = (id: string) => rules.register.purposes.find((p) => p.id === id);

  /**
   * Destroys (or anonymises, or releases from ended purposes) the given due values of locked subjects, in the
   * caller's transaction, and writes one audit entry per subject and outcome, each carrying the act's id.
   */
  async function processValues(
    tx: Sql,
    rows: ValueMeta[],
    asOf: Date,
    act: { id: string; open: () => Promise<void> },
    options: { everything?: boolean } = {},
  ): Promise<BatchTotals> {
    const totals: BatchTotals = { destroyed: 0, anonymised: 0, released: 0, emptied: [] };
    if (rows.length === 0) return totals;
    const subjectIds = [...new Set(rows.map((r) => r.subject_id))];
    const facts = await loadFacts(tx, subjectIds);
    const liquidationAt = await loadLiquidation(tx, timeZone);
    const gone: string[] = [];
    const aggregates = new Map<string, number>();
    const updates: { id: string; purposes: string[]; legal_bases: unknown; next: string | null }[] = [];
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
    for (const row of rows) {
      const decision = options.everything
        ? {
            kind: 'destroy' as const,
            purposes: row.purposes,
            reason: row.marked_reason ?? 'subject_request',
            remaining: [],
            nextAt: null,
          }
        : deps.retention.decide(row, facts.get(row.subject_id) ?? noFacts(), liquidationAt, asOf);
      if (!decision) {
        // The facts moved the end (e.g. a later activity): reschedule, nothing to destroy.
        const assessed = deps.retention.assessor.assess(
          row,
          facts.get(row.subject_id) ?? noFacts(),
          liquidationAt,
          asOf,
        );
        updates.push({
          id: row.id,
          purposes: row.purposes,
          legal_bases: row.legal_bases,
          next: assessed.nextAt?.toISOString() ?? null,
        });
        continue;
      }
      if (decision.kind === 'release') {
        updates.push({
          id: row.id,
          purposes: decision.remaining,
          legal_bases: row.legal_bases.filter((b) => decision.remaining.includes(b.purpose)),
          next: decision.nextAt?.toISOString() ?? null,
        });
        totals.released += 1;
      } else {
        gone.push(row.id);
        touched.add(row.subject_id);
        if (decision.kind === 'anonymise') {
          totals.anonymised += 1;
          const period = deps.retention.localDate(row.collected_at).slice(0, 7);
          for (const purpose of decision.purposes) {
            const key = `${purpose}\u0000${row.field_id}\u0000${period}`;
            aggregates.set(key, (aggregates.get(key) ?? 0) + 1);
          }
        } else totals.destroyed += 1;
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
      group.counts[row.field_id] = (group.counts[row.field_id] ?? 0) + 1;
      groups.set(groupKey, group);
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
           updated_at = CASE WHEN v.purposes = u.purposes THEN v.updated_at ELSE $2 END
         FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, purposes text[], legal_bases jsonb, next timestamptz)
         WHERE v.id = u.id`,
        [JSON.stringify(updates), asOf],
      );
    }
    // A subject with no value, no live consent and no hold left is destroyed: identities removed (it cannot be
    // found again), status 'destroyed'; its key goes after the commit.
    if (touched.size > 0) {
      const emptied = await tx.query<{ id: string }>(
        `SELECT s.id FROM subjects s
         WHERE s.id = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM personal_values v WHERE v.subject_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id AND c.status = 'active')
           AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.subject_id = s.id AND h.lifted_at IS NULL)`,
        [[...touched]],
      );
      totals.emptied = emptied.map((e) => e.id);
      if (totals.emptied.length > 0) {
        await tx.query('DELETE FROM subject_identities WHERE subject_id = ANY($1::uuid[])', [totals.emptied]);
        await tx.query(
          `UPDATE subjects SET status = 'destroyed', destroyed_at = $2 WHERE id = ANY($1::uuid[])`,
          [totals.emptied, asOf],
        );
      }
    }
    const entries: AuditEntryInput[] = [];
    for (const group of groups.values()) {
      const purposes = [...group.purposes].sort();
      const systems = [...new Set(purposes.flatMap((p) => purposeOf(p)?.information_systems ?? []))].sort();
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
        },
      });
    }
    for (const subjectId of totals.emptied) {
      entries.push({
        actor: ACTOR,
        action: 'subject.destroy',
        subjectId,
        details: { act_id: act.id, identities: 'removed', key: 'destroyed_after_commit' },
      });
    }
    await deps.audit.append(tx, entries);
    return totals;
  }

  /** Deletes the keys of subjects already destroyed in the data store (after a batch, or after a crash). */
  async function destroyKeys(subjectIds?: string[]): Promise<number> {
    const ids =
      subjectIds ??
      (
        await stores.sql.query<{ id: string }>(
          `SELECT id FROM subjects WHERE status = 'destroyed' AND key_destroyed_at IS NULL LIMIT 10000`,
        )
      ).map((r) => r.id);
    if (ids.length === 0) return 0;
    await deps.keyStore.destroySubjectKeys(ids);
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
    for (;;) {
      const batch = await stores.transaction(async (tx) => {
        const candidates = await tx.query<{ subject_id: string }>(
          `SELECT DISTINCT subject_id FROM personal_values
           WHERE next_retention_at IS NOT NULL AND next_retention_at <= $1 AND subject_id > $2 AND marked_request_id IS NULL
           ORDER BY subject_id LIMIT $3`,
          [asOf, cursor, batchSubjects],
        );
        if (candidates.length === 0) return null;
        const last = candidates.at(-1)!.subject_id;
        // Another instance's batch holds some of these subjects: they are its work, not ours.
        const locked = await tx.query<{ id: string }>(
          `SELECT id FROM subjects WHERE id = ANY($1::uuid[]) AND status <> 'destroyed' ORDER BY id FOR UPDATE SKIP LOCKED`,
          [candidates.map((c) => c.subject_id)],
        );
        const rows = await tx.query<ValueMeta>(
          `SELECT ${META_COLUMNS} FROM personal_values v
           WHERE v.subject_id = ANY($1::uuid[]) AND v.next_retention_at <= $2 AND v.marked_request_id IS NULL AND ${heldCondition}`,
          [locked.map((l) => l.id), asOf],
        );
        const totals = await processValues(tx, rows, asOf, {
          id: actId,
          open: async () => {
            if (opened) return;
            await deps.acts.open(tx, { id: actId, kind: 'sweep', runId });
          },
        });
        if (totals.destroyed + totals.anonymised > 0) opened = true;
        await tx.query(
          `UPDATE retention_runs SET values_destroyed = values_destroyed + $2, subjects_destroyed = subjects_destroyed + $3,
             act_id = CASE WHEN $4 THEN $5::uuid ELSE act_id END
           WHERE id = $1`,
          [runId, totals.destroyed + totals.anonymised, totals.emptied.length, opened, actId],
        );
        return { last, subjects: locked.length, totals };
      });
      if (!batch) break;
      cursor = batch.last;
      await destroyKeys(batch.totals.emptied);
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
    return opened;
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
        const rows = await tx.query<ValueMeta>(
          `SELECT ${META_COLUMNS} FROM personal_values WHERE marked_request_id = $1`,
          [request.id],
        );
        if (request.subject_id) {
          await tx.query('SELECT id FROM subjects WHERE id = $1 FOR UPDATE', [request.subject_id]);
        }
        await deps.acts.open(tx, { id: actId, kind: 'request', requestId: request.id, seed });
        const totals = await processValues(
          tx,
          rows,
          asOf,
          { id: actId, open: async () => {} },
          { everything: true },
        );
        return totals;
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
            ? await deps.acts.get(actId).then((a) => ({ number: a.number }))
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
      const keys = await destroyKeys();
      options.onProgress?.({ phase: 'keys', subjects: keys, values: 0 });
      await finishOpenActs(result);
      options.onProgress?.({ phase: 'acts', subjects: 0, values: 0 });
      await completeRequests(asOf, result, options.onProgress);
      if (!options.onlyRequests) {
        const actId = randomUUID();
        const opened = await sweepDue(asOf, runId, actId, result, options.onProgress);
        if (opened) {
          const act = await stores.transaction((tx) => deps.acts.complete(tx, actId));
          result.acts.push({ id: actId, number: act.number, kind: 'sweep' });
        }
        result.actsExpired = await stores.transaction((tx) => deps.acts.expire(tx, asOf));
      }
      await stores.sql.query(
        `UPDATE retention_runs SET status = 'completed', finished_at = $2 WHERE id = $1`,
        [runId, deps.clock()],
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
