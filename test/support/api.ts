// Drives the real HTTP application in-process (app.request): routing, validation, scopes and the error mapper.

import { createHttpApp, type HttpOptions } from '../../src/http/app.js';
import { Scopes, WEBSITE_BACKEND_SCOPES } from '../../src/modules/api-keys/api-key.service.js';
import type { SmsSender } from '../../src/modules/centre/centre.sms.js';
import type { Mailer } from '../../src/modules/mail/mailer.js';
import { type ListEntry, listedKeys } from './listed-keys.js';
import { createTestAmanat, type StoreKind, type TestAmanat } from './stores.js';

export interface TestApi extends TestAmanat {
  /** The in-process app, for calls without the JSON helper (public routes, headers). */
  app: ReturnType<typeof createHttpApp>;
  adminToken: string;
  websiteToken: string;
  /** The admin key's entry on the approved list: a test approving a new version keeps it there. */
  adminEntry: ListEntry;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string | null; rawBody?: string },
  ): Promise<{ status: number; body: any }>;
  /** Purpose id by its row number in the policy's table. */
  purposeId(number: number): string;
}

export async function createTestApi(
  kind: StoreKind,
  options: {
    clock?: () => Date;
    bodyLimitBytes?: number;
    mailer?: Mailer;
    publish?: boolean;
    publicUrl?: string;
    sms?: SmsSender;
    /** Options of the HTTP application besides the body limit (rate limits, cookies). */
    http?: Omit<HttpOptions, 'bodyLimitBytes'>;
  } = {},
): Promise<TestApi> {
  const base = await createTestAmanat(kind, {
    clock: options.clock,
    mailer: options.mailer,
    publish: options.publish,
    publicUrl: options.publicUrl,
    sms: options.sms,
  });
  const app = createHttpApp(base.amanat, {
    ...options.http,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
  });
  // The admin key reads every purpose through its entry on an approved access list (as any such key must).
  const { keys, entries } = await listedKeys(base.amanat, [{ name: 'admin', scopes: [...Scopes] }]);
  const admin = keys.admin!;
  const website = await base.amanat.apiKeys.create('test', 'website-backend', WEBSITE_BACKEND_SCOPES);
  const call: TestApi['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = opts.token === undefined ? admin.token : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    ...base,
    app,
    adminToken: admin.token,
    websiteToken: website.token,
    adminEntry: entries[0]!,
    call,
    purposeId(number) {
      const purpose = base.amanat.rules.purposes().find((p) => p.number === number);
      if (!purpose) throw new Error(`The example register has no purpose number ${number}`);
      return purpose.id;
    },
  };
}

/** The body of a web consent grant with every KZ Art. 8 content, as the website backend sends it. */
export const grantBody = (purpose: string, extra: Record<string, unknown> = {}) => ({
  purpose,
  channel: 'web',
  policy_version: '2025-01',
  subject_full_name: 'Сапарова Айгерим',
  ip: '203.0.113.7',
  user_agent: 'Mozilla/5.0 test',
  third_party_transfer: false,
  cross_border_transfer: false,
  publication: false,
  ...extra,
});
