// `amanat staff add|list` and `amanat access list` on an embedded store, as the operator types them on the
// server: the first administrator and the head are created here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { runCli } from './support/processes.js';
import { exampleRegister } from './support/stores.js';

// Each CLI call opens the embedded store in a process of its own (5–7 s on a busy 2-core machine).
describe('amanat staff and access (CLI)', { timeout: 180_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-staff-cli-'));
  const master = Buffer.alloc(32, 7);
  const env = { AMANAT_MASTER_KEY: master.toString('base64'), DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the head and the first administrator; a short password is refused', () => {
    const head = runCli(
      [
        'staff',
        'add',
        '--email',
        'Head@NextBot.kz',
        '--name',
        'Бекишев Берик Серикович',
        '--position',
        'ИП',
        '--head',
        '--password-stdin',
      ],
      env,
      'пароль-руководителя-2026\n',
    );
    expect(head.stderr).toBe('');
    expect(head.status).toBe(0);
    expect(head.stdout).toContain('head@nextbot.kz');
    expect(head.stdout).toContain('руководитель');
    const admin = runCli(
      ['staff', 'add', '--email', 'admin@nextbot.kz', '--name', 'Ким Виктор', '--admin'],
      env,
    );
    expect(admin.status).toBe(0);
    expect(admin.stdout).toContain('по ссылке из письма');
    const short = runCli(
      ['staff', 'add', '--email', 'x@nextbot.kz', '--name', 'Икс', '--password-stdin'],
      env,
      'short\n',
    );
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('не короче 12');
    const twice = runCli(['staff', 'add', '--email', 'admin@nextbot.kz', '--name', 'Ким Виктор'], env);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('уже есть');
    const list = runCli(['staff', 'list'], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/head@nextbot\.kz.*руководитель/);
    expect(list.stdout).toMatch(/admin@nextbot\.kz.*администратор/);
    expect(list.stdout).not.toContain('x@nextbot.kz');
  });

  it('access list: says when nothing is approved; shows the approved list as a table, JSON and PDF', async () => {
    expect(runCli(['access', 'list'], env).stdout).toContain('Утверждённого перечня ещё нет');
    const stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dataDir, 'store'),
      keyStoreDir: join(dataDir, 'keystore'),
    });
    const amanat = await createAmanat({ stores, masterKey: master, registerFile: exampleRegister });
    try {
      const [head, admin] = await Promise.all(
        ['head@nextbot.kz', 'admin@nextbot.kz'].map(async (email) => {
          if (email.startsWith('admin')) {
            // The administrator set a password through the reset link; here, directly in the store.
            await stores.sql.query(
              `UPDATE staff_accounts SET password_hash = (SELECT password_hash FROM staff_accounts WHERE email = 'head@nextbot.kz') WHERE email = $1`,
              [email],
            );
          }
          const s = await amanat.staff.signIn({
            email,
            password: 'пароль-руководителя-2026',
            userAgent: 'cli-test',
          });
          return amanat.access.staffPrincipal(s.session.staff, s.session);
        }),
      );
      await amanat.access.saveRole(head!, {
        id: 'support',
        name: 'Служба поддержки',
        purposes: [amanat.rules.purposes().find((p) => p.number === 6)!.id],
        actions: ['data:read'],
      });
      const proposal = await amanat.access.propose(admin!, {
        entries: [{ staffId: admin!.keyId, roleId: 'support', grantedFrom: '2026-11-24' }],
      });
      await amanat.access.approve(head!, proposal.id);
    } finally {
      await amanat.close();
    }
    const table = runCli(['access', 'list'], env);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Утвердил: Бекишев Берик Серикович');
    expect(table.stdout).toMatch(/Ким Виктор\s+Служба поддержки\s+с 24\.11\.2026/);
    const pdfFile = join(dataDir, 'list.pdf');
    const json = runCli(['access', 'list', '--json', '--pdf', pdfFile], env);
    expect(JSON.parse(json.stdout)).toMatchObject({
      version: 1,
      status: 'approved',
      approvedBy: { name: 'Бекишев Берик Серикович' },
    });
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');

    // The paper in Kazakh; a language it is not printed in is refused and writes no file.
    const kkFile = join(dataDir, 'list-kk.pdf');
    expect(runCli(['access', 'list', '--pdf', kkFile, '--lang', 'kk'], env).status).toBe(0);
    if (pdftotextAvailable) expect(pdfText(readFileSync(kkFile))).toContain('БЕКІТЕМІН');
    const deFile = join(dataDir, 'list-de.pdf');
    const bad = runCli(['access', 'list', '--pdf', deFile, '--lang', 'de'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang «de»: ожидается ru или kk');
    expect(existsSync(deFile)).toBe(false);
  });
});
