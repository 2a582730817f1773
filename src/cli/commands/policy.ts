// `amanat policy`: publish the loaded register as a policy version, list the versions, show one (the version in
// force on a date, or by label) as a summary or write its document. Through the running server when it holds
// the store, else directly on the store.
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { Amanat } from '../../app/amanat.js';
import { tryParseIsoDate } from '../../modules/calendar/dates.js';
import { POLICY_HTML, POLICY_PDF } from '../../modules/policies/policy.documents.js';
import type { Lang } from '../../modules/register/register.retention.js';
import { callServer, fail, fetchFromServer, withAccess } from '../local-access.js';
import { registerPolicyDiffCommands } from './policy-diff.js';

const ACTOR = 'cli:local';

interface VersionSummary {
  id: string;
  publishedAt: string;
  publishedOn: string;
  registerSha256: string;
}
interface VersionShown extends VersionSummary {
  documents: Array<{ name: string; lang: Lang; mediaType: string; sha256: string }>;
}
interface ShowOptions {
  at?: string;
  version?: string;
  lang: Lang;
  format: 'html' | 'pdf';
  out?: string;
  json?: boolean;
}

const iso = (v: { publishedAt: Date | string }) =>
  typeof v.publishedAt === 'string' ? v.publishedAt : v.publishedAt.toISOString();

function notFound(options: ShowOptions): Error {
  return new Error(
    options.version
      ? `редакция «${options.version}» не опубликована (amanat policy versions) / version "${options.version}" is not published`
      : options.at
        ? `на ${options.at} ни одна редакция ещё не была опубликована / no version was in force on ${options.at}`
        : 'политика ещё не опубликована (amanat policy publish) / no version is published yet',
  );
}

/** The chosen version with its documents' hashes and, with --out, the document's bytes. */
async function showDirect(amanat: Amanat, options: ShowOptions) {
  const version = options.version
    ? await amanat.policies.get(options.version)
    : options.at
      ? await amanat.policies.at(options.at)
      : await amanat.policies.latest();
  if (!version) throw notFound(options);
  const name = options.format === 'pdf' ? POLICY_PDF : POLICY_HTML;
  const doc = options.out ? await amanat.policies.document(version.id, name, options.lang) : null;
  const { register: _register, ...shown } = version;
  return {
    version: { ...shown, publishedAt: iso(shown) } as VersionShown,
    bytes: doc?.bytes ?? null,
    base: '',
  };
}

async function showViaServer(access: { url: string; token: string }, options: ShowOptions) {
  let id = options.version;
  if (!id) {
    const { versions } = await callServer<{ versions: VersionSummary[] }>(
      access,
      'GET',
      '/api/policy/versions',
    );
    const eligible = options.at ? versions.filter((v) => v.publishedOn <= options.at!) : versions;
    id = eligible.at(-1)?.id;
    if (!id) throw notFound(options);
  }
  const version = await callServer<VersionShown>(
    access,
    'GET',
    `/api/policy/versions/${encodeURIComponent(id)}`,
  );
  const bytes = options.out
    ? await fetchFromServer(
        access,
        `/policy/${encodeURIComponent(id)}?lang=${options.lang}&format=${options.format}`,
      )
    : null;
  return { version, bytes, base: access.url };
}

function printSummary(version: VersionShown, options: ShowOptions, base: string): void {
  const page = `${base}/policy/${encodeURIComponent(version.id)}?lang=${options.lang}`;
  console.log(
    `Редакция политики / Policy version: ${version.id}\n` +
      `  Опубликована / Published: ${version.publishedOn} (${version.publishedAt})\n` +
      `  SHA-256 реестра / register: ${version.registerSha256}\n` +
      `  Страница / Page: ${page}${options.format === 'pdf' ? '&format=pdf' : ''}`,
  );
  for (const d of version.documents) console.log(`  ${d.name} ${d.lang}  sha256 ${d.sha256}`);
}

function registerShow(policy: Command): void {
  policy
    .command('show')
    .description(
      'Показать редакцию политики (действующую на дату, по метке или последнюю) или записать её документ. ' +
        'Show a policy version (in force on a date, by label, or the latest) or write its document',
    )
    .option('--at <date>', 'действовавшая на дату ГГГГ-ММ-ДД / the version in force on YYYY-MM-DD')
    .option('--version <label>', 'редакция по метке / the version by label')
    .addOption(new Option('--lang <lang>', 'язык / language').choices(['ru', 'kk', 'en']).default('ru'))
    .addOption(new Option('--format <format>', 'формат / format').choices(['html', 'pdf']).default('html'))
    .option('--out <file>', 'записать документ в файл / write the document to a file')
    .option('--json', 'вывести JSON / print JSON')
    .action(async (options: ShowOptions) => {
      try {
        if (options.at && tryParseIsoDate(options.at) === undefined) {
          throw new Error(
            `--at: ожидается дата ГГГГ-ММ-ДД / expected a date YYYY-MM-DD, got '${options.at}'`,
          );
        }
        const shown = await withAccess(
          (access) => showViaServer(access, options),
          (amanat) => showDirect(amanat, options),
        );
        if (options.out && shown.bytes) {
          writeFileSync(options.out, shown.bytes);
          console.log(
            `Записано / Written: ${options.out} (${shown.version.id}, ${options.lang}, ${options.format}, ${shown.bytes.length} bytes)`,
          );
          return;
        }
        if (options.json) console.log(JSON.stringify(shown.version, null, 2));
        else printSummary(shown.version, options, shown.base);
      } catch (error) {
        fail(error);
      }
    });
}

export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description('Опубликованные редакции политики / Published policy versions');
  // What changed between two versions, and the consents to renew after a widening change.
  registerPolicyDiffCommands(policy);

  policy
    .command('publish')
    .description(
      'Опубликовать загруженный реестр как редакцию политики (без изменений — ничего не делает). ' +
        'Publish the loaded register as a policy version (a no-op when unchanged)',
    )
    .option('--json', 'вывести JSON / print JSON')
    .action(async (options: { json?: boolean }) => {
      try {
        const result = await withAccess(
          (access) =>
            callServer<{ status: string; message: string; version: VersionShown }>(
              access,
              'POST',
              '/api/policy/publish',
            ),
          async (amanat) => {
            const r = await amanat.policies.publish(ACTOR, {
              register: amanat.rules.register,
              profile: amanat.rules.profile,
            });
            return { ...r, version: { ...r.version, publishedAt: iso(r.version) } };
          },
        );
        if (options.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(result.message);
          console.log(`  SHA-256 реестра / register: ${result.version.registerSha256}`);
        }
      } catch (error) {
        fail(error);
      }
    });

  policy
    .command('versions')
    .description('Опубликованные редакции, от первой к последней / Published versions, oldest first')
    .option('--json', 'вывести JSON / print JSON')
    .action(async (options: { json?: boolean }) => {
      try {
        const versions = await withAccess(
          async (access) =>
            (await callServer<{ versions: VersionSummary[] }>(access, 'GET', '/api/policy/versions'))
              .versions,
          async (amanat) => (await amanat.policies.list()).map((v) => ({ ...v, publishedAt: iso(v) })),
        );
        if (options.json) console.log(JSON.stringify(versions, null, 2));
        else if (versions.length === 0)
          console.log(
            'Политика ещё не опубликована (amanat policy publish). No policy version is published yet.',
          );
        else for (const v of versions) console.log(`${v.id}  ${v.publishedOn}  ${v.registerSha256}`);
      } catch (error) {
        fail(error);
      }
    });

  registerShow(policy);
}
