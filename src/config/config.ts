// One zod schema for all configuration, checked once at boot: a wrong setting stops the start with a message
// naming the variable, instead of failing later in the middle of a request.
import { resolve } from 'node:path';
import { z } from 'zod';
import type { StoreSpec } from '../db/database.js';
import { DomainError, ErrorCodes } from '../lib/errors.js';
import { fromPackageRoot } from '../lib/paths.js';

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL such as postgres://user@127.0.0.1:5432/amanat');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** PostgreSQL for the data store; when absent the embedded PGlite in DATA_DIR is used. */
  DATABASE_URL: postgresUrl.optional(),
  /** PostgreSQL for the key store; defaults to DATABASE_URL (tables live in their own schema amanat_keys). */
  KEYSTORE_DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** The embedded key store's folder; kept apart from the data store so a data backup holds no keys. */
  KEYSTORE_DIR: z.string().min(1).optional(),
  /** Base64 of 32 random bytes; or MASTER_KEY_FILE. */
  AMANAT_MASTER_KEY: z.string().optional(),
  MASTER_KEY_FILE: z.string().optional(),
  REGISTER_FILE: z
    .string()
    .min(1)
    .default(fromPackageRoot('examples', 'nextbot.kz', 'register.yaml')),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  LOG_REQUESTS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Unwrapped subject keys kept in memory (about 250 bytes each); 0 reads every key from the key store. */
  KEY_CACHE_ENTRIES: z.coerce.number().int().min(0).max(10_000_000).default(100_000),
  /** Outgoing mail: smtp://user:pass@host:587 (smtps:// for TLS). Without it codes and answers cannot be e-mailed. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an SMTP URL such as smtp://user:password@mail.example.kz:587')
    .optional(),
  /** Sender of outgoing mail; the register's privacy address (or operator e-mail) by default. */
  MAIL_FROM: z.string().min(3).optional(),
  /** The privacy mailbox to poll: imap://user:pass@host/INBOX or imaps://…; no polling without it. */
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'an IMAP URL such as imaps://privacy%40example.kz:password@mail.example.kz/INBOX')
    .optional(),
  MAIL_POLL_CRON: z.string().min(9).default('* * * * *'),
  /** When the digest of due and overdue requests goes out, in the operator's time zone. */
  DIGEST_CRON: z.string().min(9).default('0 9 * * *'),
  /** The daily retention sweep, in the operator's time zone (02:30 by default, when traffic is low). */
  RETENTION_SWEEP_CRON: z.string().min(9).default('30 2 * * *'),
  /** How often subject requests' destructions are carried out and answered (every 5 minutes by default). */
  RETENTION_REQUESTS_CRON: z.string().min(9).default('*/5 * * * *'),
  /** Subjects per sweep transaction: shorter transactions, flat memory (PGlite is one connection). */
  RETENTION_BATCH_SUBJECTS: z.coerce.number().int().min(1).max(5000).default(500),
  JOBS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  REQUEST_INTAKE_LIMIT_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Console cookies carry Secure (browsers accept them on http://localhost too); 'false' only for plain-HTTP hosts. */
  SESSION_COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** The console's address, for links in letters (password reset). */
  PUBLIC_URL: z.url().optional(),
  /** The header a trusted reverse proxy sets with the client's address, e.g. x-forwarded-for (rate limits). */
  TRUST_PROXY_HEADER: z.string().min(1).optional(),
  /** How many trusted proxies append to that header: the client's address is that many entries from the right. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  /** Sign-in and password-reset attempts per client address per minute (also the burst). */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Requests to public endpoints (privacy centre, testimonials) per client address per minute. */
  PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /**
   * The operator's templates folder, laid out like the shipped templates/: papers/<paper>.<lang>.docx there
   * replaces the shipped DOCX of that paper (the operator's letterhead); a file it lacks comes from templates/.
   */
  AMANAT_TEMPLATES_DIR: z.string().min(1).optional(),
  /** The built cookie widget (widget.js, widget.css) served at /widget.js and /widget.css; widget/dist by default. */
  AMANAT_WIDGET_DIR: z.string().min(1).optional(),
  /** Cookie-banner proofs per client address per minute (also the burst): visitors behind one NAT share it. */
  COOKIE_PROOF_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
});

