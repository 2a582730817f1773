// Anchors the audit chain's head outside the data store. The chain proves that no entry inside it was changed,
// but its tail can be cut and `audit_head` moved back (or both wiped) by anyone who can write the data store.
// So the committed head is copied into the key store — another database — at most once per period after an
// append, and on close; `audit verify` then compares the chain with that anchor (and with the positions the
// signed documents recorded). The copy is written after commit, off the request's path: a grant or a read
// gains no statement. What it leaves open: entries committed in the last period before a crash, until the next
// start appends and anchors again.
import type { Sql, Stores } from '../../db/database.js';

export interface AuditAnchor {
  seq: number;
  hash: Buffer;
  /** Where the position was recorded, as verify names it. */
  source: { ru: string; en: string };
}

export type AnchorOutcome = 'anchored' | 'unchanged' | 'diverged';

export function createAuditAnchors(deps: {
  stores: Pick<Stores, 'sql' | 'keySql'>;
  clock: () => Date;
  /** How long after an append the head is anchored; appends within it share one anchor. */
  periodMs?: number;
  /** The head this process last claimed, so a period that anchored less tries again. */
  claimedSeq?: () => number | null;
}) {
  const periodMs = deps.periodMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let retries = 0;
  let stopped = false;

  async function readAnchor(keySql: Sql): Promise<{ seq: number; hash: Buffer } | null> {
    const [row] = await keySql.query<{ seq: string | number; hash: Uint8Array }>(
      'SELECT seq, hash FROM amanat_keys.audit_anchors WHERE id = 1',
    );
    return row ? { seq: Number(row.seq), hash: Buffer.from(row.hash) } : null;
  }

  /**
   * Copies the committed head into the key store. The anchor only moves forward along the chain it anchors: when
   * the entry it names is gone or differs (the tail was cut, the log wiped and started again), it stays where it
   * is, so verify keeps naming the gap however many entries were appended since.
   */
  async function anchorNow(): Promise<AnchorOutcome> {
    const [head] = await deps.stores.sql.query<{ seq: string | number; hash: Uint8Array }>(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    if (!head || Number(head.seq) === 0) return 'unchanged';
    const seq = Number(head.seq);
    const anchor = await readAnchor(deps.stores.keySql);
    if (anchor) {
      if (anchor.seq === seq && anchor.hash.equals(Buffer.from(head.hash))) return 'unchanged';
      if (anchor.seq > seq) return 'diverged';
      const [entry] = await deps.stores.sql.query<{ hash: Uint8Array }>(
        'SELECT hash FROM audit_log WHERE seq = $1',
        [anchor.seq],
      );
      if (!entry || !anchor.hash.equals(Buffer.from(entry.hash))) return 'diverged';
    }
    await deps.stores.keySql.query(
      `INSERT INTO amanat_keys.audit_anchors (id, seq, hash, anchored_at) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, anchored_at = excluded.anchored_at
       WHERE amanat_keys.audit_anchors.seq < excluded.seq`,
      [seq, Buffer.from(head.hash), deps.clock()],
    );
    return 'anchored';
  }

  function run(): Promise<unknown> {
    running = running
      .then(anchorNow)
      .then(async (outcome) => {
        const claimed = deps.claimedSeq?.() ?? null;
        const anchored = await readAnchor(deps.stores.keySql);
        // An append whose transaction committed after this period read the head: one more period, a few times.
        if (outcome !== 'diverged' && claimed !== null && (anchored?.seq ?? 0) < claimed && retries < 3) {
          retries += 1;
          schedule();
        } else retries = 0;
      })
      .catch((error: unknown) =>
        process.emitWarning(
          `The audit head could not be anchored in the key store: ${(error as Error).message}`,
          'AmanatAudit',
        ),
      );
    return running;
  }

  /** Called after each append: the head is anchored within the period. */
  function schedule(): void {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, periodMs);
    timer.unref();
  }

  /** The positions verify compares the chain with: the key store's anchor. */
  async function anchors(): Promise<AuditAnchor[]> {
    const anchor = await readAnchor(deps.stores.keySql);
    return anchor ? [{ ...anchor, source: { ru: 'хранилище ключей', en: 'the key store' } }] : [];
  }

  /** Stops the period; the head is anchored one last time (a clean stop loses no tail). */
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await running;
    await anchorNow().catch((error: unknown) =>
      process.emitWarning(
        `The audit head could not be anchored in the key store: ${(error as Error).message}`,
        'AmanatAudit',
      ),
    );
  }

  return { schedule, anchorNow, anchors, stop };
}

export type AuditAnchors = ReturnType<typeof createAuditAnchors>;
