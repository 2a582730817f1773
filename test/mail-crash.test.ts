// kill -9 in the middle of reading the privacy mailbox: the next run finishes, and nothing is lost or doubled.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../src/db/database.js';
import { fromPackageRoot } from '../src/lib/paths.js';
import { dovecotAvailable, startTestImap } from './support/dovecot.js';
import { runCli } from './support/processes.js';
import { openTestStores, storeKinds } from './support/stores.js';

const MESSAGES = 120;
const KILL_AFTER = 25;

describe.skipIf(!dovecotAvailable).each(storeKinds())('kill -9 during a mailbox poll, %s', (kind) => {
  it('the next poll completes: every message kept once, every one a request, the audit chain whole', async () => {
    const imap = await startTestImap();
    const dataDir = mkdtempSync(join(tmpdir(), 'amanat-crash-'));
    const test = kind === 'postgres' ? await openTestStores('postgres') : null;
    // On PGlite the child processes own the folder while they run; this process looks afterwards.
    const env: Record<string, string> = {
      AMANAT_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      IMAP_URL: imap.url,
      DATA_DIR: dataDir,
      ...(test ? { DATABASE_URL: test.urls!.data, KEYSTORE_DATABASE_URL: test.urls!.keys } : {}),
    };
    let stores: Stores | undefined;
    try {
      await imap.deliver(
        ...Array.from({ length: MESSAGES }, (_, i) => {
          const subject = i % 2 ? 'Отзыв согласия на обработку персональных данных' : `Вопрос ${i}`;
          return Buffer.from(
            `From: crash-${i}@example.kz\r\nTo: privacy@nextbot.kz\r\n` +
              `Subject: =?utf-8?B?${Buffer.from(subject).toString('base64')}?=\r\n` +
              `Date: Wed, 25 Mar 2026 10:00:00 +0500\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nТекст ${i}\r\n`,
          );
        }),
      );

      // First run: killed with SIGKILL once it has printed KILL_AFTER messages.
      // Its own process group, so the kill reaches the command and anything it started.
      const child = spawn(process.execPath, [fromPackageRoot('bin', 'amanat.js'), 'mail', 'poll'], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let out = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_, signal) => resolve(signal)),
      );
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.stdout.on('data', (d) => {
        out += d;
        if ((out.match(/→ обращение/g) ?? []).length >= KILL_AFTER && child.exitCode === null) {
          process.kill(-child.pid!, 'SIGKILL');
        }
      });
      expect(await exited, out).toBe('SIGKILL');

      // Second run finishes the work.
      const second = runCli(['mail', 'poll'], env);
      expect(second.stderr).toBe('');
      expect(second.status).toBe(0);
      // The first run really worked before it died: the second reads only what was left.
      const readAgain = Number(/прочитано новых писем — (\d+)/.exec(second.stdout)?.[1]);
      expect(readAgain).toBeGreaterThan(0);
      expect(readAgain).toBeLessThanOrEqual(MESSAGES - KILL_AFTER + 1);

      stores = test
        ? test.stores
        : await openStores({
            kind: 'pglite',
            dataStoreDir: join(dataDir, 'store'),
            keyStoreDir: join(dataDir, 'keystore'),
          });
      const [counts] = await stores.sql.query<Record<string, string | number>>(
        `SELECT (SELECT count(*) FROM inbound_messages) AS messages,
                (SELECT count(DISTINCT uid) FROM inbound_messages) AS uids,
                (SELECT count(*) FROM inbound_messages WHERE request_id IS NULL) AS without_request,
                (SELECT count(*) FROM subject_requests) AS requests,
                (SELECT count(*) FROM subject_requests WHERE duplicates > 0) AS linked`,
      );
      expect(Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)]))).toEqual({
        messages: MESSAGES,
        uids: MESSAGES,
        without_request: 0,
        requests: MESSAGES,
        linked: 0,
      });
      if (!test) await stores.close();
      stores = undefined;
      const verify = runCli(['audit', 'verify'], env);
      expect(verify.status, verify.stderr).toBe(0);
    } finally {
      if (!test) await stores?.close();
      await imap.stop();
      rmSync(dataDir, { recursive: true, force: true });
      await test?.close();
    }
  }, 120_000);
});
