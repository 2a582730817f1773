// `npm start`: the server on the embedded database (or PostgreSQL with DATABASE_URL) with the register loaded.
import { type Amanat, createAmanat } from './app/amanat.js';
import { amanatOptionsOf, loadConfig, storeSpecOf } from './config/config.js';
import { openStores } from './db/database.js';
import { startJobs } from './jobs/jobs.js';
import { isDomainError } from './lib/errors.js';
import { createOwnerOnlyFiles } from './lib/owner-only.js';
import { UNLISTED_KEY_SCOPES } from './modules/api-keys/api-key.service.js';
import { masterKeyForStore } from './modules/vault/master-key.js';
import { startServer } from './server.js';

/**
 * A fresh store serves /policy: when no version is published yet, the loaded register becomes the first one.
 * Runs once the server listens (rendering takes seconds); /policy answers 404 "not published yet" until then.
 */
async function publishFirstPolicy(amanat: Amanat): Promise<void> {
  try {
    if (await amanat.policies.summary('latest')) return;
    const { version } = await amanat.policies.publish('system:start', {
      register: amanat.rules.register,
      profile: amanat.rules.profile,
    });
    console.log(
      `Опубликована первая редакция политики «${version.id}» (${version.publishedOn}): /policy. ` +
        `Published the first policy version "${version.id}" (${version.publishedOn}) at /policy.`,
    );
  } catch (error) {
    const issues = isDomainError(error)
      ? error.issues.map((i) => `\n  ${i.path}: ${i.message}`).join('')
      : '';
    console.error(
      `Политика не опубликована: ${error instanceof Error ? error.message : String(error)}${issues}\n` +
        '  The policy could not be published; fix it and run `amanat policy publish`.',
    );
  }
}

async function main(): Promise<void> {
  createOwnerOnlyFiles();
  const config = loadConfig();
  const stores = await openStores(storeSpecOf(config));
  const master = await masterKeyForStore(config.masterKey, stores, { create: true }).catch(
    async (error: unknown) => {
      await stores.close();
      throw error;
    },
  );
  if (master.origin === 'created') {
    console.log(
      `Создан мастер-ключ: ${master.file}\n` +
        '  Храните его копию отдельно от резервных копий данных: без него данные не расшифровать.\n' +
        `  Created the master key at ${master.file}; back it up apart from the data.`,
    );
  }
  const amanat = await createAmanat({ stores, masterKey: master.key, ...amanatOptionsOf(config) }).catch(
    async (error: unknown) => {
      await stores.close();
      throw error;
    },
  );

  for (const warning of amanat.registerWarnings)
    console.log(`Реестр, предупреждение: ${warning.path} ${warning.message}`);

  if ((await amanat.apiKeys.count()) === 0) {
    const key = await amanat.apiKeys.create('system:bootstrap', 'bootstrap-admin', [...UNLISTED_KEY_SCOPES]);
    console.log(
      '\nПервый запуск: создан ключ администратора API (показывается один раз, сохраните его):\n' +
        `  ${key.token}\n` +
        'Он собирает данные и управляет ключами и сотрудниками; читать персональные данные он не может ' +
        '(только по утверждённому перечню, docs/access.md).\n' +
        'First start: bootstrap admin API key (shown once). Use it as Authorization: Bearer <key>. It collects and ' +
        'administers; it reads no personal data.\n',
    );
  }

  const jobs = config.jobs.enabled
    ? await startJobs(amanat, {
        digestCron: config.jobs.digestCron,
        mailPollCron: config.mail.pollCron,
        retentionSweepCron: config.jobs.retentionSweepCron,
        retentionRequestsCron: config.jobs.retentionRequestsCron,
        log: (line) => console.log(line),
      })
    : null;
  if (!config.mail.smtpUrl) {
    console.log(
      'Почта не настроена (SMTP_URL): коды подтверждения, ответы и сводка не отправляются. ' +
        'Set SMTP_URL to send codes, answers and the digest.',
    );
  }

  const server = await startServer(amanat, {
    port: config.port,
    host: config.host,
    bodyLimitBytes: config.bodyLimitBytes,
    logRequests: config.logRequests,
    secureCookies: config.staff.secureCookies,
    trustProxyHeader: config.trustProxyHeader,
    trustedProxyHops: config.trustedProxyHops,
    signInLimit: { burst: config.rateLimits.signInPerMinute, perMinute: config.rateLimits.signInPerMinute },
    publicLimit: { burst: config.rateLimits.publicPerMinute, perMinute: config.rateLimits.publicPerMinute },
    cookieProofLimit: { burst: config.widget.proofsPerMinute, perMinute: config.widget.proofsPerMinute },
    publicUrl: config.staff.publicUrl,
    widgetDir: config.widget.dir,
    dataDir: config.store.kind === 'pglite' ? config.store.dataDir : undefined,
  });
  const r = amanat.rules.register;
  console.log(
    `Amanat слушает ${server.url} (хранилище: ${stores.kind}${config.store.kind === 'pglite' ? `, ${config.store.dataDir}` : ''})\n` +
      `  Реестр: ${r.operator.name.ru}, ${r.purposes.length} целей (${config.registerFile})\n` +
      `  API: ${server.url}/api/health, документация: ${server.url}/api/openapi.json`,
  );

  const firstPolicy = publishFirstPolicy(amanat);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: останавливаюсь / shutting down`);
    // Each step is named as it ends, so a shutdown that hangs shows where.
    const started = Date.now();
    let pending = 'HTTP closed';
    // Requests get 10 s and jobs 10 s; past 30 s something hangs. Name it and exit as a kill would: every write
    // is transactional, so the next start finds a consistent store.
    setTimeout(() => {
      console.error(
        `Остановка зависла на шаге «${pending}» (30 s): выхожу / shutdown stuck at '${pending}', exiting`,
      );
      process.exit(1);
    }, 30_000).unref();
    const step = async (name: string, work: () => Promise<unknown> | undefined) => {
      pending = name;
      await work();
      console.log(`  ${name}: ${Date.now() - started} ms`);
    };
    await step('HTTP closed', () => server.close());
    await step('jobs stopped', () => jobs?.stop());
    await step('first policy published', () => firstPolicy);
    await step('stores closed', () => amanat.close());
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (isDomainError(error)) {
    console.error(`Ошибка запуска: ${error.message}`);
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
