import { describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
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

  it('with two in flight, a backlog of eight or more that finds nothing running goes out as two halves at once', async () => {
    const started: number[][] = [];
    const releases: (() => void)[] = [];
    const commit = createBatchQueue<number, number>(
      async (items) => {
        started.push(items);
        await new Promise<void>((resolve) => releases.push(resolve));
        return items.map((n) => ({ ok: true, value: n }));
      },
      { maxBatch: 64, inFlight: 2 },
    );
    const first = Array.from({ length: 10 }, (_, i) => commit.submit(i));
    await eventually('both halves started', () => started.length === 2);
    expect(started).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
    ]);
    // Both slots are taken: what arrives now waits, whole, for the first slot to free.
    const later = [10, 11, 12].map((n) => commit.submit(n));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toHaveLength(2);
    releases[0]!();
    expect(await Promise.all(first.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
    await eventually('the waiting batch started', () => started.length === 3);
    expect(started[2]).toEqual([10, 11, 12]);
    releases[1]!();
    releases[2]!();
    expect(await Promise.all([...first.slice(5), ...later])).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('with two in flight, a small backlog is not split: a statement per item or two costs more than it saves', async () => {
    const started: number[][] = [];
    const commit = createBatchQueue<number, number>(
      async (items) => {
        started.push(items);
        return items.map((n) => ({ ok: true, value: n }));
      },
      { maxBatch: 64, inFlight: 2 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => commit.submit(n)))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(started).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
  });
});
