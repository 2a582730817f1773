// On PostgreSQL the "files" are the database: a pg_dump of both stores must not contain a collected value.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';

describe.skipIf(!storeKinds().includes('postgres'))('no plaintext in PostgreSQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('postgres');
  });
  afterAll(async () => api?.close());

  it('a pg_dump of the data and key databases holds no collected value, but does hold the clear-text control', async () => {
    const subject = await api.call('POST', '/api/subjects', { body: { email: 'pg-probe@example.kz' } });
    const support = api.amanat.rules.purpose(api.purposeId(6));
    const nameField = support.fields.find((f) => api.amanat.rules.field(f)!.type === 'full_name')!;
    const res = await api.call('POST', `/api/subjects/${subject.body.id}/data`, {
      body: {
        purposes: [support.id],
        values: { [nameField]: 'Дархан ПостгресМаркер Оспанов' },
        source: 'pg-control-source-9917',
        contract_ref: 'offer-1',
      },
    });
    expect(res.status).toBe(201);
    const dump = (url: string) => {
      const out = spawnSync('pg_dump', ['--no-owner', url], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(out.status, out.stderr).toBe(0);
      return out.stdout;
    };
    const data = dump(api.urls!.data);
    const keys = dump(api.urls!.keys);
    expect(data).toContain('pg-control-source-9917');
    for (const text of [data, keys]) {
      expect(text).not.toContain('ПостгресМаркер');
      expect(text).not.toContain('pg-probe@example.kz');
    }
    expect(keys).toContain('subject_keys');
    expect(data).not.toContain('subject_keys');
  });
});
