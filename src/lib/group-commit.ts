// Group commit: work submitted while a batch is being written waits and is written with the next batch, in
// one transaction. A lone submission is written at once (no added latency); under load, statements per
// item fall with the batch size. Each submitter gets its own result or its own error.
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export function createGroupCommit<T, R>(
  writeBatch: (items: T[]) => Promise<ItemOutcome<R>[]>,
  options: { maxBatch: number },
) {
  let queue: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        // One turn of the event loop first: requests already received get to join this batch. (An embedded
        // database resolves on microtasks, so without this no I/O would run between two batches.)
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = queue.slice(0, options.maxBatch);
        queue = queue.slice(batch.length);
        try {
          const outcomes = await writeBatch(batch.map((entry) => entry.item));
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
      writing = false;
    }
  }

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
