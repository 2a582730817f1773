import { describe, expect, it } from 'vitest';
import { createBatchQueue, type ItemOutcome } from './batch-queue.js';

describe('batch queue', () => {
  it('writes a lone item at once and items that arrive meanwhile together, each with its own outcome', async () => {
    const batches: number[][] = [];
    const commit = createBatchQueue<number, number>(
      async (items) => {
        batches.push(items);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return items.map(
          (n): ItemOutcome<number> =>
            n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 2 },
        );
      },
      { maxBatch: 3 },
    );
    expect(await commit.submit(1)).toBe(2);
    const results = await Promise.allSettled([2, -3, 4, 5, 6].map((n) => commit.submit(n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      4,
      'bad -3',
      8,
      10,
      12,
    ]);
    expect(batches).toEqual([[1], [2, -3, 4], [5, 6]]);
  });

  it('a batch that throws rejects every item of that batch and the next batch still runs', async () => {
    let calls = 0;
    const commit = createBatchQueue<number, number>(
      async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('transaction failed');
        return items.map((n) => ({ ok: true, value: n }));
      },
      { maxBatch: 10 },
    );
    const first = await Promise.allSettled([1, 2].map((n) => commit.submit(n)));
    expect(first.every((r) => r.status === 'rejected')).toBe(true);
    expect(await commit.submit(3)).toBe(3);
  });
});
