import type { Command } from 'commander';
import { isDomainError } from '../../lib/errors.js';
import { addDays, localDateOf } from '../../modules/calendar/dates.js';
import { renderTable } from '../../modules/register/register.format.js';
import { requestTypeTitles } from '../../modules/requests/request.service.js';
import type { RequestType } from '../../modules/requests/request.table.js';
import { callServer, withAccess } from '../local-access.js';

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
        console.error(
          `Ошибка: ${isDomainError(error) || error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = 2;
      }
    });
}
