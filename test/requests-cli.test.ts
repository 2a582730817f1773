// The responsible person carries a request from e-mail to answered letter with the CLI alone, naming requests
// by number: first on the store opened by the CLI itself, then through the running server that holds it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmanat } from '../src/app/amanat.js';
import { openStores } from '../src/db/database.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { localDateOf } from '../src/modules/calendar/dates.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { runCli, type StartedServer, startServerProcess } from './support/processes.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';
import { exampleRegister } from './support/stores.js';

describe('amanat requests: the officer workflow (CLI)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'amanat-requests-cli-'));
  const master = Buffer.alloc(32, 11);
  const env = { AMANAT_MASTER_KEY: master.toString('base64'), DATA_DIR: dataDir };
  // The operator's day (Asia/Almaty in the example register), not UTC's: near midnight they differ.
  const today = localDateOf(new Date(), 'Asia/Almaty');
  const cli = (...args: string[]) => runCli(args, env);
  const ok = (...args: string[]) => {
    const result = cli(...args);
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.status, args.join(' ')).toBe(0);
    return result.stdout;
  };
  const cliAsync = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [fromPackageRoot('bin', 'amanat.js'), ...args], {
        env: { ...process.env, ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  let server: StartedServer | undefined;
  let smtp: TestSmtp | undefined;

  beforeAll(async () => {
    const stores = await openStores({
      kind: 'pglite',
      dataStoreDir: join(dataDir, 'store'),
      keyStoreDir: join(dataDir, 'keystore'),
    });
    const amanat = await createAmanat({ stores, masterKey: master, registerFile: exampleRegister });
    await amanat.vault.ensureSubject('test', { email: 'aigerim@example.kz' });
    await amanat.staff.add('test', { email: 'dpo@nextbot.kz', fullName: 'Ответственный Д. П.' });
    await amanat.close();
    // An e-mail that asks two things at once, sent an hour ago.
    const sent = new Date(Date.now() - 3_600_000).toUTCString().replace('GMT', '+0000');
    writeFileSync(
      join(dataDir, 'letter.eml'),
      [
        'From: =?utf-8?B?0JDQudCz0LXRgNC40Lwg0KHQsNC/0LDRgNC+0LLQsA==?= <Aigerim@Example.kz>',
        'To: privacy@nextbot.kz',
        'Subject: =?utf-8?B?0JzQvtC4INC00LDQvdC90YvQtQ==?=',
        `Date: ${sent}`,
        'Message-ID: <two-asks@example.kz>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Какие мои данные вы храните? И после ответа удалите их, пожалуйста.',
        '',
      ].join('\r\n'),
    );
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let n = '';
  let split = '';

  it('on the store itself: the e-mail arrives, is listed, and one message becomes two requests', () => {
    expect(ok('mail', 'ingest', join(dataDir, 'letter.eml'))).toContain('обращение без типа');
    const listed = JSON.parse(ok('requests', 'list', '--open', '--json')) as {
      number: number;
      type: string;
    }[];
    expect(listed).toEqual([expect.objectContaining({ type: 'unclassified' })]);
    n = String(listed[0]!.number);

    // The access request keeps the message; the destruction request is split off it, linked to the same message.
    const classified = ok('requests', 'classify', n, 'access', '--also', 'destruction');
    expect(classified).toContain(`Обращение № ${n}: Запрос доступа`);
    split = /\+ обращение № (\d+): Уничтожение/.exec(classified)?.[1] ?? '';
    expect(split).toMatch(/^\d+$/);
    const [access, destruction] = [n, split].map(
      (ref) => JSON.parse(ok('requests', 'show', ref, '--json')).request,
    );
    expect(access).toMatchObject({ type: 'access', status: 'received' });
    expect(destruction).toMatchObject({
      type: 'destruction',
      status: 'received',
      receivedAt: access.receivedAt,
      contact: { email: 'aigerim@example.kz' },
      details: { text: expect.stringContaining('удалите их') },
    });
    expect(destruction.inboundMessageId).toBe(access.inboundMessageId);
    expect(destruction.inboundMessageId).toMatch(/^[0-9a-f-]{36}$/);

    // Errors of the store opened directly name the field too; bad input changes nothing.
    const unknown = cli('requests', 'show', '9999');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Обращение № 9999 не найдено');
    const blank = cli('requests', 'refuse', split, '--reason', '  ');
    expect(blank.status).toBe(2);
    expect(blank.stderr).toContain('Отказ должен быть мотивирован');
    expect(blank.stderr).toContain('- reason: ожидается причина отказа');
  }, 300_000);

  it('through the running server: verified, carried out, letter, sent by post, timeline shown', async () => {
    smtp = await startTestSmtp();
    server = await startServerProcess({ ...env, SMTP_URL: smtp.url, JOBS: 'false' });
    ok('requests', 'assign', n, 'DPO@nextbot.kz');
    expect(
      ok('requests', 'verify', n, '--method', 'known_contact', '--note', 'с известного адреса'),
    ).toContain('личность подтверждена');
    expect(ok('requests', 'execute', n)).toContain('исполнено');
    const file = join(dataDir, 'otvet.pdf');
    expect(ok('requests', 'letter', n, '--out', file)).toContain(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdftotextAvailable) expect(pdfText(pdf)).toContain(`№ ${n}`);
    expect(
      ok('requests', 'answered', n, '--channel', 'post', '--date', today, '--note', 'RR123456789KZ'),
    ).toContain('отправка ответа записана');

    const shown = ok('requests', 'show', n);
    expect(shown).toContain('Заявитель / Requester: Айгерим Сапарова, aigerim@example.kz');
    expect(shown).toContain('Какие мои данные вы храните?');
    expect(shown).toContain('Исполнитель / Assignee: dpo@nextbot.kz');
    expect(shown).toContain(
      `Ответ отправлен / Answer sent: ${today}, почтой / by post, cli:local (RR123456789KZ)`,
    );
    const timeline = shown.slice(shown.indexOf('История / Timeline:'));
    const order = [
      'принято',
      'тип определён',
      'назначен исполнитель',
      'личность подтверждена',
      'исполнено',
      'ответ отправлен',
    ].map((step) => timeline.indexOf(step));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  }, 300_000);

  it('through the running server: bad input is refused with each issue printed, and changes nothing', () => {
    const unknown = cli('requests', 'show', '9999');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Обращение № 9999 не найдено');
    expect(unknown.stderr).toContain('- requestId: unknown request');
    expect(cli('requests', 'show', 'abc').stderr).toContain('ожидается номер обращения');
    const noReason = cli('requests', 'refuse', split);
    expect(noReason.status).not.toBe(0);
    expect(noReason.stderr).toContain('--reason');
    const blank = cli('requests', 'extend', split, '--reason', ' ');
    expect(blank.status).toBe(2);
    expect(blank.stderr).toContain('- reason:');
    const stranger = cli('requests', 'assign', split, 'someone@example.kz');
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toContain('- assignee:');
    const future = cli('requests', 'answered', n, '--channel', 'post', '--date', '2999-01-01');
    expect(future.status).toBe(2);
    expect(future.stderr).toContain('- date:');
    expect(cli('requests', 'answered', n, '--channel', 'pigeon').status).not.toBe(0);
    const notYet = cli('requests', 'answered', split, '--channel', 'post');
    expect(notYet.status).toBe(2);
    expect(notYet.stderr).toContain('ответ ещё не готов');
    const untouched = JSON.parse(ok('requests', 'show', split, '--json')).request;
    expect(untouched).toMatchObject({ status: 'received', assignee: null, outcome: null });
  }, 300_000);

  it('through the running server: the split-off request is verified by code, refused with its ground, handed over', async () => {
    // The requester is sent a code and reads it back to the officer.
    // Not spawnSync: the test's SMTP server lives in this process and must answer while the CLI runs.
    const sent = await cliAsync('requests', 'verify', split, '--send-code');
    expect(sent.stderr).toBe('');
    expect(sent.stdout).toContain('код отправлен');
    // (Earlier verifications mailed their requesters a status link: the code's mail is the one with a code.)
    let code = '';
    for (let i = 1; !code; i++) code = /код: (\d{6})/.exec((await smtp!.waitFor(i)).text ?? '')?.[1] ?? '';
    const wrong = cli('requests', 'verify', split, '--code', code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('- code: wrong code');
    expect(ok('requests', 'verify', split, '--code', code)).toContain('личность подтверждена');
    const refused = ok(
      'requests',
      'refuse',
      split,
      '--reason',
      'Данные нужны для исполнения действующего договора',
      '--rule',
      'Закон РК № 94-V, ст. 8 п. 2',
    );
    expect(refused).toContain('отказано');
    const file = join(dataDir, 'otkaz.pdf');
    ok('requests', 'letter', split, '--out', file);
    if (pdftotextAvailable) expect(pdfText(readFileSync(file))).toContain('Данные нужны для исполнения');
    ok('requests', 'answered', split, '--channel', 'hand');
    const shown = JSON.parse(ok('requests', 'show', split, '--json'));
    expect(shown.request).toMatchObject({
      status: 'refused',
      verification: { method: 'email_code' },
      outcome: {
        refusal: { rule: 'Закон РК № 94-V, ст. 8 п. 2' },
        deliveries: [{ channel: 'hand', on: today, by: 'cli:local' }],
      },
    });
    const steps = shown.history.map((e: { action: string }) => e.action);
    expect(steps.filter((a: string) => a !== 'request.read')).toEqual([
      'request.receive',
      'request.verification_sent',
      'request.verification_failed',
      'request.verify',
      // The requester's status link (e-mailed to them) is issued with the verification.
      'request.status_link',
      'request.refuse',
      'request.answer_sent',
    ]);
  }, 300_000);
});
