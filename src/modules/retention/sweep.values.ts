// The sweep's value processing: decides what happens to each group of due values (destroy, anonymise,
// release the ended purposes, or reschedule), applies the decisions through the vault's owner functions,
// destroys the subjects left with nothing, and writes one audit entry per subject and outcome, each carrying
// the act's id, all in the caller's transaction.
import type { Sql } from '../../db/database.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { ObligationService } from '../obligations/obligation.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import {
  deleteValues,
  destroyEmptiedSubjects,
  updateValuePurposes,
  type ValuePurposesUpdate,
} from '../vault/vault.writes.js';
import { noFacts, type SubjectFacts } from './retention.assess.js';
import type { RetentionService } from './retention.service.js';
import { ACTOR, type BatchTotals, type DeletedRow, type ValueGroup } from './sweep.types.js';

type Decision = { kind: 'destroy' | 'anonymise' | 'release'; purposes: string[]; reason: string };

/** One subject's values with one outcome and reason: one audit entry. */
interface OutcomeGroup {
  subjectId: string;
  action: AuditEntryInput['action'];
  reason: string;
  purposes: Set<string>;
  counts: Record<string, number>;
}

/** What a batch decided, before any of it is written. */
interface Ledger {
  totals: BatchTotals;
  /** Values destroyed or anonymised: deleted. */
  gone: string[];
  /** Values released from ended purposes, or rescheduled: updated. */
  updates: ValuePurposesUpdate[];
  /** Anonymised counts by purpose, field and month (`purpose\0field\0YYYY-MM`). */
  aggregates: Map<string, number>;
  groups: Map<string, OutcomeGroup>;
  /** Subjects some of whose values went: the candidates to destroy. */
  touched: Set<string>;
}

export interface ValueContext {
  asOf: Date;
  facts: Map<string, SubjectFacts>;
  liquidationAt: Date | null;
}

export interface ActHandle {
  id: string;
  /** Opens the act (once) before the first value it covers is deleted. */
  open: () => Promise<void>;
}

/**
 * Due values of locked subjects, grouped by what the decision depends on: values collected together share
 * their purposes, bases and collection time, so one decision (and one parse of the bases) covers the group.
 */
export async function dueGroups(tx: Sql, where: string, params: unknown[]): Promise<ValueGroup[]> {
  // cross-module read: personal_values (owner: vault) — the sweep decides on the values it reads.
  return tx.query<ValueGroup>(
    `SELECT subject_id, purposes, legal_bases, collected_at, status, marked_reason, marked_request_id,
            array_agg(id) AS ids, array_agg(field_id) AS fields
     FROM personal_values v WHERE ${where}
     GROUP BY subject_id, purposes, legal_bases, collected_at, status, marked_reason, marked_request_id`,
    params,
  );
}

function newLedger(): Ledger {
  return {
    totals: { destroyed: 0, anonymised: 0, released: 0, emptied: [], actEntries: [] },
    gone: [],
    updates: [],
    aggregates: new Map(),
    groups: new Map(),
    touched: new Set(),
  };
}

const actionOf = (kind: Decision['kind']): AuditEntryInput['action'] =>
  kind === 'release' ? 'data.purpose_released' : kind === 'anonymise' ? 'data.anonymise' : 'data.destroy';

/** Writes the ledger's deletions, anonymous aggregates and updates, each one statement for the batch. */
async function applyLedger(tx: Sql, ledger: Ledger, act: ActHandle, asOf: Date): Promise<void> {
  if (ledger.gone.length > 0) {
    await act.open();
    await deleteValues(tx, ledger.gone);
  }
  if (ledger.aggregates.size > 0) {
    const keys = [...ledger.aggregates.keys()].map((k) => k.split('\u0000'));
    await tx.query(
      `INSERT INTO anonymous_aggregates (purpose_id, field_id, period, "values")
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
       ON CONFLICT (purpose_id, field_id, period) DO UPDATE SET "values" = anonymous_aggregates."values" + excluded."values"`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2]), [...ledger.aggregates.values()]],
    );
  }
  if (ledger.updates.length > 0) await updateValuePurposes(tx, ledger.updates, asOf);
}

