import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Listr } from 'listr2';
import { isIsoDate } from '../../modules/calendar/dates.js';
import { renderTable } from '../../modules/register/register.format.js';
import type { RetentionPlan } from '../../modules/retention/retention.plan.js';
import type { SweepResult } from '../../modules/retention/retention.sweep.js';
import { callServer, fail, fetchFromServer, withAccess } from '../local-access.js';

const outcomeWords = { destroy: 'уничтожить', anonymise: 'обезличить', release: 'прекратить цель' } as const;

/** An act is named by its number (as quoted on it) or its id; anything else is refused before the store opens. */
function checkActRef(ref: string): void {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (/^[1-9][0-9]{0,14}$/.test(ref) || uuid.test(ref)) return;
  throw new Error(`акт: ожидается номер акта или его id (UUID), получено «${ref}»`);
}

/** The act's language, checked before anything is opened (a usage error like a bad act reference). */
function actLang(lang: string): 'ru' | 'kk' {
  if (lang === 'ru' || lang === 'kk') return lang;
  throw new Error(`--lang: ожидается ru, kk; получено «${lang}» / expected ru, kk`);
}

/** `--at` is checked before anything is opened; the server (or the store) reads it in the operator's zone. */
function checkAt(text: string | undefined): void {
  // Only ISO forms: `new Date('11.03.2026')` would silently read 3 November.
  if (text === undefined || isIsoDate(text) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return;
  throw new Error(`--at: ожидается дата YYYY-MM-DD или момент ISO 8601, получено «${text}»`);
}

function printPlan(plan: RetentionPlan): void {
  console.log(`План уничтожения на ${plan.at} (ничего не изменено):`);
  if (plan.items.length === 0) console.log('  Ничего не подлежит уничтожению. Nothing is due.');
  else {
    console.log(
      renderTable(
        ['Цель', 'Поле', 'Действие', 'Причина', 'Значений'],
        plan.items.map((i) => [i.purpose, i.field, outcomeWords[i.outcome], i.reason, String(i.values)]),
        [1, 1, 0, 1, 0],
        120,
      ),
    );
  }
  console.log(
    `Значений: ${plan.values}; субъектов: ${plan.subjects}, из них исчезнут полностью (ключ уничтожается): ` +
      `${plan.subjectsEmptied}.`,
  );
  if (plan.held.values > 0)
    console.log(`Удержано (legal hold): ${plan.held.values} значений у ${plan.held.subjects} субъектов.`);
  if (plan.requests > 0) console.log(`Обращений, ждущих уничтожения: ${plan.requests}.`);
  if (plan.undetermined.values > 0) {
    console.log(
      `Без известного срока окончания: ${plan.undetermined.values} значений (договор не закончен, согласие действует ` +
        `или не выбран вариант срока для целей ${plan.undetermined.purposes.join(', ') || '—'}).`,
    );
  }
}

function printResult(result: SweepResult): void {
  console.log(
    `Уничтожено значений: ${result.valuesDestroyed}, обезличено: ${result.valuesAnonymised}, ` +
      `цели прекращены: ${result.valuesReleased}; субъектов удалено полностью: ${result.subjectsDestroyed}.`,
  );
  for (const act of result.acts) console.log(`Акт № ${act.number} (${act.kind}): ${act.id}`);
  if (result.requestsAnswered.length) console.log(`Обращений исполнено: ${result.requestsAnswered.length}`);
  if (result.requestsHeld.length) console.log(`Обращений под удержанием: ${result.requestsHeld.length}`);
}

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description('Сроки хранения и уничтожение / Retention and destruction');

  retention
    .command('plan')
    .description('Что будет уничтожено к дате, без уничтожения / What a sweep would destroy by a date')
    .option('--at <date>', 'дата YYYY-MM-DD (конец дня) или момент ISO 8601; по умолчанию сейчас')
    .option('--json', 'вывести JSON')
    .action(async (options: { at?: string; json?: boolean }) => {
      try {
        checkAt(options.at);
        const plan = await withAccess(
          (access) =>
            callServer<RetentionPlan>(
              access,
              'GET',
              `/api/retention/plan${options.at ? `?at=${encodeURIComponent(options.at)}` : ''}`,
            ),
          (amanat) =>
            amanat.retention.plan(options.at ? amanat.retention.planInstant(options.at) : amanat.clock()),
        );
        if (options.json) console.log(JSON.stringify(plan, null, 2));
        else printPlan(plan);
      } catch (error) {
        fail(error);
      }
    });

  retention
    .command('run')
    .description('Уничтожить то, что подлежит уничтожению, сейчас / Run a sweep now')
    .option('--json', 'вывести JSON')
    .action(async (options: { json?: boolean }) => {
      try {
        const result = await withAccess(
          // The server runs it (it holds the PGlite folder); progress is its log.
          (access) => callServer<SweepResult>(access, 'POST', '/api/retention/run'),
          async (amanat) => {
            let result: SweepResult | undefined;
            const interactive = Boolean(process.stderr.isTTY);
            const counts = { subjects: 0, values: 0 };
            await new Listr(
              [
                {
                  title: 'Уничтожение по сроках хранения и обращениям',
                  task: async (_ctx, task) => {
                    result = await amanat.retentionSweeper.run({
                      trigger: 'cli',
                      onProgress: (p) => {
                        counts.subjects += p.phase === 'due' || p.phase === 'requests' ? p.subjects : 0;
                        counts.values += p.phase === 'due' || p.phase === 'requests' ? p.values : 0;
                        const line = `${p.phase}: субъектов ${counts.subjects}, значений ${counts.values}`;
                        task.output = line;
                        // Without a terminal (a log, a pipe) each committed batch is a line of its own.
                        if (!interactive && !options.json) console.log(`прогресс — ${line}`);
                      },
                    });
                  },
                  rendererOptions: { outputBar: 1 },
                },
              ],
              { renderer: interactive && !options.json ? 'default' : 'silent' },
            ).run();
            return result!;
          },
        );
        if (options.json) console.log(JSON.stringify(result, null, 2));
        else printResult(result);
      } catch (error) {
        fail(error);
      }
    });

  retention
    .command('acts')
    .description('Акты об уничтожении / Acts of destruction')
    .option('--kind <kind>', 'sweep | request | paper')
    .option('--json', 'вывести JSON')
    .action(async (options: { kind?: 'sweep' | 'request' | 'paper'; json?: boolean }) => {
      try {
        type Listed = {
          id: string;
          number: number;
          kind: string;
          status: string;
          completedAt: string | null;
        };
        const acts = await withAccess(
          async (access) =>
            (
              await callServer<{ acts: Listed[] }>(
                access,
                'GET',
                `/api/retention/acts${options.kind ? `?kind=${options.kind}` : ''}`,
              )
            ).acts,
          async (amanat) =>
            JSON.parse(JSON.stringify(await amanat.destructionActs.list({ kind: options.kind }))) as Listed[],
        );
        if (options.json) {
          console.log(JSON.stringify(acts, null, 2));
          return;
        }
        if (acts.length === 0) {
          console.log('Актов нет. No acts.');
          return;
        }
        console.log(
          renderTable(
            ['№', 'Вид', 'Статус', 'Завершён', 'Id'],
            acts.map((a) => [String(a.number), a.kind, a.status, a.completedAt ?? '', a.id]),
            [0, 0, 0, 0, 0],
            140,
          ),
        );
      } catch (error) {
        fail(error);
      }
    });

  retention
    .command('act <id>')
    .description('Один акт (по номеру или id): JSON, или PDF в файл / One act, by number or id: JSON or PDF')
    .option('--pdf <file>', 'сохранить PDF в файл')
    .option('--lang <lang>', 'язык PDF / language of the PDF: ru | kk', 'ru')
    .action(async (id: string, options: { pdf?: string; lang: string }) => {
      try {
        checkActRef(id);
        const lang = actLang(options.lang);
        if (options.pdf) {
          const pdf = await withAccess(
            (access) =>
              fetchFromServer(access, `/api/retention/acts/${encodeURIComponent(id)}/pdf?lang=${lang}`),
            async (amanat) => (await amanat.destructionActs.pdf(id, lang)).pdf,
          );
          writeFileSync(options.pdf, pdf);
          console.log(`PDF сохранён: ${options.pdf} (${pdf.length} байт)`);
          return;
        }
        const act = await withAccess(
          (access) => callServer<unknown>(access, 'GET', `/api/retention/acts/${encodeURIComponent(id)}`),
          (amanat) => amanat.destructionActs.get(id),
        );
        console.log(JSON.stringify(act, null, 2));
      } catch (error) {
        fail(error);
      }
    });
}
