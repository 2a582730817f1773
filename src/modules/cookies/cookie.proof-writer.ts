// Writing cookie proofs: group commit through a batch queue, as the consent journal writes grants. Proofs that
// arrive while a batch is being written go out with the next one, as one multi-row INSERT. Proofs are
// anonymous (a random visitor id, no subject): they carry no audit entry of their own, the table is the record.
import type { Stores } from '../../db/database.js';
import { createBatchQueue, type ItemOutcome } from '../../lib/batch-queue.js';

/** A checked proof, ready to be written. */
export interface CookieProofRow {
  id: string;
  visitorId: string;
  policyVersion: string;
  lang: 'ru' | 'kk' | 'en';
  textHash: string;
  choices: Record<string, boolean>;
  method: 'accept_all' | 'reject_all' | 'custom' | 'withdraw' | 'gpc';
  gpc: boolean;
  decidedAt: Date;
  receivedAt: Date;
  userAgent: string | null;
}

export const COOKIE_PROOF_COLUMNS = [
  'id',
  'visitor_id',
  'policy_version',
  'lang',
  'text_hash',
  'choices',
  'method',
  'gpc',
  'decided_at',
  'received_at',
  'user_agent',
] as const;

/** One proof's VALUES tuple, its parameters numbered after `n` others. */
export function cookieProofValues(p: CookieProofRow, n: number): { tuple: string; params: unknown[] } {
  return {
    tuple:
      `($${n + 1}::uuid, $${n + 2}::uuid, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::jsonb, $${n + 7}, ` +
      `$${n + 8}::boolean, $${n + 9}::timestamptz, $${n + 10}::timestamptz, $${n + 11})`,
    params: [
      p.id,
      p.visitorId,
      p.policyVersion,
      p.lang,
      p.textHash,
      JSON.stringify(p.choices),
      p.method,
      p.gpc,
      p.decidedAt,
      p.receivedAt,
      p.userAgent,
    ],
  };
}

export function createCookieProofWriter(deps: { stores: Stores }) {
  const { stores } = deps;

  async function writeBatch(items: CookieProofRow[]): Promise<ItemOutcome<string>[]> {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const p of items) {
      const values = cookieProofValues(p, params.length);
      tuples.push(values.tuple);
      params.push(...values.params);
    }
    // One statement, atomic: either every proof of the batch is written or none (each submitter then gets
    // the error). Ids are fresh UUIDs and nothing else is unique, so a batch has nothing to collide on.
    await stores.sql.query(
      `INSERT INTO cookie_consents (${COOKIE_PROOF_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
    return items.map((p) => ({ ok: true, value: p.id }));
  }

  // 11 parameters a proof: 256 proofs stay far below PostgreSQL's 65,535 parameters a statement. Proofs need
  // no order between batches (no audit chain), so on PostgreSQL two batches go through the pool at once.
  const queue = createBatchQueue(writeBatch, {
    maxBatch: 256,
    inFlight: stores.kind === 'postgres' ? 2 : 1,
  });

  return {
    /** Writes a checked proof; resolves with its id once committed. */
    write: (p: CookieProofRow) => queue.submit(p),
  };
}
