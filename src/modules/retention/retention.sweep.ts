// The sweep: finds what is due and destroys it, a batch of subjects per transaction. Every batch deletes the
// values, removes the identities of subjects left with nothing, and writes the audit entries that the act is
// later filled from, all in one commit; then the emptied subjects' keys are deleted from the key store. A crash
// leaves each subject either done (its batch committed) or untouched, and the next run picks up the rest:
// subjects destroyed but whose keys remain, acts left open, requests whose destruction was not answered.
// This file is the run loop and the due batches; the parts are value processing (sweep.values.ts), subject
// destruction after the commit (sweep.subjects.ts) and the requests the sweep completes (sweep.requests.ts).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ObligationService } from '../obligations/obligation.service.js';
import type { RequestService } from '../requests/request.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from '../vault/key-store.js';
import { deleteEndedValues, markKeysDestroyed } from '../vault/vault.writes.js';
import { type ActTally, addToTally, type DestructionActs, emptyTally } from './destruction-act.service.js';
import { factsOfSubjects, loadLiquidation, type SubjectFacts } from './retention.assess.js';
import type { RetentionService } from './retention.service.js';
import { createRequestCompletion } from './sweep.requests.js';
import { createKeyDestroyer } from './sweep.subjects.js';
import {
  ACTOR,
  type BatchTotals,
  NIL_UUID,
  NOT_HELD,
  type SweepOptions,
  type SweepResult,
} from './sweep.types.js';
import { createValueProcessor, dueGroups } from './sweep.values.js';

export type { SweepOptions, SweepProgress, SweepResult } from './sweep.types.js';

/** One due batch as committed: where the next starts, how many subjects it held, what it did. */
interface DueBatch {
  last: string;
  subjects: number;
  totals: BatchTotals;
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
  const values = createValueProcessor(deps);
  const keys = createKeyDestroyer(deps);
  const requestCompletion = createRequestCompletion({ ...deps, values, keys });

  /**
   * One batch of subjects with due values, in the caller's transaction: the previous batch's keys marked
   * destroyed, the subjects locked, ended values deleted in the statement that finds them, the rest decided.
   */
  async function sweepBatch(
    tx: Sql,
    batch: { asOf: Date; cursor: string; keysDestroyed: string[]; liquidationAt: Date | null },
    act: { id: string; runId: string; opened: boolean },
  ): Promise<DueBatch | null> {
    const { asOf, cursor } = batch;
    if (batch.keysDestroyed.length > 0) await markKeysDestroyed(tx, batch.keysDestroyed, deps.clock());
    // cross-module read: personal_values, subjects (owner: vault) — the due subjects, locked for this batch.
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
    const deleted = await deleteEndedValues(tx, lockedIds, asOf, NOT_HELD);
    // Values with one purpose ended and another still running are decided in code: the ended ones released.
    const partial = await dueGroups(
      tx,
      `v.subject_id = ANY($1::uuid[]) AND v.next_retention_at <= $2 AND (v.retain_until IS NULL OR v.retain_until > $2)
         AND v.marked_request_id IS NULL AND ${NOT_HELD}`,
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
      if (act.opened) return;
      await deps.acts.open(tx, { id: act.id, kind: 'sweep', runId: act.runId });
    };
    if (deleted.length > 0) await open();
    const totals = await values.processValues(
      tx,
      partial,
      { asOf, facts, liquidationAt: batch.liquidationAt },
      { id: act.id, open },
      { alreadyDeleted: deleted },
    );
    return { last, subjects: locked.length, totals };
  }

