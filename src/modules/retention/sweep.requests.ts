// Request completion: destruction and withdrawal requests whose values the sweep destroys, each in one
// transaction with its own act, then the act completed and the request answered together.
import { randomUUID } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import type { RequestService } from '../requests/request.service.js';
import type { ActSeed, DestructionActs } from './destruction-act.service.js';
import { loadFacts } from './retention.assess.js';
import type { RetentionService } from './retention.service.js';
import type { KeyDestroyer } from './sweep.subjects.js';
import { ACTOR, NOT_HELD, type SweepOptions, type SweepResult } from './sweep.types.js';
import { dueGroups, type ValueProcessor } from './sweep.values.js';

interface PendingRequest {
  id: string;
  number: string | number;
  subject_id: string | null;
  received_at: Date;
  outcome: { by?: string; pendingDestruction?: unknown } | null;
}

export function createRequestCompletion(deps: {
  stores: Stores;
  retention: RetentionService;
  acts: DestructionActs;
  requests: RequestService;
  values: ValueProcessor;
  keys: KeyDestroyer;
}) {
  const { stores } = deps;

  /** Requests waiting for their destruction: answered but unfinished, or with values marked for them. */
  async function pendingRequests(): Promise<PendingRequest[]> {
    // cross-module read: subject_requests (owner: requests), personal_values (owner: vault).
    return stores.sql.query<PendingRequest>(
      `SELECT r.id, r.number, r.subject_id, r.received_at, r.outcome FROM subject_requests r
       WHERE r.status = 'in_progress' AND r.outcome ? 'pendingDestruction'
       UNION
       SELECT r.id, r.number, r.subject_id, r.received_at, r.outcome FROM subject_requests r
       WHERE r.id IN (SELECT DISTINCT marked_request_id FROM personal_values WHERE marked_request_id IS NOT NULL)
       ORDER BY number`,
    );
  }

  /** Whether some of the request's values are under a legal hold: it waits until the hold is lifted. */
  async function isHeld(requestId: string): Promise<boolean> {
    // cross-module read: personal_values (owner: vault).
    const [held] = await stores.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM personal_values v WHERE v.marked_request_id = $1 AND NOT (${NOT_HELD})`,
      [requestId],
    );
    return Number(held?.n ?? 0) > 0;
  }

  /** The request's act: the one an interrupted run opened, or a new one. */
  async function actIdOf(requestId: string): Promise<string> {
    const [existing] = await stores.sql.query<{ id: string }>(
      `SELECT id FROM destruction_acts WHERE request_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [requestId],
    );
    return existing?.id ?? randomUUID();
  }

  /**
   * The request the act answers and who carried it out (a staff account among the act's signers); the act adds
   * the person responsible for the system that destroyed the data.
   */
  function seedOf(request: PendingRequest): ActSeed {
    return {
      ...(request.outcome?.by ? { executedBy: request.outcome.by } : {}),
      request: {
        number: Number(request.number),
        receivedDate: deps.retention.localDate(request.received_at),
      },
    };
  }

  /** Destroys every value marked for the request, in one transaction with the request's act opened. */
  async function destroyRequested(request: PendingRequest, actId: string, asOf: Date) {
    const seed = seedOf(request);
    return stores.transaction(async (tx) => {
      if (request.subject_id) {
        // cross-module read: subjects (owner: vault) — locked for the request's destruction.
        await tx.query('SELECT id FROM subjects WHERE id = $1 FOR UPDATE', [request.subject_id]);
      }
      const rows = await dueGroups(tx, 'v.marked_request_id = $1', [request.id]);
      await deps.acts.open(tx, { id: actId, kind: 'request', requestId: request.id, seed });
      const facts = await loadFacts(tx, [...new Set(rows.map((r) => r.subject_id))]);
      return deps.values.processValues(
        tx,
        rows,
        { asOf, facts, liquidationAt: null },
        { id: actId, open: async () => {} },
        { everything: true },
      );
    });
  }

  /** The act and the answer commit together: a crash before this leaves the act open, finished next run. */
  async function completeAndAnswer(requestId: string, actId: string, asOf: Date, result: SweepResult) {
    await stores.transaction(async (tx) => {
      const [status] = await tx.query<{ status: string }>(
        'SELECT status FROM destruction_acts WHERE id = $1',
        [actId],
      );
      const act =
        status?.status === 'completed'
          ? await deps.acts.get(actId, tx).then((a) => ({ number: a.number }))
          : await deps.acts.complete(tx, actId);
      await answerRequest(tx, requestId, actId, act.number, asOf);
      result.acts.push({ id: actId, number: act.number, kind: 'request', requestId });
    });
  }

  /** Destruction and withdrawal requests: each destroyed in one transaction with its own act, then answered. */
  async function completeRequests(asOf: Date, result: SweepResult, onProgress?: SweepOptions['onProgress']) {
    for (const request of await pendingRequests()) {
      if (await isHeld(request.id)) {
        result.requestsHeld.push(request.id);
        continue;
      }
      const actId = await actIdOf(request.id);
      const outcome = await destroyRequested(request, actId, asOf);
      await deps.keys.destroyKeys(outcome.emptied);
      result.valuesDestroyed += outcome.destroyed;
      result.subjectsDestroyed += outcome.emptied.length;
      await completeAndAnswer(request.id, actId, asOf, result);
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

  return { completeRequests };
}
