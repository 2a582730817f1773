// A batch queue: work submitted while a batch is running waits and runs with the next batch. A lone
// submission runs at once (no added latency); under load, round trips per item fall with the batch size.
// Each submitter gets its own result or its own error. Used for group commit (consent grants written in
// one statement) and for reading many subject keys with one query.
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export function createBatchQueue<T, R>(
  runBatch: (items: T[]) => Promise<ItemOutcome<R>[]>,
  options: { maxBatch: number },
) {
  let queue: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        // Turns of the event loop first, while the queue still grows (at most four): requests already received
        // join this batch. An embedded database runs each statement synchronously and resolves on microtasks, so
        // without this no I/O would run between two batches; one turn alone left PGlite's batches small
        // (grants 965 → 1,463 req/s at 20,000 subjects with up to four, BENCHMARKS.md).
        for (let turn = 0; turn < 4; turn++) {
          const before = queue.length;
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (queue.length === before || queue.length >= options.maxBatch) break;
        }
        const batch = queue.slice(0, options.maxBatch);
        queue = queue.slice(batch.length);
        try {
          const outcomes = await runBatch(batch.map((entry) => entry.item));
          batch.forEach((entry, i) => {
            const outcome = outcomes[i]!;
            if (outcome.ok) entry.resolve(outcome.value);
            else entry.reject(outcome.error);
          });
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
