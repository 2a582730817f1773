// Several roles at once (a roles file, POST /api/roles/load): all checked first, all written or none, one audit
// entry per role that changed, the same file twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPackageRoot } from '../src/lib/paths.js';
import { readRolesFile } from '../src/modules/access/roles.file.js';
import { createTestApi, type TestApi } from './support/api.js';
import { approveList } from './support/listed-keys.js';
import { storeKinds } from './support/stores.js';

const defaults = readRolesFile(fromPackageRoot('examples', 'nextbot.kz', 'roles.yaml'));

describe.each(storeKinds())('loading roles on %s', (kind) => {
  let api: TestApi;
  const count = async (sql: string) => Number((await api.stores.sql.query<{ n: string }>(sql))[0]!.n);
  // The admin key's own role (its entry on the approved list) is not one of the file's.
  const roleRows = () => count(`SELECT count(*) AS n FROM roles WHERE id <> 'key-admin'`);
  const roleSaves = () =>
    count(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'role.save' AND details ->> 'roleId' <> 'key-admin'`,
    );

  beforeAll(async () => {
    api = await createTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('a file with one bad role writes nothing and names every problem', async () => {
    const bad = await api.call('POST', '/api/roles/load', {
      body: {
        roles: [
          defaults[0],
          { id: 'spy', name: 'Шпион', purposes: ['support'], fields: { support: ['passport'] }, actions: [] },
          { ...defaults[1], id: defaults[0]!.id },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues).toEqual([
      { path: 'roles.1.fields.support', message: 'purpose support has no field passport' },
      { path: 'roles.2.id', message: `role ${defaults[0]!.id} appears twice` },
    ]);
    expect(await roleRows()).toBe(0);
    expect(await roleSaves()).toBe(0);
  });

  it('the example defaults load; a second load changes nothing; a changed role is updated alone', async () => {
    const first = await api.call('POST', '/api/roles/load', { body: { roles: defaults } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: defaults.map((r) => r.id), updated: [], unchanged: [] });
    expect(await roleSaves()).toBe(defaults.length);

    const again = await api.call('POST', '/api/roles/load', { body: { roles: defaults } });
    expect(again.body).toEqual({ created: [], updated: [], unchanged: defaults.map((r) => r.id) });
    expect(await roleSaves()).toBe(defaults.length);

    const changed = defaults.map((r) => (r.id === 'analytics' ? { ...r, actions: ['data:read'] } : r));
    const third = await api.call('POST', '/api/roles/load', { body: { roles: changed } });
    expect(third.body.updated).toEqual(['analytics']);
    expect(await roleSaves()).toBe(defaults.length + 1);

    // A key holding a loaded role (through the approved list) acts with its purposes only.
    const key = await api.amanat.apiKeys.create('test', 'helpdesk', [], 'support');
    await approveList(api.amanat, [api.adminEntry, { keyId: key.id, roleId: 'support' }]);
    const principal = await api.amanat.apiKeys.authenticate(key.token);
    expect(principal.purposes).toEqual(new Set(['client_site_access', 'support', 'user_site_access']));
  });

  it('nobody loads a file that changes the role they hold', async () => {
    await api.call('POST', '/api/roles/load', {
      body: {
        roles: [
          {
            id: 'staff-admin',
            name: 'Администратор',
            purposes: [],
            actions: ['staff:manage'],
          },
        ],
      },
    });
    const own = await api.amanat.apiKeys.create('test', 'admin-key', [], 'staff-admin');
    await approveList(api.amanat, [api.adminEntry, { keyId: own.id, roleId: 'staff-admin' }]);
    const refused = await api.call('POST', '/api/roles/load', {
      token: own.token,
      body: {
        roles: [
          { id: 'staff-admin', name: 'Администратор', purposes: [], actions: ['staff:manage', 'data:read'] },
        ],
      },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(refused.body.error.issues).toEqual([{ path: 'roles', message: 'role held by the caller' }]);
  });
});
