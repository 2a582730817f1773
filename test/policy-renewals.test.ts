// What changed between published policy versions, over the API, and the consents that need renewal: consents
// in force given under an older version whose purpose a newer version widens, counted per purpose and listed
// a page at a time; a narrowing asks nobody to renew. Over the API the versions are really published (the
// test's clock set to each publication day); the service's own cases use a small in-memory VersionSource
// holding registers (the interface the policy service's reader implements). Consents come from the journal.
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { diffLines, registerPolicyDiffCommands, renewalLines } from '../src/cli/commands/policy-diff.js';
import { createPolicyChanges } from '../src/modules/policies/policy.changes.js';
import type { PublishedVersion, VersionSource } from '../src/modules/policies/policy.changes.types.js';
import { loadRegisterFile } from '../src/modules/register/register.loader.js';
import type { Register } from '../src/modules/register/register.schema.js';
import { createTestApi, type TestApi } from './support/api.js';
import { exampleRegister, grantConsent, storeKinds } from './support/stores.js';

const { register: example } = loadRegisterFile(exampleRegister);

function edited(edit: (r: Register) => void): Register {
  const copy = structuredClone(example);
  edit(copy);
  return copy;
}

/** Before anything is published: no versions. */
const noPublishedVersions: VersionSource = {
  get: async () => null,
  list: async () => [],
  latest: async () => null,
};

const purpose = (r: Register, id: string) => r.purposes.find((p) => p.id === id)!;

/** Published versions held in memory, in the order they were published. */
function versionsOf(list: { id: string; day: string; register: Register }[]): VersionSource {
  const versions: PublishedVersion[] = list.map((v, i) => ({
    id: v.id,
    publishedAt: new Date(`${v.day}T04:00:00Z`),
    publishedOn: v.day,
    registerSha256: String(i).repeat(64),
    register: v.register,
  }));
  const summary = ({ register: _r, ...rest }: PublishedVersion) => rest;
  return {
    get: async (id) => versions.find((v) => v.id === id) ?? null,
    list: async () => versions.map(summary),
    latest: async () => versions[versions.length - 1] ?? null,
  };
}

