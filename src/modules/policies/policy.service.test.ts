// Publishing the policy on both stores: versions and documents stored with their SHA-256, the audit entry,
// the no-op, the label clash, an unpublishable register, a template naming an unknown field, and `at`.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAmanat, storeKinds, type TestAmanat } from '../../../test/support/stores.js';
import { DomainError } from '../../lib/errors.js';
import { defaultPolicyTemplates } from '../documents/policy.js';
import type { Register } from '../register/register.schema.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// The example register's consent forms: its four consent purposes and the publication form.
const FORM_IDS = ['ux_analytics', 'mailing', 'events', 'personnel_reserve', 'publication'];
const LANGS = ['en', 'kk', 'ru'];
/** Per version: the policy (HTML, PDF) and each consent form (text, HTML), in three languages. */
const DOCS = (2 + FORM_IDS.length * 2) * LANGS.length;

/** The shipped templates with one field in ru.mustache misspelt; answers the folder and the line (1-based). */
function templatesWithUnknownField(): { dir: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), 'amanat-policy-templates-'));
  for (const lang of ['kk', 'en'])
    copyFileSync(join(defaultPolicyTemplates, `${lang}.mustache`), join(dir, `${lang}.mustache`));
  const lines = readFileSync(join(defaultPolicyTemplates, 'ru.mustache'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('{{operator.name}}'));
  lines[at] = lines[at]!.replace('{{operator.name}}', '{{operator.nmae}}');
  writeFileSync(join(dir, 'ru.mustache'), lines.join('\n'));
  return { dir, line: at + 1 };
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the publish was accepted');
}

