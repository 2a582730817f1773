// Hostile text at the edge: every route that takes a JSON body (read from the app's own OpenAPI document, so a new
// route is covered as it is added) gets a NUL, a lone surrogate, an over-long string, a 10,000-deep value and a
// body that is not JSON, with a key that holds every scope. Each answer is a 4xx in the one error shape, never a
// 500, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http/app.js';
import { Scopes } from '../src/modules/api-keys/api-key.service.js';
import { listedKeys } from './support/listed-keys.js';
import { createTestAmanat, storeKinds, type TestAmanat } from './support/stores.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ANY_ID = '00000000-0000-4000-8000-000000000000';
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Every string in a value (keys aside) replaced by what `change` makes of it; a value with none gets one. */
function withStrings(value: Json, change: (s: string) => string): Json {
  let found = false;
  const walk = (v: Json): Json => {
    if (typeof v === 'string') {
      found = true;
      return change(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, walk(e)]));
    return v;
  };
  const changed = walk(value);
  if (found) return changed;
  return {
    ...(changed !== null && typeof changed === 'object' && !Array.isArray(changed) ? changed : {}),
    text: change('x'),
  };
}

interface JsonOperation {
  method: string;
  path: string;
  example: Json;
}

/**
 * A body that passes the schema's shape where it can (required fields, formats, enums), so the hostile strings put
 * into it reach the services behind the validators.
 */
function sampleOf(doc: any, schema: any, depth = 0): Json {
  const s = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()] : schema;
  if (!s || depth > 8) return 'x';
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return sampleOf(doc, variants[0], depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part: any) => sampleOf(doc, part, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, property] of Object.entries<any>(s.properties ?? {})) {
        if ((s.required ?? []).includes(key)) out[key] = sampleOf(doc, property, depth + 1);
      }
      if (!s.properties && s.additionalProperties) out.x = sampleOf(doc, s.additionalProperties, depth + 1);
      return out;
    }
    case 'array':
      return [sampleOf(doc, s.items, depth + 1)];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'email') return 'hostile@example.kz';
      if (s.format === 'uuid') return ANY_ID;
      if (s.format === 'date-time') return '2026-03-20T09:30:00Z';
      if (s.format === 'date') return '2026-03-20';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return 'x';
  }
}

/** The operations of an OpenAPI document that take a JSON body, with a body of the right shape. */
function jsonOperations(doc: any): JsonOperation[] {
  const resolve = (schema: any) =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()] : schema;
  const operations: JsonOperation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      const content = operation?.requestBody?.content?.['application/json'];
      if (!content) continue;
      const example =
        content.example ??
        (Object.values<any>(content.examples ?? {})[0]?.value as Json | undefined) ??
        resolve(content.schema)?.example ??
        sampleOf(doc, content.schema);
      operations.push({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, ANY_ID), example });
    }
  }
  return operations;
}

