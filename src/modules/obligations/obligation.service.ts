// What the operator owes by when. An obligation to stop processing (after a withdrawal) is fulfilled in the
// transaction of the effect that completes it — the purpose released from every value held under the
// withdrawn consent, or those values destroyed (the destruction act's id recorded) — or closed by a person
// with evidence of what Amanat cannot see (a mailing service that stopped sending).
import type { Sql, Stores } from '../../db/database.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AuditEntryInput, AuditService } from '../audit/audit.service.js';
import type { ObligationFulfilment } from './obligation.table.js';

export interface ObligationRow {
  id: string;
  subjectId: string;
  kind: string;
  purposeId: string;
  consentId: string | null;
  status: 'open' | 'fulfilled';
  createdAt: Date;
  dueDate: string;
  dueAt: Date;
  deadline: { amount: number; unit: string; source: string; rule: string };
  fulfilledAt: Date | null;
  fulfilment: ObligationFulfilment | null;
  destructionActId: string | null;
}

const COLUMNS = `id, subject_id AS "subjectId", kind, purpose_id AS "purposeId", consent_id AS "consentId", status,
  created_at AS "createdAt", due_date::text AS "dueDate", due_at AS "dueAt", deadline,
  fulfilled_at AS "fulfilledAt", fulfilment, destruction_act_id AS "destructionActId"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const EVIDENCE_MIN = 10;
export const EVIDENCE_MAX = 2000;

/** One subject whose values an effect changed; `actId` when the effect destroyed data under an act. */
export interface SettledSubject {
  subjectId: string;
  actId?: string | null;
}

/** A new obligation, in the caller's transaction (a withdrawal creates its obligation to stop processing). */
export async function insertObligation(
  tx: Sql,
  o: Pick<
    ObligationRow,
    | 'id'
    | 'subjectId'
    | 'kind'
    | 'purposeId'
    | 'consentId'
    | 'status'
    | 'createdAt'
    | 'dueDate'
    | 'dueAt'
    | 'deadline'
  >,
): Promise<void> {
  await tx.query(
    `INSERT INTO obligations (id, subject_id, kind, purpose_id, consent_id, status, created_at, due_date, due_at, deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9, $10::jsonb)`,
    [
      o.id,
      o.subjectId,
      o.kind,
      o.purposeId,
      o.consentId,
      o.status,
      o.createdAt,
      o.dueDate,
      o.dueAt,
      JSON.stringify(o.deadline),
    ],
  );
}

export function createObligationService(deps: { stores: Stores; audit: AuditService; clock: () => Date }) {
  const { stores } = deps;

  async function list(filter: { status?: 'open' | 'fulfilled'; subjectId?: string; dueOnOrBefore?: string }) {
    // due_date is sent as text: a driver would turn a DATE into local midnight of the server's zone.
    return stores.sql.query<ObligationRow>(
      `SELECT ${COLUMNS} FROM obligations
       WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR subject_id = $2)
         AND ($3::date IS NULL OR due_date <= $3)
       ORDER BY due_date, created_at LIMIT 1000`,
      [filter.status ?? null, filter.subjectId ?? null, filter.dueOnOrBefore ?? null],
    );
  }

  /**
   * In the caller's transaction, after an effect on these subjects' values: fulfils every open obligation to
   * stop processing whose effects are now complete — no value of the subject still holds the purpose under
   * the withdrawn consent (or, without a consent, holds the purpose at all). Returns the audit entries for
   * the caller to append with the effect's own. `'all'` looks at every open obligation (the sweep does, for
   * those whose effect came before obligations were fulfilled); without an act, a destroyed subject's
   * obligation is recorded as fulfilled by destruction, any other by the purpose's release.
   */
  async function settle(
    tx: Sql,
    subjects: SettledSubject[] | 'all',
    actor: string,
  ): Promise<AuditEntryInput[]> {
    if (subjects !== 'all' && subjects.length === 0) return [];
    const acts = new Map(
      subjects === 'all' ? [] : subjects.map((s) => [s.subjectId.toLowerCase(), s.actId ?? null]),
    );
    const done = await tx.query<{ id: string; subject_id: string; purpose_id: string; destroyed: boolean }>(
      `SELECT o.id, o.subject_id, o.purpose_id, s.status = 'destroyed' AS destroyed
       FROM obligations o JOIN subjects s ON s.id = o.subject_id
       WHERE ($1::uuid[] IS NULL OR o.subject_id = ANY($1::uuid[])) AND o.status = 'open'
         AND o.kind = 'stop_processing'
         AND NOT EXISTS (
           SELECT 1 FROM personal_values v
           WHERE v.subject_id = o.subject_id AND o.purpose_id = ANY(v.purposes)
             AND (o.consent_id IS NULL
                  OR v.legal_bases @> jsonb_build_array(jsonb_build_object('purpose', o.purpose_id,
                                                                           'consentId', o.consent_id::text))))
       ORDER BY o.id LIMIT 1000 FOR UPDATE OF o`,
      [subjects === 'all' ? null : [...acts.keys()]],
    );
    if (done.length === 0) return [];
    const now = deps.clock();
    const entries: AuditEntryInput[] = [];
    const updates = done.map((o) => {
      const actId = acts.get(o.subject_id.toLowerCase()) ?? null;
      const fulfilment: ObligationFulfilment = actId
        ? { how: 'data_destroyed', by: actor, actId }
        : { how: o.destroyed ? 'data_destroyed' : 'purpose_released', by: actor };
      entries.push({
        actor,
        action: 'obligation.fulfil',
        subjectId: o.subject_id,
        purposeId: o.purpose_id,
        details: { obligationId: o.id, how: fulfilment.how, ...(actId ? { destructionActId: actId } : {}) },
      });
      return { id: o.id, fulfilment, act: actId };
    });
    await tx.query(
      `UPDATE obligations o SET status = 'fulfilled', fulfilled_at = $2, fulfilment = u.fulfilment,
         destruction_act_id = u.act
       FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, fulfilment jsonb, act uuid)
       WHERE o.id = u.id`,
      [JSON.stringify(updates), now],
    );
    return entries;
  }

  /** A person closes an open obligation with evidence of what Amanat cannot see; audited. */
  async function close(actor: string, id: string, evidence: string): Promise<ObligationRow> {
    const text = evidence.trim();
    if (text.length < EVIDENCE_MIN || text.length > EVIDENCE_MAX) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Поле evidence: опишите, чем подтверждено исполнение (от ${EVIDENCE_MIN} до ${EVIDENCE_MAX} символов), ` +
          `например «рассылка в сервисе отключена». Evidence: ${EVIDENCE_MIN}–${EVIDENCE_MAX} characters expected.`,
        { issues: [{ path: 'evidence', message: `expected ${EVIDENCE_MIN}–${EVIDENCE_MAX} characters` }] },
      );
    }
    const notFound = () =>
      new DomainError(ErrorCodes.NOT_FOUND, `Обязательство ${id} не найдено. Obligation not found.`, {
        issues: [{ path: 'obligationId', message: 'not found' }],
      });
    if (!UUID.test(id)) throw notFound();
    return stores.transaction(async (tx) => {
      const [row] = await tx.query<ObligationRow>(
        `SELECT ${COLUMNS} FROM obligations WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound();
      if (row.status !== 'open') {
        throw new DomainError(
          ErrorCodes.OBLIGATION_FULFILLED,
          `Обязательство ${id} уже исполнено ${row.fulfilledAt?.toISOString() ?? ''} ` +
            `(${row.fulfilment?.how ?? row.status}): закрывать нечего. The obligation is already fulfilled.`,
          { issues: [{ path: 'obligationId', message: 'already fulfilled' }] },
        );
      }
      const fulfilment: ObligationFulfilment = { how: 'closed', by: actor, evidence: text };
      const [updated] = await tx.query<ObligationRow>(
        `UPDATE obligations SET status = 'fulfilled', fulfilled_at = $2, fulfilment = $3::jsonb WHERE id = $1
         RETURNING ${COLUMNS}`,
        [id, deps.clock(), JSON.stringify(fulfilment)],
      );
      // The evidence is the operator's own note about its systems; the chain records that it was given.
      await deps.audit.append(tx, [
        {
          actor,
          action: 'obligation.fulfil',
          subjectId: row.subjectId,
          purposeId: row.purposeId,
          details: { obligationId: id, how: 'closed', evidenceLength: text.length },
        },
      ]);
      return updated!;
    });
  }

  return { list, settle, close };
}

export type ObligationService = ReturnType<typeof createObligationService>;