describe.each(storeKinds())('publishing the policy on %s', (kind) => {
  let now = new Date('2026-01-10T06:00:00Z');
  let t: TestAmanat;
  const counts = async () => {
    const [row] = await t.stores.sql.query<{ versions: string; documents: string; entries: string }>(
      `SELECT (SELECT count(*) FROM policy_versions) AS versions, (SELECT count(*) FROM policy_documents) AS documents,
              (SELECT count(*) FROM audit_log WHERE action = 'policy.published') AS entries`,
    );
    return {
      versions: Number(row!.versions),
      documents: Number(row!.documents),
      entries: Number(row!.entries),
    };
  };
  const register = () => structuredClone(t.amanat.rules.register) as Register;
  const publish = (r: Register, templatesDir?: string) =>
    t.amanat.policies.publish('test:admin', { register: r, profile: t.amanat.rules.profile, templatesDir });

  beforeAll(async () => {
    t = await createTestAmanat(kind, { clock: () => now, publish: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a template naming an unknown field with its file and line, and writes nothing', async () => {
    const { dir, line } = templatesWithUnknownField();
    const error = await refusal(publish(register(), dir));
    expect(error.code).toBe('template_invalid');
    expect(error.message).toContain(`ru.mustache:${line}:`);
    expect(error.message).toContain('operator.nmae');
    expect(await counts()).toEqual({ versions: 0, documents: 0, entries: 0 });
  });

  it('refuses an unpublishable register naming the rule and the path, and writes nothing', async () => {
    const broken = register();
    broken.purposes[0]!.fields = [...broken.purposes[0]!.fields, 'no_such_field'];
    const error = await refusal(publish(broken));
    expect(error.code).toBe('register_invalid');
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        rule: 'known-references',
        path: expect.stringMatching(/^purposes\.0\.fields/),
      }),
    );
    expect(error.message).toContain('known-references');
    expect(await counts()).toEqual({ versions: 0, documents: 0, entries: 0 });
  });

  it('publishes every document with its SHA-256, the frozen register, and one audit entry', async () => {
    const result = await publish(register());
    expect(result.status).toBe('published');
    expect(result.version).toMatchObject({ id: '2025-01', publishedOn: '2026-01-10' });
    expect(result.version.documents.map((d) => `${d.name}/${d.lang}`).sort()).toEqual(
      [
        'policy.html',
        'policy.pdf',
        ...FORM_IDS.flatMap((id) => [`consent-form/${id}.txt`, `consent-form/${id}.html`]),
      ]
        .flatMap((name) => LANGS.map((lang) => `${name}/${lang}`))
        .sort(),
    );
    const stored = await t.amanat.policies.get('2025-01');
    expect(stored?.register.operator.bin_iin).toBe(t.amanat.rules.register.operator.bin_iin);
    expect(stored?.registerSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const d of stored!.documents) {
      const doc = await t.amanat.policies.document('2025-01', d.name, d.lang);
      expect(sha256(doc!.bytes)).toBe(d.sha256);
      expect(doc!.mediaType).toBe(d.mediaType);
      if (d.name === 'policy.pdf') expect(doc!.bytes.subarray(0, 4).toString()).toBe('%PDF');
    }
    const html = await t.amanat.policies.document('2025-01', 'policy.html', 'kk');
    expect(html!.bytes.toString('utf8')).toContain('lang="kk"');
    expect(await counts()).toEqual({ versions: 1, documents: DOCS, entries: 1 });
    const [entry] = await t.stores.sql.query<{ actor: string; details: Record<string, unknown> }>(
      `SELECT actor, details FROM audit_log WHERE action = 'policy.published'`,
    );
    expect(entry!.actor).toBe('test:admin');
    expect(entry!.details).toMatchObject({ version: '2025-01', register_sha256: stored!.registerSha256 });
    expect((entry!.details.documents as unknown[]).length).toBe(DOCS);
    expect((await t.amanat.verifyAudit()).ok).toBe(true);
  });

  it('says so and writes nothing when the register is unchanged', async () => {
    now = new Date('2026-01-20T06:00:00Z');
    const result = await publish(register());
    expect(result.status).toBe('unchanged');
    expect(result.version.id).toBe('2025-01');
    expect(result.version.documents).toHaveLength(DOCS);
    expect(result.message).toContain('не изменился');
    expect(await counts()).toEqual({ versions: 1, documents: DOCS, entries: 1 });
  });

  it('refuses a changed register under a label already published, naming policy.version', async () => {
    const changed = register();
    changed.operator.email = 'new-privacy@example.kz';
    const error = await refusal(publish(changed));
    expect(error.code).toBe('policy_version_taken');
    expect(error.issues[0]?.path).toBe('policy.version');
    expect(error.message).toContain('2025-01');
    expect(await counts()).toEqual({ versions: 1, documents: DOCS, entries: 1 });
  });

  it('finds the version in force on a date across two publishes; the older stays readable', async () => {
    now = new Date('2026-03-01T03:00:00Z');
    const next = register();
    next.policy.version = '2026-03';
    next.operator.email = 'new-privacy@example.kz';
    expect((await publish(next)).status).toBe('published');
    expect((await t.amanat.policies.at('2026-01-09'))?.id).toBeUndefined();
    expect((await t.amanat.policies.at('2026-02-01'))?.id).toBe('2025-01');
    expect((await t.amanat.policies.at('2026-03-01'))?.id).toBe('2026-03');
    expect((await t.amanat.policies.latest())?.id).toBe('2026-03');
    expect((await t.amanat.policies.list()).map((v) => [v.id, v.publishedOn])).toEqual([
      ['2025-01', '2026-01-10'],
      ['2026-03', '2026-03-01'],
    ]);
    expect((await t.amanat.policies.get('2025-01'))?.register.operator.email).not.toBe(
      'new-privacy@example.kz',
    );
    expect(await t.amanat.policies.document('2025-01', 'policy.pdf', 'ru')).not.toBeNull();
  });

  it('two publishes of one new register at once: one publishes, the other answers unchanged', async () => {
    const next = register();
    next.policy.version = '2026-04';
    next.operator.email = 'april@example.kz';
    const results = await Promise.all([publish(next), publish(structuredClone(next))]);
    expect(results.map((r) => r.status).sort()).toEqual(['published', 'unchanged']);
    expect(await counts()).toEqual({ versions: 3, documents: 3 * DOCS, entries: 3 });
    expect((await t.amanat.verifyAudit()).ok).toBe(true);
  });
});
