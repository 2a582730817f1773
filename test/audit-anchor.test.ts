// The audit chain's tail is anchored outside the data store: cutting the tail and moving the head back, or wiping
// the log and the head, is named by `amanat audit verify` and POST /api/audit/verify with the last anchored position.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Amanat, createAmanat } from '../src/app/amanat.js';
import { openStores, type Stores } from '../src/db/database.js';
import { createHttpApp } from '../src/http/app.js';
import type { OutgoingMail } from '../src/modules/mail/mailer.js';
import { eventually } from './support/eventually.js';
import { listedKeys } from './support/listed-keys.js';
import { pdfText, pdftotextAvailable } from './support/pdf.js';
import { runCli } from './support/processes.js';
import { createTestAmanat, exampleRegister, openTestStores, storeKinds } from './support/stores.js';

const MASTER = Buffer.alloc(32, 11);

/** Ten entries from real service calls. */
async function tenEntries(amanat: Amanat): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const { subjectId } = await amanat.vault.ensureSubject('test', { email: `anchor${i}@example.kz` });
    await amanat.vault.getSubject('test', subjectId);
  }
}

const edits = {
  'the tail is deleted and the head moved back': {
    sql: [
      'DELETE FROM audit_log WHERE seq > 6',
      'UPDATE audit_head SET seq = 6, hash = (SELECT hash FROM audit_log WHERE seq = 6) WHERE id = 1',
    ],
    from: 7,
  },
  'the log and the head are wiped': {
    sql: [
      'DELETE FROM audit_log',
      `UPDATE audit_head SET seq = 0, hash = decode(repeat('00', 32), 'hex') WHERE id = 1`,
    ],
    from: 1,
  },
} as const;