export function createValueProcessor(deps: {
  rules: RegisterRules;
  audit: AuditService;
  retention: RetentionService;
  /** Fulfils, in the batch's transaction, the obligations to stop processing that the batch completed. */
  settleObligations: ObligationService['settle'];
}) {
  const { rules } = deps;
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

  /** Counts a decided group in the totals, the anonymous aggregates and its subject's outcome group. */
  function record(
    ledger: Ledger,
    row: { subject_id: string; fields: string[]; collected_at: Date },
    decision: Decision,
  ) {
    const { totals, aggregates, groups } = ledger;
    const count = row.fields.length;
    if (decision.kind === 'release') totals.released += count;
    else {
      ledger.touched.add(row.subject_id);
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
    const action = actionOf(decision.kind);
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
  }

  /** Values the DELETE already took because every purpose had ended: anonymised when all their purposes say so. */
  function recordDeleted(ledger: Ledger, deleted: DeletedRow[]) {
    for (const row of deleted) {
      const marked = row.status === 'marked_for_destruction';
      record(ledger, row, {
        kind: !marked && row.purposes.every((p) => anonymising.has(p)) ? 'anonymise' : 'destroy',
        purposes: row.purposes,
        reason: row.marked_reason ?? 'retention_expired',
      });
    }
  }

  /** Decides each group: everything destroyed (a request), or as its purposes' ends say as of `asOf`. */
  function decideRows(ledger: Ledger, rows: ValueGroup[], context: ValueContext, everything: boolean) {
    const { asOf, facts, liquidationAt } = context;
    for (const row of rows) {
      const subjectFacts = facts.get(row.subject_id) ?? noFacts();
      const decision = everything
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
          ledger.updates.push({
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
          ledger.updates.push({
            id,
            purposes: decision.remaining,
            legal_bases: legalBases,
            next: decision.nextAt?.toISOString() ?? null,
            last: decision.lastEnd?.toISOString() ?? null,
          });
        }
      } else ledger.gone.push(...row.ids);
      record(ledger, row, decision);
    }
  }

  /** One audit entry per subject and outcome; a destroyed subject's first destroying entry says so. */
  function entriesOf(ledger: Ledger, actId: string): AuditEntryInput[] {
    const emptied = new Set(ledger.totals.emptied);
    const entries: AuditEntryInput[] = [];
    for (const group of ledger.groups.values()) {
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
          ...(group.action === 'data.purpose_released' ? {} : { act_id: actId }),
          reason: group.reason,
          purposes,
          systems,
          counts: group.counts,
          // The subject had nothing left: identities removed, its key destroyed after this commit.
          ...(subjectGone ? { subjectDestroyed: true } : {}),
        },
      });
    }
    return entries;
  }

  /**
   * Destroys (or anonymises, or releases from ended purposes) the given due values of locked subjects, in the
   * caller's transaction, and writes one audit entry per subject and outcome, each carrying the act's id; a
   * subject left with nothing is destroyed in the same transaction and its entry says so.
   */
  async function processValues(
    tx: Sql,
    rows: ValueGroup[],
    context: ValueContext,
    act: ActHandle,
    options: { everything?: boolean; alreadyDeleted?: DeletedRow[] } = {},
  ): Promise<BatchTotals> {
    const ledger = newLedger();
    const { totals } = ledger;
    if (rows.length === 0 && !options.alreadyDeleted?.length) return totals;
    recordDeleted(ledger, options.alreadyDeleted ?? []);
    decideRows(ledger, rows, context, options.everything ?? false);
    await applyLedger(tx, ledger, act, context.asOf);
    // A subject with no value, no live consent and no hold left is destroyed: identities removed (it cannot be
    // found again), status 'destroyed'; its key goes after the commit. One statement does all three.
    if (ledger.touched.size > 0) {
      totals.emptied = await destroyEmptiedSubjects(tx, [...ledger.touched], context.asOf);
    }
    const entries = entriesOf(ledger, act.id);
    totals.actEntries = entries.filter((e) => e.action !== 'data.purpose_released');
    // Obligations to stop processing these values completed: fulfilled in this commit, with the act's id
    // where the subject's data was destroyed (or anonymised) rather than only released from a purpose.
    const subjects = [...new Set([...ledger.groups.values()].map((g) => g.subjectId))];
    entries.push(
      ...(await deps.settleObligations(
        tx,
        subjects.map((subjectId) => ({ subjectId, actId: ledger.touched.has(subjectId) ? act.id : null })),
        ACTOR,
      )),
    );
    await deps.audit.append(tx, entries);
    return totals;
  }

  return { processValues };
}

export type ValueProcessor = ReturnType<typeof createValueProcessor>;
