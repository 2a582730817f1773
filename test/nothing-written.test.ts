// A refused write changes nothing: for every rejection path of the write routes, the row counts of every
// table of both stores (subjects, identities, values, consents, requests, keys in the key store, audit
// entries other than recorded refusals) are the same before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, grantBody, type TestApi } from './support/api.js';
import { storeKinds } from './support/stores.js';
import { countChanges, tableCounts } from './support/table-counts.js';

const DUMMY = '00000000-0000-4000-8000-000000000000';

describe.each(storeKinds())('a refused write writes nothing on %s', (kind) => {
  let t: TestApi;
  let known: string;
  let consenting: string;
  let n = 0;
  const fresh = () => `fresh-${++n}@nothing.kz`;

  /** Calls the route, expects the status, and returns what changed in the stores meanwhile. */
  async function refused(
    method: string,
    path: string,
    body: unknown,
    status: number,
    token?: string,
  ): Promise<string[]> {
    const before = await tableCounts(t.stores);
    const res = await t.call(method, path, { body, token });
    expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(status);
    return countChanges(before, await tableCounts(t.stores));
  }

  beforeAll(async () => {
    t = await createTestApi(kind);
    known = (await t.call('POST', '/api/subjects', { body: { email: 'known@nothing.kz' } })).body.id;
    consenting = (await t.call('POST', '/api/subjects', { body: { email: 'consenting@nothing.kz' } })).body
      .id;
    expect(
      (await t.call('POST', `/api/subjects/${consenting}/consents`, { body: grantBody(t.purposeId(8)) }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => t?.close());

  it('POST /api/collect refused for any reason leaves no subject, identity, key or audit entry', async () => {
    const support = t.purposeId(6);
    const mailing = t.purposeId(8);
    const collect = (subject: Record<string, string>, extra: Record<string, unknown>) => ({
      subject,
      purposes: [support],
      values: { full_name: 'Айгерим Сапарова' },
      source: 'website:test',
      contract_ref: 'offer-1',
      ...extra,
    });
    const cases: [string, Record<string, unknown>][] = [
      ['unknown purpose', { purposes: ['no-such-purpose'] }],
      ['a field the purpose does not list', { values: { full_name: 'А', inn: '123456789012' } }],
      ['an unknown field', { values: { shoe_size: '42' } }],
      [
        'no live consent',
        { purposes: [mailing], values: { email: 'x@nothing.kz' }, contract_ref: undefined },
      ],
      ['an oversized value', { values: { full_name: 'я'.repeat(20_000) } }],
      ['no contract reference', { contract_ref: undefined }],
      ['a retention option the purpose does not have', { retention_options: { [support]: 'nonsense' } }],
      ['no values', { values: {} }],
    ];
    for (const [why, extra] of cases) {
      const email = fresh();
      const changed = await refused('POST', '/api/collect', collect({ email }, extra), 422);
      expect(changed, why).toEqual([]);
      const lookup = await t.call('POST', '/api/subjects/lookup', { body: { kind: 'email', value: email } });
      expect(lookup.status, why).toBe(404);
    }
    // A known subject arriving with a new identifier: the identifier is not added when the collection fails.
    const changed = await refused(
      'POST',
      '/api/collect',
      collect({ email: 'known@nothing.kz', phone: '+77015550101' }, { purposes: ['no-such-purpose'] }),
      422,
    );
    expect(changed).toEqual([]);
    const byPhone = await t.call('POST', '/api/subjects/lookup', {
      body: { kind: 'phone', value: '+77015550101' },
    });
    expect(byPhone.status).toBe(404);
  });

  it('POST /api/collect that succeeds still creates the subject and its values together', async () => {
    const email = fresh();
    const res = await t.call('POST', '/api/collect', {
      body: {
        subject: { email },
        purposes: [t.purposeId(6)],
        values: { full_name: 'Айгерим Сапарова' },
        source: 'website:test',
        contract_ref: 'offer-1',
      },
    });
    expect(res.status).toBe(201);
    const lookup = await t.call('POST', '/api/subjects/lookup', { body: { kind: 'email', value: email } });
    expect(lookup.body.id).toBe(res.body.subjectId);
  });

  it('the other write routes refused on their own grounds write nothing', async () => {
    const mailing = t.purposeId(8);
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/subjects', { email: 'not an address' }, 422],
      [
        'POST',
        '/api/subjects',
        { email: 'known@nothing.kz', phone: '+77015550102', iin: '000000000000' },
        422,
      ],
      ['POST', '/api/subjects', { email: 'known@nothing.kz' }, 200],
      [
        'POST',
        `/api/subjects/${known}/data`,
        { purposes: ['nope'], values: { email: 'a@b.kz' }, source: 's' },
        422,
      ],
      [
        'POST',
        `/api/subjects/${known}/data`,
        { purposes: [mailing], values: { email: 'a@b.kz' }, source: 's' },
        422,
      ],
      [
        'POST',
        `/api/subjects/${DUMMY}/data`,
        { purposes: [mailing], values: { email: 'a@b.kz' }, source: 's' },
        404,
      ],
      ['POST', `/api/subjects/${known}/consents`, grantBody(mailing, { subject_full_name: undefined }), 422],
      ['POST', `/api/subjects/${known}/consents`, grantBody(mailing, { cross_border_transfer: true }), 422],
      ['POST', `/api/subjects/${DUMMY}/consents`, grantBody(mailing), 404],
      ['POST', `/api/subjects/${consenting}/consents`, grantBody(mailing), 409],
      ['POST', `/api/subjects/${known}/consents/withdraw`, { purpose: mailing, channel: 'web' }, 404],
      ['POST', `/api/subjects/${DUMMY}/consents/withdraw`, { purpose: mailing, channel: 'web' }, 404],
      ['POST', '/api/requests', { type: 'access', channel: 'email', contact: { email: 'bad' } }, 422],
      ['POST', '/api/requests', { type: 'access', channel: 'email', contact: {} }, 422],
      ['POST', '/api/public/requests', { type: 'access', contact: { email: 'bad' } }, 422],
      [
        'POST',
        '/api/disclosures',
        { subjectId: known, purpose: mailing, recipientId: DUMMY, fields: ['email'], ground: 'consent' },
        422,
      ],
    ];
    for (const [method, path, body, status] of cases) {
      if (status === 200) {
        // Not a refusal: a known subject is found, and finding it writes nothing either.
        expect(await refused(method, path, body, status)).toEqual([]);
        continue;
      }
      expect(await refused(method, path, body, status), `${method} ${path}`).toEqual([]);
    }
  });

  it('requests, retention, staff, keys and roles refused on their own grounds write nothing', async () => {
    const filed = await t.call('POST', '/api/requests', {
      body: { type: 'access', channel: 'email', contact: { email: 'known@nothing.kz' } },
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    await t.call('POST', '/api/staff', {
      body: { email: 'staff@nothing.kz', fullName: 'Сотрудник', position: 'DPO' },
    });
    const cases: [string, string, unknown, number][] = [
      // Not verified yet: nothing is carried out.
      ['POST', `/api/requests/${id}/execute`, {}, 409],
      ['POST', `/api/requests/${id}/classify`, { type: 'rectification' }, 409],
      ['POST', `/api/requests/${id}/verification/code`, { code: '000000' }, 410],
      ['POST', `/api/requests/${id}/verification/manual`, { how: 'by telepathy' }, 422],
      ['POST', `/api/requests/${id}/extend`, { reason: '' }, 422],
      ['POST', `/api/subjects/${known}/retention-events`, { kind: 'contract_end', purpose: 'nope' }, 422],
      ['POST', `/api/subjects/${DUMMY}/retention-events`, { kind: 'contract_end' }, 404],
      ['POST', '/api/staff', { email: 'staff@nothing.kz', fullName: 'Дубль' }, 409],
      ['POST', '/api/keys', { name: 'x', scopes: ['everything:all'] }, 422],
      ['PUT', '/api/roles/bad-role', { name: 'Роль', purposes: ['nope'], actions: ['data:read'] }, 422],
      [
        'POST',
        '/api/access-list/proposals',
        { entries: [{ staffId: DUMMY, roleId: 'nope', grantedFrom: '2026-01-01' }] },
        403, // proposals are made by a signed-in administrator
      ],
    ];
    const wrong: string[] = [];
    for (const [method, path, body, status] of cases) {
      const before = await tableCounts(t.stores);
      const res = await t.call(method, path, { body });
      const changed = countChanges(before, await tableCounts(t.stores));
      if (res.status !== status) wrong.push(`${method} ${path}: answered ${res.status}, expected ${status}`);
      else if (changed.length) wrong.push(`${method} ${path} → ${res.status}: ${changed}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every write route of the OpenAPI document, refused for its input or its ids, writes nothing', async () => {
    const doc = (await t.call('GET', '/api/openapi.json', { token: null })).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => [m.toUpperCase(), path.replace(/\{[A-Za-z]+\}/g, DUMMY)] as const),
    );
    expect(writes.length).toBeGreaterThan(30);
    const rejected: string[] = [];
    const changes: string[] = [];
    for (const [method, path] of writes) {
      for (const body of [{}, { unexpected: 1 }, []]) {
        const before = await tableCounts(t.stores);
        const res = await t.call(method, path, { body });
        if (res.status < 400 || res.status >= 500) continue;
        rejected.push(`${method} ${path}`);
        const changed = countChanges(before, await tableCounts(t.stores));
        if (changed.length)
          changes.push(`${method} ${path} ${JSON.stringify(body)} → ${res.status}: ${changed}`);
      }
    }
    expect(changes).toEqual([]);
    expect(new Set(rejected).size).toBeGreaterThan(30);
  });

  it("the same new person collected three times at once: one subject, one key (the losers' keys are deleted)", async () => {
    const email = fresh();
    const before = await tableCounts(t.stores);
    const body = {
      subject: { email },
      purposes: [t.purposeId(6)],
      values: { full_name: 'Одновременно' },
      source: 'website:test',
      contract_ref: 'offer-1',
    };
    const answers = await Promise.all([1, 2, 3].map(() => t.call('POST', '/api/collect', { body })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.subjectId)).size).toBe(1);
    const after = await tableCounts(t.stores);
    expect(after.subjects! - before.subjects!).toBe(1);
    expect(after['amanat_keys.subject_keys']! - before['amanat_keys.subject_keys']!).toBe(1);
  });

  it('the audit chain is whole after all the refusals and rolled-back transactions', async () => {
    const collected = await t.call('POST', '/api/collect', {
      body: {
        subject: { email: fresh() },
        purposes: [t.purposeId(6)],
        values: { full_name: 'После отказов' },
        source: 'website:test',
        contract_ref: 'offer-1',
      },
    });
    expect(collected.status).toBe(201);
    expect(await t.amanat.verifyAudit()).toMatchObject({ ok: true });
  });

  it('a caller without the scope is refused with only the refusal recorded', async () => {
    const changes: string[] = [];
    for (const [method, path, body] of [
      ['POST', '/api/subjects/lookup', { kind: 'email', value: 'known@nothing.kz' }],
      ['GET', `/api/subjects/${known}/consents`, undefined],
      ['POST', '/api/retention/run', {}],
      ['POST', '/api/keys', { name: 'x', scopes: ['data:read'] }],
    ] as const) {
      const changed = await refused(method, path, body, 403, t.websiteToken);
      if (changed.length) changes.push(`${method} ${path}: ${changed}`);
    }
    expect(changes).toEqual([]);
  });
});