describe.each(storeKinds())('the audit tail anchored in the key store, %s', (kind) => {
  it.each(Object.keys(edits) as (keyof typeof edits)[])(
    'when %s, the API and the CLI name the missing tail and the anchored position',
    async (edit) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'amanat-audit-anchor-'));
      const test = kind === 'postgres' ? await openTestStores('postgres') : null;
      const env: Record<string, string> = {
        AMANAT_MASTER_KEY: MASTER.toString('base64'),
        DATA_DIR: dataDir,
        ...(test ? { DATABASE_URL: test.urls!.data, KEYSTORE_DATABASE_URL: test.urls!.keys } : {}),
      };
      const open = async (): Promise<Stores> =>
        test
          ? openStores({
              kind: 'postgres',
              dataUrl: test.urls!.data,
              keyStoreUrl: test.urls!.keys,
              poolSize: 2,
            })
          : openStores({
              kind: 'pglite',
              dataStoreDir: join(dataDir, 'store'),
              keyStoreDir: join(dataDir, 'keystore'),
            });
      try {
        // An operator's day: entries written, the server stopped cleanly (which anchors the head).
        const first = await createAmanat({
          stores: await open(),
          masterKey: MASTER,
          registerFile: exampleRegister,
        });
        await tenEntries(first);
        const key = await first.apiKeys.create('test', 'auditor', ['audit:read']);
        await first.close();
        const head = 11; // ten entries and the key's creation

        // Someone with write access to the data store alone edits the log.
        const stores = await open();
        for (const statement of edits[edit].sql) await stores.sql.query(statement);
        const amanat = await createAmanat({ stores, masterKey: MASTER, registerFile: exampleRegister });
        const app = createHttpApp(amanat, { bodyLimitBytes: 1024 * 1024 });
        const response = await app.request('/api/audit/verify', {
          method: 'POST',
          headers: { authorization: `Bearer ${key.token}` },
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({
          ok: false,
          problem: 'truncated',
          seq: edits[edit].from,
          anchoredSeq: head,
        });
        await amanat.close();

        const cli = runCli(['audit', 'verify'], env);
        expect(cli.status, cli.stdout + cli.stderr).toBe(1);
        expect(cli.stderr).toContain(`закреплённая позиция цепочки (хранилище ключей) — ${head}`);
        expect(cli.stderr).toContain(`записи ${edits[edit].from}–${head} отсутствуют`);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        await test?.close();
      }
    },
    120_000,
  );

  it('a log wiped and written again past the anchor is named as replaced: the anchor does not follow it', async () => {
    const t = await createTestAmanat(kind, { publish: false });
    try {
      await tenEntries(t.amanat);
      // Anchored within the period after the appends, without anyone asking.
      await eventually('the head anchored in the key store', async () => {
        const [anchor] = await t.amanat.auditAnchors.anchors();
        return anchor?.seq === 10;
      });
      expect(await t.amanat.verifyAudit()).toEqual({ ok: true, entries: 10, headSeq: 10 });
      for (const statement of edits['the log and the head are wiped'].sql)
        await t.stores.sql.query(statement);
      // The process forgets the head it knew, as a restart would; then twelve new entries on a fresh chain.
      await t.stores.sql.query('UPDATE audit_head SET seq = 0 WHERE id = 1');
      const again = await createAmanat({
        stores: t.stores,
        masterKey: t.masterKey,
        registerFile: exampleRegister,
      });
      for (let i = 0; i < 6; i++) {
        const { subjectId } = await again.vault.ensureSubject('test', { email: `again${i}@example.kz` });
        await again.vault.getSubject('test', subjectId);
      }
      expect(await again.auditAnchors.anchorNow()).toBe('diverged');
      expect((await again.auditAnchors.anchors())[0]?.seq).toBe(10);
      expect(await again.verifyAudit()).toMatchObject({
        ok: false,
        problem: 'replaced',
        seq: 10,
        anchoredSeq: 10,
      });
      await again.auditAnchors.stop();
    } finally {
      await t.close();
    }
  }, 60_000);

  it('an act of destruction records the chain position it was made at; verify names a tail cut short of it', async () => {
    let now = new Date('2025-01-10T06:00:00Z');
    const t = await createTestAmanat(kind, { clock: () => now });
    try {
      const ux = t.amanat.rules.purposes().find((p) => p.number === 7)!.id;
      await t.amanat.vault.collectForIdentity(
        'test',
        { email: 'swept@example.kz' },
        {
          purposes: [ux],
          values: { ip_address: '198.51.100.7' },
          source: 'website:analytics',
          retentionOptions: { [ux]: 'months_14' },
        },
      );
      now = new Date('2026-11-24T06:00:00Z');
      const run = await t.amanat.retentionSweeper.run({ trigger: 'cli' });
      const act = await t.amanat.destructionActs.get(run.acts[0]!.id);
      const position = act.act!.auditPosition!;
      const [entry] = await t.stores.sql.query<{ hash: string }>(
        `SELECT encode(hash, 'hex') AS hash FROM audit_log WHERE seq = $1`,
        [position.seq],
      );
      expect(position.hash).toBe(entry!.hash);
      if (pdftotextAvailable) {
        const text = pdfText((await t.amanat.destructionActs.pdf(act.id)).pdf).replace(/\s+/g, ' ');
        expect(text).toContain(`запись № ${position.seq}`);
      }
      // The key store's anchor lost (a crash within its period): the act still holds the position.
      await t.amanat.auditAnchors.stop();
      await t.stores.keySql.query('DELETE FROM amanat_keys.audit_anchors');
      await t.stores.sql.query('DELETE FROM audit_log WHERE seq > 2');
      await t.stores.sql.query(
        'UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2) WHERE id = 1',
      );
      const verdict = await t.amanat.verifyAudit();
      expect(verdict).toMatchObject({ ok: false, problem: 'truncated', seq: 3, anchoredSeq: position.seq });
      expect(verdict.ok === false && verdict.message).toContain(`акт об уничтожении № ${act.number}`);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the approved access list records its approval’s chain position; verify names a tail cut short of it', async () => {
    const t = await createTestAmanat(kind);
    try {
      await tenEntries(t.amanat);
      await listedKeys(t.amanat, [{ name: 'crm', scopes: ['data:read'], purposes: 'all' }]);
      const versionId = (await t.amanat.access.currentVersionId())!;
      const doc = await t.amanat.access.document(versionId);
      const [approval] = await t.stores.sql.query<{ seq: string | number; hash: string }>(
        `SELECT seq, encode(hash, 'hex') AS hash FROM audit_log
         WHERE action = 'access_list.approve' AND details ->> 'versionId' = $1`,
        [versionId],
      );
      expect(doc.auditPosition).toEqual({ seq: Number(approval!.seq), hash: approval!.hash });
      expect(doc.auditPosition!.seq).toBeGreaterThan(10);
      if (pdftotextAvailable) {
        const text = pdfText((await t.amanat.access.pdf(versionId)).pdf).replace(/\s+/g, ' ');
        expect(text).toContain(`запись № ${doc.auditPosition!.seq}, контрольное значение ${approval!.hash}`);
      }
      // The key store's anchor lost, the tail cut back past the approval and the head moved back.
      await t.amanat.auditAnchors.stop();
      await t.stores.keySql.query('DELETE FROM amanat_keys.audit_anchors');
      await t.stores.sql.query('DELETE FROM audit_log WHERE seq > 2');
      await t.stores.sql.query(
        'UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_log WHERE seq = 2) WHERE id = 1',
      );
      const verdict = await t.amanat.verifyAudit();
      expect(verdict).toMatchObject({
        ok: false,
        problem: 'truncated',
        seq: 3,
        anchoredSeq: doc.auditPosition!.seq,
      });
      expect(verdict.ok === false && verdict.message).toContain(
        `утверждение перечня лиц с доступом, версия ${doc.version}`,
      );
    } finally {
      await t.close();
    }
  }, 60_000);

  it('the daily digest states the audit chain position it was made at', async () => {
    let now = new Date('2026-03-20T05:00:00Z');
    const sent: OutgoingMail[] = [];
    const mailer = {
      configured: true,
      send: async (mail: OutgoingMail) => {
        sent.push(mail);
        return { messageId: `digest-${sent.length}` };
      },
    };
    const t = await createTestAmanat(kind, { clock: () => now, mailer });
    try {
      await t.amanat.requests.submit('test', {
        type: 'rectification',
        channel: 'email',
        contact: { email: 'digest@example.kz' },
        values: { phone: '+77017654321' },
      });
      now = new Date('2026-03-25T05:00:00Z');
      expect((await t.amanat.requests.sendDigest()).sent).toBe(true);
      const [head] = await t.stores.sql.query<{ seq: string | number; hash: string }>(
        `SELECT seq, encode(hash, 'hex') AS hash FROM audit_head WHERE id = 1`,
      );
      expect(Number(head!.seq)).toBeGreaterThan(0);
      expect(sent.at(-1)!.text).toContain(
        `Журнал аудита на момент сводки: запись № ${Number(head!.seq)}, контрольное значение ${head!.hash}`,
      );
    } finally {
      await t.close();
    }
  });
});