describe.each(storeKinds())('hostile text at the edge on %s', (kind) => {
  let t: TestAmanat;
  let app: ReturnType<typeof createHttpApp>;
  let token: string;

  beforeAll(async () => {
    t = await createTestAmanat(kind);
    // Limits high enough that every hostile request reaches the guard rather than a 429.
    const generous = { burst: 10_000, perMinute: 10_000 };
    app = createHttpApp(t.amanat, {
      bodyLimitBytes: 1 << 20,
      signInLimit: generous,
      publicLimit: generous,
      publicCodeFailureLimit: generous,
    });
    token = (await listedKeys(t.amanat, [{ name: 'admin', scopes: [...Scopes] }])).keys.admin!.token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = async (method: string, path: string, body: string) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) };
  };
  const counts = async () => {
    const [row] = await t.stores.sql.query<Record<string, string | number>>(
      `SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM subjects) AS subjects,
              (SELECT count(*) FROM subject_identities) AS identities,
              (SELECT count(*) FROM subject_requests) AS requests, (SELECT count(*) FROM staff_accounts) AS staff,
              (SELECT count(*) FROM consents) AS consents, (SELECT count(*) FROM personal_values) AS personal_values`,
    );
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
  };

  it('answers each hostile shape on every JSON route with a 4xx naming the field, and writes nothing', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const operations = jsonOperations(doc);
    expect(operations.length).toBeGreaterThan(20);
    const before = await counts();
    const shapes: [string, (example: Json) => string][] = [
      ['NUL', (e) => JSON.stringify(withStrings(e, (s) => `${s}\u0000`))],
      ['lone surrogate', (e) => JSON.stringify(withStrings(e, (s) => `${s}\uD800`))],
      ['over-long string', (e) => JSON.stringify(withStrings(e, () => 'a'.repeat(100_001)))],
      ['10,000-deep value', (e) => JSON.stringify(withStrings(e, () => '§')).replaceAll('"§"', deep(10_000))],
      ['not JSON', () => '{"purposes": ['],
    ];
    const failures: string[] = [];
    for (const op of operations) {
      for (const [shape, make] of shapes) {
        const answer = await send(op.method, op.path, make(op.example));
        const ok =
          answer.status >= 400 &&
          answer.status < 500 &&
          typeof answer.body?.error?.code === 'string' &&
          Array.isArray(answer.body.error.issues);
        if (!ok)
          failures.push(`${op.method} ${op.path} ${shape}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('refuses the shapes that reached PostgreSQL or overflowed the stack, naming the field', async () => {
    const before = await counts();
    const signIn = await send(
      'POST',
      '/api/auth/sign-in',
      JSON.stringify({ email: 'dpo\u0000@example.kz', password: 'secret\u0000secret' }),
    );
    expect.soft(signIn.status, JSON.stringify(signIn.body).slice(0, 200)).toBe(422);
    expect.soft(signIn.body.error.issues[0]?.path).toBe('email');

    const purpose = t.amanat.rules.purposes().find((p) => p.number === 6)!;
    const phone = purpose.fields.find((f) => t.amanat.rules.field(f)!.type === 'phone')!;
    const collect = await send(
      'POST',
      '/api/collect',
      JSON.stringify({
        subject: { email: 'collect@example.kz' },
        purposes: [purpose.id],
        values: { [phone]: '+77015550011' },
        source: 'website\u0000form',
        contract_ref: 'offer-2025',
      }),
    );
    expect.soft(collect.status, JSON.stringify(collect.body).slice(0, 200)).toBe(422);
    expect.soft(collect.body.error?.issues).toEqual([expect.objectContaining({ path: 'source' })]);

    const nested = await send(
      'POST',
      '/api/requests',
      `{"type":"rectification","channel":"api","contact":{"email":"deep@example.kz"},"values":{"x":${deep(10_000)}}}`,
    );
    expect.soft(nested.status, JSON.stringify(nested.body).slice(0, 200)).toBe(422);
    expect.soft(nested.body.error?.issues[0]?.path).toMatch(/^values\.x(\.0)+$/);
    expect.soft(nested.body.error?.issues[0]?.message).toContain('deeper than 32');

    const surrogate = await send(
      'POST',
      '/api/requests',
      JSON.stringify({
        type: 'information',
        channel: 'api',
        contact: { email: 'a@example.kz', name: 'A\uDC00' },
      }),
    );
    expect.soft(surrogate.status, JSON.stringify(surrogate.body).slice(0, 200)).toBe(422);
    expect.soft(surrogate.body.error?.issues[0]?.path).toBe('contact.name');

    const query = await app.request(`/api/requests?status=${encodeURIComponent('open\u0000')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect.soft(query.status, JSON.stringify(query.body).slice(0, 200)).toBe(422);
    expect(((await query.json()) as any).error.issues[0].path).toBe('query.status');
    const inPath = await app.request('/api/requests/abc%00def', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect.soft(inPath.status).toBe(422);
    expect.soft(((await inPath.json()) as any).error.issues[0]?.path).toBe('path');
    expect(await counts()).toEqual(before);
  });

  it('a consent text is at most 20,000 characters', async () => {
    const subject = await t.amanat.vault.ensureSubject('test', { email: 'consent@example.kz' });
    const mailing = t.amanat.rules.purposes().find((p) => p.number === 1)!;
    const grant = await send(
      'POST',
      `/api/subjects/${subject.subjectId}/consents`,
      JSON.stringify({
        purpose: mailing.id,
        channel: 'web',
        text: 'я'.repeat(20_001),
        policy_version: '1',
      }),
    );
    expect(grant.status).toBe(422);
    expect(grant.body.error.issues[0].path).toBe('text');
  });
});