// 2026-02 widens mailing (purpose 8: the full name added) and narrows events (purpose 9: the phone removed);
// 2026-03 takes the full name away again.
const widened = edited((r) => {
  r.policy.version = '2026-02';
  purpose(r, 'mailing').fields.push('full_name');
  purpose(r, 'events').fields = ['full_name', 'email'];
});
describe.each(storeKinds())('policy diff and consent renewals on %s', (kind) => {
  let api: TestApi;
  const mailingSubjects: string[] = [];

  const subject = async (email: string) =>
    (await api.amanat.vault.ensureSubject('test', { email })).subjectId;

  beforeAll(async () => {
    // 2025-01 is published at setup (09:00 in Almaty on 2025-01-15), 2026-02 on 2026-02-01.
    let now = new Date('2025-01-15T04:00:00Z');
    api = await createTestApi(kind, { clock: () => now });
    // Under 2025-01: three mailing consents (one withdrawn since), one events consent.
    for (const email of ['a@example.kz', 'b@example.kz', 'gone@example.kz']) {
      const id = await subject(email);
      await grantConsent(api.amanat, id, 'mailing');
      if (email.startsWith('gone')) {
        await api.amanat.consents.withdraw('test', id, {
          purpose: 'mailing',
          kind: 'processing',
          channel: 'web',
        });
      } else mailingSubjects.push(id);
    }
    await grantConsent(api.amanat, await subject('event@example.kz'), 'events');
    now = new Date('2026-02-01T04:00:00Z');
    await api.amanat.policies.publish('test', { register: widened, profile: api.amanat.rules.profile });
    // Under 2026-02 already (its form's text recorded): nothing to renew.
    await api.amanat.consents.grant('test', await subject('new@example.kz'), {
      purpose: 'mailing',
      kind: 'processing',
      channel: 'web',
      policyVersion: '2026-02',
      subjectFullName: 'Новый Подписчик',
      thirdPartyTransfer: false,
      crossBorderTransfer: false,
      publication: false,
    });
  });
  afterAll(async () => api?.close());

  it('GET /api/policy/diff says what changed, in three languages, and which purposes it widens', async () => {
    const res = await api.call('GET', '/api/policy/diff?from=2025-01&to=2026-02');
    expect(res.status).toBe(200);
    expect(res.body.from).toMatchObject({ id: '2025-01', publishedOn: '2025-01-15' });
    expect(res.body.to).toMatchObject({ id: '2026-02', publishedOn: '2026-02-01' });
    expect(res.body.changes.map((c: { text: { ru: string } }) => c.text.ru)).toEqual([
      'Цель 8: в перечень данных добавлено «ФИО»',
      'Цель 9: из перечня данных исключено «Номер контактного телефона»',
    ]);
    expect(res.body.changes[0]).toMatchObject({ purposeId: 'mailing', widens: true });
    expect(res.body.changes[0].text.en).toBe('Purpose 8: data list adds «Full name»');
    expect(res.body.widenedPurposes).toEqual(['mailing']);
    // The website's key reads the register, so it may read the diff.
    const website = await api.call('GET', '/api/policy/diff?from=2025-01&to=2026-02', {
      token: api.websiteToken,
    });
    expect(website.status).toBe(200);
  });

  it('an unknown version is a 404 naming it; a missing one a 422 naming the parameter', async () => {
    const unknown = await api.call('GET', '/api/policy/diff?from=2025-01&to=2099-01');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect(unknown.body.error.message).toContain('«2099-01»');
    expect(unknown.body.error.issues).toEqual([
      { path: 'to', message: 'no published policy version «2099-01»' },
    ]);
    const missing = await api.call('GET', '/api/policy/diff?from=2025-01');
    expect(missing.status).toBe(422);
    expect(missing.body.error.issues.map((i: { path: string }) => i.path)).toContain('to');
    const renewals = await api.call('GET', '/api/policy/renewals?version=2099-01');
    expect(renewals.status).toBe(404);
    expect(renewals.body.error.issues[0].path).toBe('version');
  });

  it('GET /api/policy/renewals counts the consents in force given before a widening, per purpose', async () => {
    const res = await api.call('GET', '/api/policy/renewals');
    expect(res.status).toBe(200);
    expect(res.body.version.id).toBe('2026-02');
    expect(res.body.purposes).toEqual([
      {
        purposeId: 'mailing',
        number: 8,
        title: purpose(example, 'mailing').title,
        widenedSince: [
          {
            version: '2025-01',
            publishedOn: '2025-01-15',
            changes: [
              {
                ru: 'Цель 8: в перечень данных добавлено «ФИО»',
                kk: '8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»',
                en: 'Purpose 8: data list adds «Full name»',
              },
            ],
          },
        ],
        // Two of three: the withdrawn one is not in force; the one under 2026-02 saw the new text.
        consents: 2,
        byVersion: { '2025-01': 2 },
      },
    ]);
    expect(res.body.total).toBe(2);
    // Counting reads the journal: the website's key (no consents:read) may not.
    const website = await api.call('GET', '/api/policy/renewals', { token: api.websiteToken });
    expect(website.status).toBe(403);
  });

  it('lists the consents to renew a page at a time, and refuses a bad page', async () => {
    const first = await api.call('GET', '/api/policy/renewals/mailing/consents?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.consents).toHaveLength(1);
    expect(first.body.next).toBe(first.body.consents[0].consentId);
    const second = await api.call(
      'GET',
      `/api/policy/renewals/mailing/consents?limit=1&after=${first.body.next}`,
    );
    expect(second.body.consents).toHaveLength(1);
    expect(second.body.next).toBeNull();
    const listed = [...first.body.consents, ...second.body.consents];
    expect(listed.map((c: { subjectId: string }) => c.subjectId).sort()).toEqual([...mailingSubjects].sort());
    expect(listed.every((c: { policyVersion: string }) => c.policyVersion === '2025-01')).toBe(true);
    // Events was only narrowed: nobody to renew.
    const events = await api.call('GET', '/api/policy/renewals/events/consents');
    expect(events.body).toMatchObject({ consents: [], next: null });

    const badLimit = await api.call('GET', '/api/policy/renewals/mailing/consents?limit=0');
    expect(badLimit.status).toBe(422);
    expect(badLimit.body.error.issues.map((i: { path: string }) => i.path)).toContain('limit');
    const badAfter = await api.call('GET', '/api/policy/renewals/mailing/consents?after=not-an-id');
    expect(badAfter.status).toBe(422);
    expect(badAfter.body.error.issues.map((i: { path: string }) => i.path)).toContain('after');
    const noPurpose = await api.call('GET', '/api/policy/renewals/no_such_purpose/consents');
    expect(noPurpose.status).toBe(422);
    expect(noPurpose.body.error.code).toBe('unknown_purpose');
  });

  it('a widening undone by a later version asks nobody to renew; the version in force can be named', async () => {
    const undone = createPolicyChanges({
      sql: api.stores.sql,
      versions: versionsOf([
        { id: '2025-01', day: '2025-01-15', register: example },
        { id: '2026-02', day: '2026-02-01', register: widened },
        {
          id: '2026-03',
          day: '2026-03-01',
          register: edited((r) => {
            purpose(r, 'events').fields = ['full_name', 'email'];
          }),
        },
      ]),
    });
    expect((await undone.renewals()).purposes).toEqual([]);
    const atFebruary = await undone.renewals('2026-02');
    expect(atFebruary.purposes.map((p) => [p.purposeId, p.consents])).toEqual([['mailing', 2]]);
  });

  it('a narrowing version marks nothing; with nothing published the renewals say so', async () => {
    const narrowing = createPolicyChanges({
      sql: api.stores.sql,
      versions: versionsOf([
        { id: '2025-01', day: '2025-01-15', register: example },
        {
          id: '2026-04',
          day: '2026-04-01',
          register: edited((r) => {
            purpose(r, 'mailing').fields = ['email'];
            purpose(r, 'mailing').retention = { kind: 'after_collection', duration: { years: 1 } };
          }),
        },
      ]),
    });
    const result = await narrowing.renewals();
    expect(result).toMatchObject({ purposes: [], total: 0 });
    const diff = await narrowing.diff('2025-01', '2026-04');
    expect(diff.changes.map((c) => [c.purposeId, c.widens])).toEqual([
      ['mailing', false],
      ['mailing', false],
    ]);
    await expect(
      createPolicyChanges({ sql: api.stores.sql, versions: noPublishedVersions }).renewals(),
    ).rejects.toThrow(/No policy version is published yet/);
  });

  it('the CLI prints the diff in the language asked for and the renewals per purpose', async () => {
    const diff = await api.amanat.policyChanges.diff('2025-01', '2026-02');
    expect(diffLines(diff, 'kk')).toEqual([
      'Саясатта не өзгерді: 2025-01 (2025-01-15) → 2026-02 (2026-02-01)',
      '  ! 8-мақсат: деректер тізбесіне қосылды «Тегі, аты, әкесінің аты»  [келісімді кеңейтеді]',
      '  - 9-мақсат: деректер тізбесінен алынып тасталды «Байланыс телефонының нөмірі»',
      'Бұрынғы нұсқа бойынша берілген келісімдерді жаңарту қажет мақсаттар: mailing.',
    ]);
    expect(diffLines(await api.amanat.policyChanges.diff('2025-01', '2025-01'), 'en')).toEqual([
      'What changed in the policy: 2025-01 (2025-01-15) → 2025-01 (2025-01-15)',
      'No changes.',
    ]);
    expect(renewalLines(await api.amanat.policyChanges.renewals())).toEqual([
      'Версия в силе / version in force: 2026-02 (2026-02-01)',
      'Цель 8 «Осуществление информационных и рекламных рассылок» (mailing): 2 согласия к обновлению / consents to renew',
      '  с версии 2025-01 (2025-01-15), согласий: 2',
      '    ! Цель 8: в перечень данных добавлено «ФИО»',
      'Всего / total: 2',
    ]);
  });

  it('the CLI refuses an unknown language before reading anything', async () => {
    const program = new Command().exitOverride();
    registerPolicyDiffCommands(program.command('policy'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = process.exitCode;
    try {
      await program.parseAsync(['node', 'amanat', 'policy', 'diff', '2025-01', '2026-02', '--lang', 'de']);
      expect(errors.mock.calls.flat().join('\n')).toContain('--lang: expected ru, kk or en');
      expect(process.exitCode).toBe(2);
    } finally {
      errors.mockRestore();
      process.exitCode = before;
    }
  });
});
