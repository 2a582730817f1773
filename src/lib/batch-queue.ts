// A batch queue: work submitted while a batch is running waits and runs with the next batch. A lone
// submission runs at once (no added latency); under load, round trips per item fall with the batch size.
// Each submitter gets its own result or its own error. Used for group commit (consent grants written in
// one statement) and for reading many subject keys with one query.
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Smallest backlog worth halving: a statement's fixed cost (commit, round trip) outweighs the overlap below
 * halves of four. Measured on PostgreSQL with 10 closed-loop clients: halving from 2 gave batches of 3 and
 * grants fell from ~4,700 to ~4,400 req/s; halving from 8 gave two groups of 5 and ~6,000 req/s.
 */
const SPLIT_FROM = 8;

export interface BatchQueueOptions {
  maxBatch: number;
  /**
   * Batches running at once (1 by default). With 2, a backlog of at least SPLIT_FROM items that finds nothing
   * running goes out as two halves, the second sent behind the first: the database writes one half while this
   * process answers the other and takes in the next requests, instead of the two taking turns. Closed-loop
   * clients then settle into two groups that alternate. For a database on its own connection (PostgreSQL);
   * PGlite runs on this thread, so there is nothing to overlap.
   */
  inFlight?: number;
}

export function createBatchQueue<T, R>(
  runBatch: (items: T[]) => Promise<ItemOutcome<R>[]>,
  options: BatchQueueOptions,
) {
  const slots = options.inFlight ?? 1;
  let queue: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let running = 0;
  let gathering = false;

  async function dispatch(): Promise<void> {
    if (gathering || running >= slots || queue.length === 0) return;
    gathering = true;
    // Turns of the event loop first, while the queue still grows (at most four): requests already received
    // join this batch. An embedded database runs each statement synchronously and resolves on microtasks, so
    // without this no I/O would run between two batches; one turn alone left PGlite's batches small
    // (grants 965 → 1,463 req/s at 20,000 subjects with up to four, BENCHMARKS.md).
    for (let turn = 0; turn < 4; turn++) {
      const before = queue.length;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (queue.length === before || queue.length >= options.maxBatch) break;
    }
    gathering = false;
    const half = running === 0 && slots > 1 && queue.length >= SPLIT_FROM;
    const batch = queue.slice(
      0,
      Math.min(half ? Math.ceil(queue.length / 2) : queue.length, options.maxBatch),
    );
    queue = queue.slice(batch.length);
    running += 1;
    void dispatch();
    try {
      const outcomes = await runBatch(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) entry.resolve(outcome.value);
        else entry.reject(outcome.error);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      running -= 1;
    }
    void dispatch();
  }

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        void dispatch();
      });
    },
  };
}
