import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Amanat } from '../src/app/amanat.js';
import { eventually } from './support/eventually.js';
import { createSecondInstance, createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

const keyRefused = (amanat: Amanat, subjectId: string) =>
  amanat.keyStore.getSubjectKey(subjectId).then(
    () => false,
    (error) => error.code === 'not_found',
  );

const newSubjects = async (amanat: Amanat, count: number, tag: string) => {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push((await amanat.vault.ensureSubject('test', { email: `${tag}${i}@example.kz` })).subjectId);
  return ids;
};

describe.each(storeKinds())('subject-key cache on %s', (kind) => {
  let t: TestAmanat;
  beforeEach(async () => {
    t = await createTestAmanat(kind);
  });
  afterEach(async () => t?.close());

  it('keeps the keys it read and forgets what this process destroys', async () => {
    await eventually('the cache in use', () => t.amanat.keyStore.cacheStatus().state !== 'reconnecting');
    const [subject] = await newSubjects(t.amanat, 1, 'own');
    const key = await t.amanat.keyStore.getSubjectKey(subject!);
    expect(key).toHaveLength(32);
    expect(t.amanat.keyStore.cacheStatus().entries).toBe(1);
    expect(t.amanat.keyStore.cacheStatus()).toMatchObject({
      state: kind === 'pglite' ? 'own-process' : 'listening',
      capacity: 100_000,
    });
    // The cached key is the key in the store; an id in upper case names the same key and the same entry.
    expect(await t.amanat.keyStore.getSubjectKey(subject!)).toEqual(key);
    expect(await t.amanat.keyStore.getSubjectKey(subject!.toUpperCase())).toEqual(key);
    expect(t.amanat.keyStore.cacheStatus().entries).toBe(1);

    expect(await t.amanat.keyStore.destroySubjectKeys([subject!.toUpperCase()])).toBe(1);
    expect(t.amanat.keyStore.cacheStatus().entries).toBe(0);
    expect(await keyRefused(t.amanat, subject!)).toBe(true);
    expect(await keyRefused(t.amanat, subject!.toUpperCase())).toBe(true);
    // A retry after a crash deletes nothing more and still answers.
    expect(await t.amanat.keyStore.destroySubjectKeys([subject!])).toBe(0);
  });
});

describe.skipIf(!storeKinds().includes('postgres'))('subject-key cache across instances', () => {
  let first: TestAmanat;
  let second: Amanat;
  beforeEach(async () => {
    first = await createTestAmanat('postgres');
    second = await createSecondInstance(first, { keyCacheEntries: 300 });
    await eventually('both instances listening', () =>
      [first.amanat, second].every((a) => a.keyStore.cacheStatus().state === 'listening'),
    );
  });
  afterEach(async () => {
    await second?.close();
    await first?.close();
  });

  it('a destruction by one instance drops the keys from the other, more than one notice’s worth', async () => {
    // 250 keys: the destruction sends two notices (200 ids each at most).
    const subjects = await newSubjects(first.amanat, 250, 'shred');
    for (const id of subjects) await second.keyStore.getSubjectKey(id);
    expect(second.keyStore.cacheStatus()).toMatchObject({ entries: 250, capacity: 300 });

    expect(await first.amanat.keyStore.destroySubjectKeys(subjects)).toBe(250);
    await eventually(
      'the other instance dropping every destroyed key',
      () => second.keyStore.cacheStatus().entries === 0,
    );
    for (const id of [subjects[0]!, subjects[199]!, subjects[200]!, subjects[249]!])
      expect(await keyRefused(second, id)).toBe(true);
  });

  it('keeps at most its capacity, dropping the oldest first', async () => {
    const subjects = await newSubjects(first.amanat, 310, 'full');
    for (const id of subjects) await second.keyStore.getSubjectKey(id);
    expect(second.keyStore.cacheStatus().entries).toBe(300);
    // Still right for an evicted key: it is read from the store again.
    expect(await second.keyStore.getSubjectKey(subjects[0]!)).toEqual(
      await first.amanat.keyStore.getSubjectKey(subjects[0]!),
    );
  });

  it('when its listening connection is cut, an instance empties its cache and refills it only once it hears again', async () => {
    const [subject] = await newSubjects(first.amanat, 1, 'cut');
    await second.keyStore.getSubjectKey(subject!);
    expect(second.keyStore.cacheStatus().entries).toBe(1);

    const cut = await first.stores.keySql.query<{ ok: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
       WHERE datname = current_database() AND query = 'LISTEN amanat_subject_keys' AND pid <> pg_backend_pid()`,
    );
    expect(cut.length).toBeGreaterThanOrEqual(2);
    await eventually(
      'the cut instance emptying its cache',
      () => second.keyStore.cacheStatus().entries === 0,
    );
    await eventually(
      'the cut instance listening again',
      () => second.keyStore.cacheStatus().state === 'listening',
    );

    // Listening again, it hears destructions: the key read now is cached, and dropped when destroyed.
    await second.keyStore.getSubjectKey(subject!);
    expect(second.keyStore.cacheStatus().entries).toBe(1);
    await first.amanat.keyStore.destroySubjectKeys([subject!]);
    await eventually(
      'the destruction heard after reconnecting',
      () => second.keyStore.cacheStatus().entries === 0,
    );
    expect(await keyRefused(second, subject!)).toBe(true);
  });
});
