import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { Amanat } from '../../app/amanat.js';
import { addDays, isIsoDate, localDateOf } from '../../modules/calendar/dates.js';
import { renderTable } from '../../modules/register/register.format.js';
import {
  manualVerificationMethods,
  requestNumberOf,
  requestTypeTitles,
} from '../../modules/requests/request.service.js';
import { answerChannels, type RequestType, requestTypes } from '../../modules/requests/request.table.js';
import { callServer, fail, fetchFromServer, withAccess } from '../local-access.js';
import { printRequest, type ShownRequest, statusWords, type TimelineEntry } from './request-show.js';

interface ListedRequest {
  number: number;
  type: RequestType;
  status: string;
  dueDate: string;
  daysLeft: number;
  overdue: boolean;
  assignee: string | null;
  channel: string;
}

export function registerRequestCommands(program: Command): void {
  const requests = program.command('requests').description('Обращения субъектов / Subject requests');
  requests
    .command('list')
    .description('Список обращений: срок, сколько рабочих дней осталось, просрочка')
    .option('--due', 'только открытые со сроком до завтра включительно и просроченные / due by tomorrow')
    .option('--overdue', 'только просроченные / overdue only')
    .option('--open', 'только открытые / open only')
    .option('--json', 'вывести JSON')
    .action(async (options: { due?: boolean; overdue?: boolean; open?: boolean; json?: boolean }) => {
      try {
        const rows = await withAccess(
          async (access) => {
            const query = new URLSearchParams();
            if (options.open) query.set('open', 'true');
            if (options.overdue) query.set('overdue', 'true');
            if (options.due) {
              const digest = await callServer<{ tomorrow: string }>(access, 'GET', '/api/requests/digest');
              query.set('due_by', digest.tomorrow);
            }
            const path = `/api/requests${query.size ? `?${query}` : ''}`;
            return (await callServer<{ requests: ListedRequest[] }>(access, 'GET', path)).requests;
          },
          async (amanat) => {
            const today = localDateOf(amanat.clock(), amanat.rules.register.operator.timezone);
            const listed = await amanat.requests.list({
              open: options.open,
              overdue: options.overdue,
              dueBy: options.due ? addDays(today, 1) : undefined,
            });
            return JSON.parse(JSON.stringify(listed)) as ListedRequest[];
          },
        );
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (rows.length === 0) {
          console.log('Обращений нет. No requests.');
          return;
        }
        console.log(
          renderTable(
            ['№', 'Тип', 'Статус', 'Срок', 'Осталось р. д.', 'Просрочено', 'Исполнитель'],
            rows.map((r) => [
              String(r.number),
              requestTypeTitles[r.type],
              r.status,
              r.dueDate,
              String(r.daysLeft),
              r.overdue ? 'ДА' : '',
              r.assignee ?? '',
            ]),
            [0, 3, 0, 0, 0, 0, 1],
            120,
          ),
        );
      } catch (error) {
        fail(error);
      }
    });

  registerWorkflowCommands(requests);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request is named by its number (`17`, `№17`) or its id; anything else is refused before the store opens. */
function refOf(text: string): string {
  const number = requestNumberOf(text);
  if (number !== null) return String(number);
  if (UUID.test(text.trim())) return text.trim().toLowerCase();
  throw new Error(`обращение: ожидается номер обращения (например 17) или его id, получено «${text}»`);
}

/** The same as the server answers: dates as ISO strings. */
const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * One step of the workflow on one request: through the running server (`POST /api/requests/{ref}/{path}`) or
 * on the store itself; `--json` prints the answer, else `say` tells what happened.
 */
async function step<T>(
  text: string,
  options: { json?: boolean },
  path: string,
  body: unknown,
  direct: (amanat: Amanat, id: string) => Promise<unknown>,
  say: (result: T) => string,
): Promise<void> {
  try {
    const ref = refOf(text);
    const result = await withAccess(
      (access) => callServer<T>(access, 'POST', `/api/requests/${ref}/${path}`, body),
      async (amanat) => plain<T>(await direct(amanat, await amanat.requests.resolveId(ref))),
    );
    console.log(options.json ? JSON.stringify(result, null, 2) : say(result));
  } catch (error) {
    fail(error);
  }
}

interface Summary {
  id: string;
  number: number;
  type: RequestType;
  status: string;
  dueDate: string;
  assignee: string | null;
}

const ACTOR = 'cli:local';
const classifiable = requestTypes.filter((t) => t !== 'unclassified');
const statusOf = (r: Summary) => statusWords[r.status] ?? r.status;
const csv = (text?: string) =>
  text
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The commands on one request, in the order `amanat requests --help` lists them. */
function registerWorkflowCommands(requests: Command): void {
  showCommand(requests);
  classifyCommand(requests);
  verifyCommand(requests);
  executeCommand(requests);
  extendCommand(requests);
  refuseCommand(requests);
  assignCommand(requests);
  letterCommand(requests);
  answeredCommand(requests);
}

/** `requests show`: the request, its requester and timeline (the read is audited). */
function showCommand(requests: Command): void {
  requests
    .command('show <request>')
    .description(
      'Обращение по номеру: заявитель, срок, итог и история (просмотр записывается в журнал аудита)',
    )
    .option('--json', 'вывести JSON')
    .action(async (text: string, options: { json?: boolean }) => {
      try {
        const ref = refOf(text);
        const shown = await withAccess(
          async (access) => ({
            request: await callServer<ShownRequest>(access, 'GET', `/api/requests/${ref}`),
            history: (
              await callServer<{ history: TimelineEntry[] }>(access, 'GET', `/api/requests/${ref}/history`)
            ).history,
          }),
          async (amanat) => {
            const id = await amanat.requests.resolveId(ref);
            const request = await amanat.requests.get(ACTOR, id);
            return plain<{ request: ShownRequest; history: TimelineEntry[] }>({
              request,
              history: await amanat.requests.history(id),
            });
          },
        );
        if (options.json) console.log(JSON.stringify(shown, null, 2));
        else printRequest(shown.request, shown.history);
      } catch (error) {
        fail(error);
      }
    });
}

/** `requests classify`: the type of an e-mailed request, and more requests from the same message. */
function classifyCommand(requests: Command): void {
  requests
    .command('classify <request> <type>')
    .description(
      `Определить тип обращения без типа (письма); --also — ещё обращения из того же письма. Типы: ${classifiable.join(', ')}`,
    )
    .option(
      '--also <types>',
      'ещё типы через запятую: каждый станет отдельным обращением, связанным с письмом',
    )
    .option('--purposes <ids>', 'цели реестра через запятую, о которых просит субъект')
    .option('--fields <ids>', 'поля реестра через запятую')
    .option('--json', 'вывести JSON')
    .action(
      async (
        text: string,
        type: string,
        options: { also?: string; purposes?: string; fields?: string; json?: boolean },
      ) => {
        const scope = {
          ...(options.purposes ? { purposes: csv(options.purposes) } : {}),
          ...(options.fields ? { fields: csv(options.fields) } : {}),
        };
        const input = {
          type: type as (typeof classifiable)[number],
          ...(Object.keys(scope).length ? { scope } : {}),
          ...(options.also
            ? { also: csv(options.also)!.map((t) => ({ type: t as (typeof classifiable)[number] })) }
            : {}),
        };
        for (const t of [input.type, ...(input.also ?? []).map((a) => a.type)]) {
          if (!classifiable.includes(t)) {
            fail(new Error(`тип «${t}» неизвестен; ожидается один из: ${classifiable.join(', ')}`));
            return;
          }
        }
        type Classified = Summary & { split: (Summary & { duplicate: boolean })[] };
        await step<Classified>(
          text,
          options,
          'classify',
          input,
          (amanat, id) => amanat.requestClassification.classify(ACTOR, id, input),
          (r) =>
            [
              `Обращение № ${r.number}: ${requestTypeTitles[r.type]}; срок ${r.dueDate}. Classified.`,
              ...r.split.map((s) =>
                s.duplicate
                  ? `  ${s.type}: уже есть открытое обращение № ${s.number} (срок ${s.dueDate}) — письмо присоединено к нему`
                  : `  + обращение № ${s.number}: ${requestTypeTitles[s.type]}; срок ${s.dueDate}`,
              ),
            ].join('\n'),
        );
      },
    );
}

/** `requests verify`: the requester's identity, by an e-mailed code or a staff member's check. */
function verifyCommand(requests: Command): void {
  requests
    .command('verify <request>')
    .description('Подтвердить личность заявителя: кодом из письма, или проверкой сотрудника (--method)')
    .option('--send-code', 'отправить заявителю код по e-mail (нужен SMTP_URL)')
    .option('--code <code>', 'код, который заявитель получил и сообщил')
    .addOption(
      new Option('--method <how>', 'как сотрудник установил личность').choices([
        ...manualVerificationMethods,
      ]),
    )
    .option('--note <text>', 'заметка о проверке (без номеров и копий документов)')
    .option('--json', 'вывести JSON')
    .action(
      async (
        text: string,
        options: { sendCode?: boolean; code?: string; method?: string; note?: string; json?: boolean },
      ) => {
        const chosen = [options.sendCode, options.code !== undefined, options.method !== undefined].filter(
          Boolean,
        );
        if (chosen.length !== 1) {
          fail(new Error('укажите ровно одно: --send-code, --code <код> или --method <способ>'));
          return;
        }
        if (options.sendCode) {
          await step<{ request: Summary; expiresAt: string }>(
            text,
            options,
            'verification/email',
            {},
            (amanat, id) => amanat.requests.startEmailVerification(ACTOR, id),
            (r) => `Обращение № ${r.request.number}: код отправлен, действует до ${r.expiresAt}. Code sent.`,
          );
          return;
        }
        const said = (r: Summary) =>
          `Обращение № ${r.number}: личность подтверждена; статус — ${statusOf(r)}. Identity verified.`;
        if (options.code !== undefined) {
          const code = options.code;
          await step<Summary>(
            text,
            options,
            'verification/code',
            { code },
            (amanat, id) => amanat.requests.verifyCode(ACTOR, id, code),
            said,
          );
          return;
        }
        const how = options.method as (typeof manualVerificationMethods)[number];
        await step<Summary>(
          text,
          options,
          'verification/manual',
          { how, ...(options.note ? { note: options.note } : {}) },
          (amanat, id) => amanat.requests.verifyManually(ACTOR, id, how, options.note),
          said,
        );
      },
    );
}

/** `requests execute`: carry the verified request out. */
function executeCommand(requests: Command): void {
  requests
    .command('execute <request>')
    .description(
      'Исполнить проверенное обращение (отчёт, уточнение, блокирование, уничтожение, отзыв согласия)',
    )
    .option(
      '--answer <text>',
      'возражение против автоматизированного решения: решение, которое прочтёт субъект',
    )
    .option('--json', 'вывести JSON')
    .action(async (text: string, options: { answer?: string; json?: boolean }) => {
      const body = options.answer ? { answer: options.answer } : {};
      await step<{ request: Summary & { outcome: { summary: string } | null }; report?: unknown }>(
        text,
        options,
        'execute',
        body,
        (amanat, id) => amanat.requestExecution.execute(ACTOR, id, body),
        (r) =>
          `Обращение № ${r.request.number}: исполнено (${r.request.outcome?.summary ?? '—'}); статус — ` +
          `${statusOf(r.request)}. Письмо: amanat requests letter ${r.request.number} --out otvet.pdf`,
      );
    });
}

/** `requests extend`: the one extension of the deadline the law allows. */
function extendCommand(requests: Command): void {
  requests
    .command('extend <request>')
    .description(
      'Продлить срок, где закон это допускает (152-ФЗ ст. 20: +5 рабочих дней с мотивированным уведомлением)',
    )
    .requiredOption('--reason <text>', 'причина продления, которую узнает субъект')
    .option('--json', 'вывести JSON')
    .action(async (text: string, options: { reason: string; json?: boolean }) => {
      await step<Summary>(
        text,
        options,
        'extend',
        { reason: options.reason },
        (amanat, id) => amanat.requests.extend(ACTOR, id, options.reason),
        (r) => `Обращение № ${r.number}: срок продлён до ${r.dueDate}. Deadline extended.`,
      );
    });
}

/** `requests refuse`: a refusal with its reason and rule. */
function refuseCommand(requests: Command): void {
  requests
    .command('refuse <request>')
    .description('Отказать по основанию, которое допускает закон; письмо приводит причину и норму')
    .requiredOption('--reason <text>', 'мотивированная причина отказа, которую прочтёт субъект')
    .option('--rule <rule>', 'норма закона или пункт политики (например «Закон РК № 94-V, ст. 8 п. 2»)')
    .option('--json', 'вывести JSON')
    .action(async (text: string, options: { reason: string; rule?: string; json?: boolean }) => {
      const body = { reason: options.reason, ...(options.rule ? { rule: options.rule } : {}) };
      await step<Summary>(
        text,
        options,
        'refuse',
        body,
        (amanat, id) => amanat.requestExecution.refuse(ACTOR, id, body),
        (r) =>
          `Обращение № ${r.number}: отказано. Refused. Письмо: amanat requests letter ${r.number} --out otvet.pdf`,
      );
    });
}

/** `requests assign`: give the request to a staff member. */
function assignCommand(requests: Command): void {
  requests
    .command('assign <request> <email>')
    .description('Назначить исполнителя: сотрудника по e-mail его учётной записи')
    .option('--json', 'вывести JSON')
    .action(async (text: string, email: string, options: { json?: boolean }) => {
      await step<Summary>(
        text,
        options,
        'assign',
        { assignee: email },
        (amanat, id) => amanat.requests.assign(ACTOR, id, email),
        (r) => `Обращение № ${r.number}: исполнитель — ${r.assignee}. Assigned.`,
      );
    });
}

/** `requests letter`: the answer letter (PDF) to a file. */
function letterCommand(requests: Command): void {
  requests
    .command('letter <request>')
    .description('Письмо-ответ (PDF) в файл: на языке обращения, с реквизитами оператора')
    .requiredOption('--out <file>', 'куда сохранить PDF')
    .action(async (text: string, options: { out: string }) => {
      try {
        const ref = refOf(text);
        const pdf = await withAccess(
          (access) => fetchFromServer(access, `/api/requests/${ref}/letter`),
          async (amanat) =>
            (await amanat.requestExecution.letter(ACTOR, await amanat.requests.resolveId(ref))).pdf,
        );
        writeFileSync(options.out, pdf);
        console.log(`Письмо сохранено / Letter saved: ${options.out} (${pdf.length} байт)`);
      } catch (error) {
        fail(error);
      }
    });
}

/** `requests answered`: record an answer sent outside Amanat. */
function answeredCommand(requests: Command): void {
  requests
    .command('answered <request>')
    .description(
      'Отметить, что ответ отправлен не через Amanat (почтой, лично…): дата и способ — в журнал аудита',
    )
    .addOption(
      new Option('--channel <channel>', 'как отправлен ответ')
        .choices([...answerChannels])
        .makeOptionMandatory(),
    )
    .option('--date <date>', 'дата отправки YYYY-MM-DD (по умолчанию сегодня)')
    .option('--note <text>', 'например трек-номер почтового отправления (не адрес)')
    .option('--json', 'вывести JSON')
    .action(
      async (
        text: string,
        options: { channel: (typeof answerChannels)[number]; date?: string; note?: string; json?: boolean },
      ) => {
        if (options.date !== undefined && !isIsoDate(options.date)) {
          fail(new Error(`--date: ожидается дата YYYY-MM-DD, получено «${options.date}»`));
          return;
        }
        const body = {
          channel: options.channel,
          ...(options.date ? { date: options.date } : {}),
          ...(options.note ? { note: options.note } : {}),
        };
        await step<Summary>(
          text,
          options,
          'delivery',
          body,
          (amanat, id) => amanat.requestExecution.recordDelivery(ACTOR, id, body),
          (r) =>
            `Обращение № ${r.number}: отправка ответа записана (${options.channel}). Answer delivery recorded.`,
        );
      },
    );
}
