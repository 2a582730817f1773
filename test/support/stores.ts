// Test stores: PGlite from the migrated template, and (when reachable) a fresh PostgreSQL database per test
// file, with the key store in a database of its own as in a production set-up that keeps keys apart.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Amanat, type AmanatOptions, createAmanat } from '../../src/app/amanat.js';
import { openStores, type Stores } from '../../src/db/database.js';
import { fromPackageRoot } from '../../src/lib/paths.js';
import type { MailIntakeSettings } from '../../src/modules/mail/mail.intake.js';
import type { Mailer } from '../../src/modules/mail/mailer.js';
import type { RequestSettings } from '../../src/modules/requests/request.service.js';

export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too where it is reachable (always in CI). */
export function storeKinds(): StoreKind[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export const exampleRegister = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');

function templateBlob(name: string): Blob {
  return new Blob([readFileSync(join(inject('templateDir'), name))]);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl')! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestStores {
  stores: Stores;
  /** PostgreSQL URLs of this test's databases (for pg_dump and the like). */
  urls?: { data: string; keys: string };
  close(): Promise<void>;
}

export async function openTestStores(kind: StoreKind): Promise<TestStores> {
  if (kind === 'pglite') {
    const stores = await openStores({
      kind: 'pglite',
      dataDump: templateBlob('data.tar'),
      keyDump: templateBlob('keys.tar'),
    });
    return { stores, close: () => stores.close() };
  }
  const base = inject('postgresUrl');
  if (!base) throw new Error('PostgreSQL is not reachable');
  const name = `amanat_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  await adminQuery(`CREATE DATABASE ${name}_keys`);
  const urls = { data: withDatabase(base, name), keys: withDatabase(base, `${name}_keys`) };
  const stores = await openStores({
    kind: 'postgres',
    dataUrl: urls.data,
    keyStoreUrl: urls.keys,
    poolSize: 4,
  });
  return {
    stores,
    urls,
    close: async () => {
      await stores.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(`DROP DATABASE IF EXISTS ${name}_keys WITH (FORCE)`);
    },
  };
}

export interface TestAmanat {
  amanat: Amanat;
  stores: Stores;
  masterKey: Buffer;
  urls?: { data: string; keys: string };
  close(): Promise<void>;
}

export async function createTestAmanat(
  kind: StoreKind,
  options: {
    clock?: () => Date;
    registerFile?: string;
    mailer?: Mailer;
    requestSettings?: Partial<RequestSettings>;
    mailSettings?: Partial<MailIntakeSettings>;
    imapUrl?: string;
    /** The privacy centre's address (links in e-mails) and the SMS sender. */
    publicUrl?: string;
    sms?: AmanatOptions['sms'];
    /** Publish the loaded register as a policy version at start, as `npm start` does (default true). */
    publish?: boolean;
  } = {},
): Promise<TestAmanat> {
  const test = await openTestStores(kind);
  const masterKey = randomBytes(32);
  const amanat = await createAmanat({
    stores: test.stores,
    masterKey,
    registerFile: options.registerFile ?? exampleRegister,
    clock: options.clock,
    mailer: options.mailer,
    requestSettings: options.requestSettings,
    mailSettings: options.mailSettings,
    imapUrl: options.imapUrl,
    publicUrl: options.publicUrl,
    sms: options.sms,
  });
  // Consents cite a published form, so a running Amanat has its register published (npm start publishes it).
  if (options.publish !== false) {
    await amanat.policies.publish('test:setup', {
      register: amanat.rules.register,
      profile: amanat.rules.profile,
    });
  }
  return {
    amanat,
    stores: test.stores,
    masterKey,
    urls: test.urls,
    // The audit anchor's period ends before its stores close.
    close: async () => {
      await amanat.auditAnchors.stop();
      await test.close();
    },
  };
}

/** A second instance over the same PostgreSQL databases and master key: its own services, pools and memory. */
export async function createSecondInstance(
  first: TestAmanat,
  options: Omit<Partial<AmanatOptions>, 'stores' | 'masterKey'> = {},
): Promise<Amanat> {
  if (!first.urls) throw new Error('a second instance needs PostgreSQL');
  const stores = await openStores({
    kind: 'postgres',
    dataUrl: first.urls.data,
    keyStoreUrl: first.urls.keys,
    poolSize: 4,
  });
  return createAmanat({ registerFile: exampleRegister, ...options, stores, masterKey: first.masterKey });
}

/** A processing consent to `purpose` granted through the service, with the contents the KZ profile requires. */
export function grantConsent(amanat: Amanat, subjectId: string, purpose: string) {
  return amanat.consents.grant('test', subjectId, {
    purpose,
    kind: 'processing',
    channel: 'web',
    policyVersion: '2025-01',
    subjectFullName: 'Тестовый Субъект',
    ip: '203.0.113.7',
    thirdPartyTransfer: false,
    crossBorderTransfer: false,
    publication: false,
  });
}
