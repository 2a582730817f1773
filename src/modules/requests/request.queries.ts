// Reading requests: by the number or id staff type, one request with the requester's contact and words (the
// read is audited), lists by status and due date (no personal data), and a request's history from the audit chain.
import type { RequestCore, RequestServiceDeps } from './request.core.js';
import { REQUEST_COLUMNS, type RequestRow, requestNotFound, requestNumberOf } from './request.model.js';
import type { RequestStatus } from './request.table.js';

export interface RequestListFilter {
  status?: RequestStatus;
  open?: boolean;
  /** Open requests due on or before this local date (e.g. tomorrow), overdue ones included. */
  dueBy?: string;
  overdue?: boolean;
  subjectId?: string;
  limit?: number;
}

export function createRequestQueries(
  deps: Pick<RequestServiceDeps, 'stores' | 'audit' | 'clock'>,
  core: RequestCore,
) {
  const { stores, audit } = deps;
  const { loadRow, summarize } = core;

  /**
   * The request's id from a reference staff type: its number (`17`) or its id. A number that names no
   * request is `not_found`; an id is checked by whatever loads the row next.
   */
  async function resolveId(ref: string): Promise<string> {
    const number = requestNumberOf(ref);
    if (number === null) return ref.toLowerCase();
    const [row] = await stores.sql.query<{ id: string }>(
      'SELECT id FROM subject_requests WHERE number = $1',
      [number],
    );
    if (!row) throw requestNotFound(`№ ${number}`);
    return row.id;
  }

  /** The request with the requester's contact and own words, for the staff member handling it. */
  async function get(actor: string, id: string) {
    return stores.transaction(async (tx) => {
      const row = await loadRow(tx, id);
      await audit.append(tx, [
        { actor, action: 'request.read', subjectId: row.subject_id, details: { request_id: id } },
      ]);
      return { ...summarize(row), contact: core.contactOf(row), details: core.detailsOf(row) };
    });
  }

  async function list(filter: RequestListFilter) {
    const now = deps.clock();
    const rows = await stores.sql.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM subject_requests
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::boolean IS NOT TRUE OR status IN ('received', 'verifying', 'in_progress'))
         AND ($3::date IS NULL OR (due_date <= $3 AND status IN ('received', 'verifying', 'in_progress')))
         AND ($4::boolean IS NOT TRUE OR (due_at < $5 AND status IN ('received', 'verifying', 'in_progress')))
         AND ($6::uuid IS NULL OR subject_id = $6)
       ORDER BY due_at, number LIMIT $7`,
      [
        filter.status ?? null,
        filter.open ?? null,
        filter.dueBy ?? null,
        filter.overdue ?? null,
        now,
        filter.subjectId ?? null,
        filter.limit ?? 500,
      ],
    );
    return rows.map(summarize);
  }

  /** The request's history, read from the audit chain itself. */
  async function history(id: string) {
    await loadRow(stores.sql, id);
    // cross-module read: audit_log (owner: audit)
    const rows = await stores.sql.query<{
      seq: string | number;
      at: Date;
      actor: string;
      action: string;
      field_ids: string[];
      details: Record<string, unknown>;
    }>(
      `SELECT seq, at, actor, action, field_ids, details FROM audit_log
       WHERE details ? 'request_id' AND (details ->> 'request_id') = $1 ORDER BY seq`,
      [id],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      fields: r.field_ids,
      details: r.details,
    }));
  }

  return { resolveId, get, list, history };
}

export type RequestQueries = ReturnType<typeof createRequestQueries>;
