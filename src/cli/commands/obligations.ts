// Obligations from the server's command line: what the operator owes by when, and closing one with evidence
// of what Amanat cannot see (the mailing service stopped sending). Closing is audited.
import type { Command } from 'commander';
import type { ObligationRow } from '../../modules/obligations/obligation.service.js';
import { callServer, fail, withAccess } from '../local-access.js';

type ObligationJson = Omit<ObligationRow, 'createdAt' | 'dueAt' | 'fulfilledAt'> & {
  createdAt: string | Date;
  dueAt: string | Date;
  fulfilledAt: string | Date | null;
};

const HOW: Record<string, string> = {
  purpose_released: 'цель снята со всех значений',
  data_destroyed: 'данные уничтожены',
  closed: 'закрыто с подтверждением',
};

const day = (at: string | Date | null) => (at ? new Date(at).toISOString().slice(0, 10) : '');

export function registerObligationCommands(program: Command): void {
  const obligations = program.command('obligations').description('Обязательства оператора / obligations');

  obligations
    .command('list')
    .description('Обязательства, ближайший срок первым')
    .option('--open', 'только открытые')
    .option('--subject <id>', 'одного субъекта')
    .option('--json', 'вывести JSON')
    .action(async (options: { open?: boolean; subject?: string; json?: boolean }) => {
      try {
        const query = new URLSearchParams();
        if (options.open) query.set('status', 'open');
        if (options.subject) query.set('subject_id', options.subject);
        const rows = await withAccess<ObligationJson[]>(
          async (access) =>
            (await callServer<{ obligations: ObligationJson[] }>(access, 'GET', `/api/obligations?${query}`))
              .obligations,
          (amanat) =>
            amanat.obligations.list({
              status: options.open ? 'open' : undefined,
              subjectId: options.subject,
            }),
        );
        if (options.json) return console.log(JSON.stringify(rows, null, 2));
        if (rows.length === 0) console.log(options.open ? 'Открытых обязательств нет.' : 'Обязательств нет.');
        for (const o of rows) {
          const state =
            o.status === 'open'
              ? 'открыто'
              : `исполнено ${day(o.fulfilledAt)}: ${HOW[o.fulfilment?.how ?? ''] ?? o.status}` +
                (o.destructionActId ? `, акт ${o.destructionActId}` : '') +
                (o.fulfilment?.evidence ? ` — «${o.fulfilment.evidence}»` : '');
          console.log(
            `${o.id}  срок ${o.dueDate}  ${o.kind}  цель ${o.purposeId}  субъект ${o.subjectId}  ${state}`,
          );
        }
      } catch (error) {
        fail(error);
      }
    });

  obligations
    .command('close <id>')
    .description('Закрыть открытое обязательство с подтверждением того, чего Amanat не видит')
    .requiredOption('--evidence <text>', 'чем подтверждено, например «адрес отписан в сервисе рассылок»')
    .action(async (id: string, options: { evidence: string }) => {
      try {
        const row = await withAccess<ObligationJson>(
          async (access) => {
            const response = await fetch(`${access.url}/api/obligations/${encodeURIComponent(id)}/close`, {
              method: 'POST',
              headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ evidence: options.evidence }),
            });
            const body = (await response.json()) as ObligationJson & { error?: { message: string } };
            if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
            return body;
          },
          (amanat) => amanat.obligations.close('cli:local', id, options.evidence),
        );
        console.log(`Обязательство ${row.id} закрыто ${day(row.fulfilledAt)} с подтверждением.`);
      } catch (error) {
        fail(error);
      }
    });
}
