// Two proposals of the access list at the same instant on PostgreSQL: the one that loses the version number
// gets a 409-class conflict naming what happened, and nothing of it is written.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { eventually } from './support/eventually.js';
import { createTestAmanat, storeKinds } from './support/stores.js';

describe.skipIf(!storeKinds().includes('postgres'))('access-list proposals racing on PostgreSQL', () => {
  it('the proposal that loses the next version number is refused as a conflict and writes nothing', async () => {
    const t = await createTestAmanat('postgres');
    const rival = new pg.Client({ connectionString: t.urls!.data });
    try {
      const password = 'пароль-для-гонки-2026';
      const admin = await t.amanat.staff.add('test', {
        email: 'admin@race.kz',
        fullName: 'Админ Гонки',
        password,
        isAdmin: true,
      });
      const login = await t.amanat.staff.signIn({ email: 'admin@race.kz', password, userAgent: 'vitest' });
      const principal = await t.amanat.access.staffPrincipal(login.session.staff, login.session);

      // Another proposal holds version 1, not yet committed: the service reads no versions and takes 1 too.
      await rival.connect();
      await rival.query('BEGIN');
      await rival.query(
        `INSERT INTO access_list_versions (id, version, status, entries, proposed_by, proposed_at)
         VALUES ($1, 1, 'proposed', '[]', $2, now())`,
        [randomUUID(), admin.id],
      );
      const auditBefore = (await t.amanat.verifyAudit()).entries;
      const proposal = t.amanat.access.propose(principal, { entries: [], note: 'гонка' });
      const outcome = proposal.then(
        () => 'written',
        (error) => error,
      );
      // Wait until the service's INSERT waits on the rival's uncommitted index entry, then let the rival win.
      await eventually('the proposal waiting on the rival’s version', async () => {
        const waiting = await t.stores.sql.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return waiting.length > 0;
      });
      await rival.query('COMMIT');

      const error = await outcome;
      expect(error).toMatchObject({ code: 'access_list_conflict' });
      expect(error.message).toContain('другая версия перечня');
      const versions = await t.stores.sql.query<{ note: string | null }>(
        'SELECT note FROM access_list_versions ORDER BY version',
      );
      expect(versions).toEqual([{ note: null }]);
      expect(await t.amanat.verifyAudit()).toMatchObject({ ok: true, entries: auditBefore });
    } finally {
      await rival.end().catch(() => {});
      await t.close();
    }
  });
});