  /** Every due value, a batch per transaction; returns the act's tally, or null when nothing was destroyed. */
  async function sweepDue(
    asOf: Date,
    runId: string,
    actId: string,
    result: SweepResult,
    onProgress?: SweepOptions['onProgress'],
  ): Promise<ActTally | null> {
    let cursor = NIL_UUID;
    const act = { id: actId, runId, opened: false };
    const tally = emptyTally();
    let keysDestroyed: string[] = [];
    const liquidationAt = await loadLiquidation(stores.sql, timeZone);
    for (;;) {
      const batch = await stores.transaction((tx) =>
        sweepBatch(tx, { asOf, cursor, keysDestroyed, liquidationAt }, act),
      );
      keysDestroyed = [];
      if (!batch) break;
      if (batch.totals.destroyed + batch.totals.anonymised > 0) act.opened = true;
      cursor = batch.last;
      for (const entry of batch.totals.actEntries) addToTally(tally, entry.action, entry.details ?? {});
      await keys.destroyKeys(batch.totals.emptied, { markLater: true });
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
    return act.opened ? tally : null;
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

  /** The error for a run that finds the lock taken, naming the run that holds it when it is recorded. */
  async function busyError(): Promise<DomainError> {
    const [running] = await stores.sql.query<{ instance: string; started_at: Date; trigger: string }>(
      `SELECT instance, started_at, trigger FROM retention_runs WHERE status = 'running' ORDER BY started_at DESC LIMIT 1`,
    );
    return new DomainError(
      ErrorCodes.RETENTION_BUSY,
      'Уничтожение уже выполняется другим запуском' +
        (running
          ? ` (${running.instance}, запущен ${running.started_at.toISOString()}, ${running.trigger})`
          : '') +
        ': дождитесь его окончания. Another retention run holds the lock.',
    );
  }

  /** Refuses a clock behind the last sweep, closes runs cut off by a crash, and records this one as running. */
  async function startRun(runId: string, asOf: Date, trigger: SweepOptions['trigger']) {
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
      [runId, trigger, instance, asOf, deps.clock()],
    );
  }

  /** The full sweep after requests: due values under one act, expired acts, obligations left unfulfilled. */
  async function sweepEverything(
    asOf: Date,
    runId: string,
    result: SweepResult,
    onProgress?: SweepOptions['onProgress'],
  ) {
    const actId = randomUUID();
    // The act's numbers as the sweep counted them: the chain holds the same, read back only after a crash.
    const tally = await sweepDue(asOf, runId, actId, result, onProgress);
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

  async function finishRun(runId: string, result: SweepResult) {
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
  }

  async function failRun(runId: string, error: unknown) {
    await stores.sql
      .query(`UPDATE retention_runs SET status = 'failed', finished_at = $2, error = $3 WHERE id = $1`, [
        runId,
        deps.clock(),
        error instanceof Error ? error.message.slice(0, 500) : String(error),
      ])
      .catch(() => {});
  }

  const emptyResult = (runId: string, asOf: Date): SweepResult => ({
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
  });

  async function run(options: SweepOptions): Promise<SweepResult> {
    const lock = await stores.tryLock('retention-sweep');
    if (!lock) throw await busyError();
    const asOf = deps.clock();
    const runId = randomUUID();
    const result = emptyResult(runId, asOf);
    try {
      await startRun(runId, asOf, options.trigger);
      // A register whose retention rules changed since the schedule was computed: reschedule before trusting it.
      await deps.retention.ensureScheduleCurrent();
      const destroyed = await keys.destroyKeys();
      options.onProgress?.({ phase: 'keys', subjects: destroyed, values: 0 });
      await finishOpenActs(result);
      options.onProgress?.({ phase: 'acts', subjects: 0, values: 0 });
      await requestCompletion.completeRequests(asOf, result, options.onProgress);
      if (!options.onlyRequests) await sweepEverything(asOf, runId, result, options.onProgress);
      await finishRun(runId, result);
      options.onProgress?.({
        phase: 'done',
        subjects: result.subjectsDestroyed,
        values: result.valuesDestroyed,
      });
      return result;
    } catch (error) {
      await failRun(runId, error);
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

  return { run, runs, destroyKeys: keys.destroyKeys };
}

export type RetentionSweeper = ReturnType<typeof createRetentionSweeper>;