export interface AppConfig {
  port: number;
  host: string;
  store:
    | { kind: 'pglite'; dataDir: string; dataStoreDir: string; keyStoreDir: string }
    | { kind: 'postgres'; dataUrl: string; keyStoreUrl: string; poolSize: number; dataDir: string };
  masterKey: { env?: string; file: string };
  registerFile: string;
  bodyLimitBytes: number;
  logRequests: boolean;
  mail: { smtpUrl?: string; from?: string; imapUrl?: string; pollCron: string };
  jobs: { enabled: boolean; digestCron: string; retentionSweepCron: string; retentionRequestsCron: string };
  requests: { intakeLimitPerDay: number };
  retention: { batchSubjects: number };
  keyCacheEntries: number;
  staff: {
    secureCookies: boolean;
    sessionHours: number;
    idleMinutes: number;
    maxFailedLogins: number;
    lockMinutes: number;
    publicUrl?: string;
  };
  trustProxyHeader?: string;
  trustedProxyHops: number;
  rateLimits: { signInPerMinute: number; publicPerMinute: number };
  /** The operator's templates folder (absolute), when set. */
  templates: { dir?: string };
  /** The built cookie widget (absolute) and its proofs' rate per client address. */
  widget: { dir: string; proofsPerMinute: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new DomainError(ErrorCodes.CONFIG_INVALID, 'Неверная настройка / Invalid configuration', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const c = parsed.data;
  const dataDir = resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    store: c.DATABASE_URL
      ? {
          kind: 'postgres',
          dataUrl: c.DATABASE_URL,
          keyStoreUrl: c.KEYSTORE_DATABASE_URL ?? c.DATABASE_URL,
          poolSize: c.PG_POOL_SIZE,
          dataDir,
        }
      : {
          kind: 'pglite',
          dataDir,
          dataStoreDir: resolve(dataDir, 'store'),
          keyStoreDir: resolve(c.KEYSTORE_DIR ?? resolve(dataDir, 'keystore')),
        },
    masterKey: {
      env: c.AMANAT_MASTER_KEY,
      file: resolve(c.MASTER_KEY_FILE ?? resolve(dataDir, 'master.key')),
    },
    registerFile: resolve(c.REGISTER_FILE),
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    logRequests: c.LOG_REQUESTS,
    mail: { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM, imapUrl: c.IMAP_URL, pollCron: c.MAIL_POLL_CRON },
    jobs: {
      enabled: c.JOBS,
      digestCron: c.DIGEST_CRON,
      retentionSweepCron: c.RETENTION_SWEEP_CRON,
      retentionRequestsCron: c.RETENTION_REQUESTS_CRON,
    },
    requests: { intakeLimitPerDay: c.REQUEST_INTAKE_LIMIT_PER_DAY },
    retention: { batchSubjects: c.RETENTION_BATCH_SUBJECTS },
    keyCacheEntries: c.KEY_CACHE_ENTRIES,
    staff: {
      secureCookies: c.SESSION_COOKIE_SECURE,
      sessionHours: c.SESSION_HOURS,
      idleMinutes: c.SESSION_IDLE_MINUTES,
      maxFailedLogins: c.LOGIN_MAX_FAILURES,
      lockMinutes: c.LOGIN_LOCK_MINUTES,
      publicUrl: c.PUBLIC_URL,
    },
    trustProxyHeader: c.TRUST_PROXY_HEADER,
    trustedProxyHops: c.TRUSTED_PROXY_HOPS,
    rateLimits: { signInPerMinute: c.SIGN_IN_RATE_PER_MINUTE, publicPerMinute: c.PUBLIC_RATE_PER_MINUTE },
    templates: { dir: c.AMANAT_TEMPLATES_DIR ? resolve(c.AMANAT_TEMPLATES_DIR) : undefined },
    widget: {
      dir: resolve(c.AMANAT_WIDGET_DIR ?? 'widget/dist'),
      proofsPerMinute: c.COOKIE_PROOF_RATE_PER_MINUTE,
    },
  };
}

/** What createAmanat takes from the configuration: everything but the stores and the master key. */
export function amanatOptionsOf(config: AppConfig) {
  return {
    registerFile: config.registerFile,
    smtp: config.mail.smtpUrl ? { url: config.mail.smtpUrl, from: config.mail.from } : undefined,
    imapUrl: config.mail.imapUrl,
    requestSettings: { intakeLimitPerDay: config.requests.intakeLimitPerDay },
    retentionBatchSubjects: config.retention.batchSubjects,
    keyCacheEntries: config.keyCacheEntries,
    templatesDir: config.templates.dir,
    staffSettings: {
      sessionHours: config.staff.sessionHours,
      idleMinutes: config.staff.idleMinutes,
      maxFailedLogins: config.staff.maxFailedLogins,
      lockMinutes: config.staff.lockMinutes,
      publicUrl: config.staff.publicUrl,
    },
  };
}

/** The stores this configuration names; an embedded store takes the data folder's lock. */
export function storeSpecOf(config: AppConfig, options: { poolSize?: number } = {}): StoreSpec {
  return config.store.kind === 'pglite'
    ? {
        kind: 'pglite',
        dataStoreDir: config.store.dataStoreDir,
        keyStoreDir: config.store.keyStoreDir,
        lockDir: config.store.dataDir,
      }
    : {
        kind: 'postgres',
        dataUrl: config.store.dataUrl,
        keyStoreUrl: config.store.keyStoreUrl,
        poolSize: options.poolSize ?? config.store.poolSize,
      };
}
