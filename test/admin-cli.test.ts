// The operator's administration from the command line on a fresh embedded store: the example's default roles
// loaded from a file (all or nothing, idempotent), a key with a role, roles created and edited, obligations
// listed and closed with evidence, and the version.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { runCli } from './support/processes.js';
import { exampleRegister, grantConsent } from './support/stores.js';

const defaultRoles = fromPackageRoot('examples', 'nextbot.kz', 'roles.yaml');

// Each command is a process of its own (tsx): on a busy machine a few seconds each.
describe('amanat roles, obligations and --version (CLI)', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-admin-cli-'));
  const master = Buffer.alloc(32, 9);
  const env = { AMANAT_MASTER_KEY: master.toString('base64'), DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function withStore<T>(run: (amanat: Awaited<ReturnType<typeof createAmanat>>) => Promise<T>) {
    const stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dataDir, 'store'),
      keyStoreDir: join(dataDir, 'keystore'),
    });
    const amanat = await createAmanat({ stores, masterKey: master, registerFile: exampleRegister });
    try {
      return await run(amanat);
    } finally {
      await amanat.close();
    }
  }

  const roleSaves = () =>
    withStore(async (amanat) =>
      Number(
        (
          await amanat.stores.sql.query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_log WHERE action = 'role.save'`,
          )
        )[0]!.n,
      ),
    );

  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as { version: string })
      .version;
    const out = runCli(['--version']);
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe(version);
  });

  it('a bad roles file is refused with the path of each problem, and nothing is written', async () => {
    const bad = join(dataDir, 'bad-roles.yaml');
    // The first role is fine; the second names a purpose and an action the register does not have.
    writeFileSync(
      bad,
      [
        'roles:',
        '  - { id: support, name: Поддержка, purposes: [support], actions: [data:read] }',
        '  - { id: spy, name: Шпион, purposes: [everything], actions: [data:read, data:steal] }',
      ].join('\n'),
    );
    const out = runCli(['roles', 'load', bad], env);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('roles.1.purposes.0 — unknown purpose everything');
    expect(out.stderr).toContain('roles.1.actions.1 — unknown action data:steal');
    writeFileSync(bad, 'roles:\n  - { id: support, name: [unclosed\n');
    const yaml = runCli(['roles', 'load', bad], env);
    expect(yaml.status).toBe(2);
    expect(yaml.stderr).toContain('ошибка YAML');
    writeFileSync(bad, 'roles:\n  - { id: support, name: Поддержка, purposes: [support] }\n');
    const shape = runCli(['roles', 'load', bad], env);
    expect(shape.status).toBe(2);
    expect(shape.stderr).toContain('roles.0.actions');

    expect(runCli(['roles', 'list'], env).stdout).toContain('Ролей нет');
    expect(await roleSaves()).toBe(0);
    // Without the roles, the README's key for the support desk cannot be made.
    const key = runCli(['keys', 'create', '--name', 'helpdesk', '--role', 'support'], env);
    expect(key.status).toBe(2);
    expect(key.stderr).toContain('Роль support не найдена');
  });

  it('loads the example roles once (a second load changes nothing); then a key with a role is created', async () => {
    const first = runCli(['roles', 'load', defaultRoles], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('создано 6 (support, marketing, sales, analytics, legal, dpo)');
    expect(first.stdout).toContain('перечень лиц с доступом');
    expect(await roleSaves()).toBe(6);
    const again = runCli(['roles', 'load', defaultRoles], env);
    expect(again.stdout).toContain('создано 0, изменено 0, без изменений 6');
    expect(await roleSaves()).toBe(6);

    const key = runCli(['keys', 'create', '--name', 'helpdesk', '--role', 'support'], env);
    expect(key.stderr).toBe('');
    expect(key.status).toBe(0);
    expect(key.stdout).toMatch(/amk_[a-z0-9]{12}_/);

    const show = runCli(['roles', 'show', 'support', '--json'], env);
    expect(JSON.parse(show.stdout)).toMatchObject({
      id: 'support',
      purposes: ['client_site_access', 'support', 'user_site_access'],
      fields: { client_site_access: ['full_name', 'email', 'phone'] },
    });
  });

  it('creates and edits a role with the API’s checks; edit keeps what is not given', async () => {
    const created = runCli(
      [
        'roles',
        'create',
        'events-desk',
        '--name',
        'Мероприятия',
        '--purposes',
        'events',
        '--actions',
        'subjects:read,data:read',
        '--fields',
        'events=full_name,email',
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const twice = runCli(['roles', 'create', 'events-desk', '--name', 'X', '--purposes', 'events'], env);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('уже есть');
    const badField = runCli(['roles', 'edit', 'events-desk', '--fields', 'events=passport'], env);
    expect(badField.status).toBe(2);
    expect(badField.stderr).toContain('purpose events has no field passport');
    const edited = runCli(
      ['roles', 'edit', 'events-desk', '--actions', 'subjects:read,data:read,data:write'],
      env,
    );
    expect(edited.status).toBe(0);
    const role = JSON.parse(runCli(['roles', 'show', 'events-desk', '--json'], env).stdout);
    expect(role).toMatchObject({
      name: 'Мероприятия',
      purposes: ['events'],
      fields: { events: ['full_name', 'email'] },
      actions: ['data:read', 'data:write', 'subjects:read'],
    });
    const list = runCli(['roles', 'list'], env);
    expect(list.stdout).toMatch(/events-desk\s+Мероприятия/);
    expect(runCli(['roles', 'show', 'nobody'], env).status).toBe(2);
  });

  it('lists open obligations and closes one with evidence; closing again is refused', async () => {
    const obligationId = await withStore(async (amanat) => {
      const mailing = amanat.rules.purposes().find((p) => p.number === 8)!.id;
      const subject = (await amanat.vault.ensureSubject('test', { email: 'reader@example.kz' })).subjectId;
      // A consent cites a published form: the store's first version, as `npm start` would publish it.
      await amanat.policies.publish('test', {
        register: amanat.rules.register,
        profile: amanat.rules.profile,
      });
      await grantConsent(amanat, subject, mailing);
      await amanat.vault.collect('test', subject, {
        purposes: [mailing],
        values: { email: 'reader@example.kz' },
        source: 'website:newsletter',
      });
      return (
        await amanat.consents.withdraw('test', subject, {
          purpose: mailing,
          kind: 'processing',
          channel: 'email',
        })
      ).obligation.id;
    });
    const open = runCli(['obligations', 'list', '--open'], env);
    expect(open.status).toBe(0);
    expect(open.stdout).toContain(obligationId);
    expect(open.stdout).toContain('открыто');

    const closed = runCli(
      ['obligations', 'close', obligationId, '--evidence', 'адрес отписан в сервисе рассылок'],
      env,
    );
    expect(closed.stderr).toBe('');
    expect(closed.status).toBe(0);
    expect(runCli(['obligations', 'list', '--open'], env).stdout).toContain('Открытых обязательств нет');
    const json = JSON.parse(runCli(['obligations', 'list', '--json'], env).stdout);
    expect(json[0]).toMatchObject({
      id: obligationId,
      status: 'fulfilled',
      fulfilment: { how: 'closed', by: 'cli:local', evidence: 'адрес отписан в сервисе рассылок' },
    });
    const again = runCli(['obligations', 'close', obligationId, '--evidence', 'адрес отписан ещё раз'], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('уже исполнено');
  });
});
