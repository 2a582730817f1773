import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { PollResult } from '../../modules/mail/imap-poller.js';
import type { IngestResult } from '../../modules/mail/mail.intake.js';
import { MAIL_INTAKE_PATH } from '../../modules/mail/mail.routes.js';
import { callServer, errorText, serverError, withAccess } from '../local-access.js';

const classificationText: Record<IngestResult['classification'], string> = {
  consent_withdrawal: 'отзыв согласия',
  unclassified: 'обращение без типа (нужна классификация)',
  duplicate: 'повтор открытого обращения (связано с ним)',
  rejected: 'обращение не создано',
};

export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('Почта на адрес для обращений / Privacy mailbox');
  mail
    .command('ingest')
    .description('Принять письма (.eml): каждое сохраняется как доказательство и становится обращением')
    .argument('<files...>', 'файлы RFC 822 (.eml)')
    .action(async (files: string[]) => {
      try {
        const raws = files.map((file) => ({ file, raw: readFileSync(file) }));
        const results = await withAccess(
          async (access) => {
            const out: IngestResult[] = [];
            for (const { raw } of raws) {
              const response = await fetch(`${access.url}${MAIL_INTAKE_PATH}`, {
                method: 'POST',
                headers: { authorization: `Bearer ${access.token}`, 'content-type': 'message/rfc822' },
                body: new Uint8Array(raw),
              });
              if (!response.ok) throw await serverError(response);
              out.push((await response.json()) as IngestResult);
            }
            return out;
          },
          async (amanat) => {
            const out: IngestResult[] = [];
            for (const { raw } of raws) out.push(await amanat.mailIntake.ingest(raw, { kind: 'file' }));
            return JSON.parse(JSON.stringify(out)) as IngestResult[];
          },
        );
        results.forEach((result, i) => {
          const request = result.request
            ? ` → обращение № ${result.request.number}, срок ${result.request.dueDate}`
            : '';
          console.log(`${raws[i]!.file}: ${classificationText[result.classification]}${request}`);
          if (result.note) console.log(`  ${result.note}`);
          for (const d of result.droppedAttachments) {
            console.log(
              `  вложение «${d.filename ?? 'без имени'}» не сохранено: похоже на документ, удостоверяющий личность`,
            );
          }
        });
        if (results.some((r) => r.classification === 'rejected')) process.exitCode = 1;
      } catch (error) {
        console.error(`Ошибка: ${errorText(error)}`);
        process.exitCode = 2;
      }
    });

  mail
    .command('poll')
    .description('Прочитать новые письма ящика для обращений (IMAP_URL) сейчас, как это делает расписание')
    .action(async () => {
      try {
        const print = (result: IngestResult) => {
          const request = result.request
            ? ` → обращение № ${result.request.number}, срок ${result.request.dueDate}`
            : '';
          console.log(
            `  ${classificationText[result.classification]}${request}${result.note ? ` (${result.note})` : ''}`,
          );
        };
        const outcome = await withAccess(
          async (access) => {
            const body = await callServer<PollResult>(access, 'POST', '/api/mail/poll');
            body.results.forEach(print);
            return body;
          },
          async (amanat) => {
            if (!amanat.mailPoller) throw new Error('Ящик для обращений не настроен: задайте IMAP_URL.');
            return amanat.mailPoller.poll({ onMessage: print });
          },
        );
        console.log(
          `Ящик ${outcome.mailbox}: прочитано новых писем — ${outcome.fetched}` +
            (outcome.resumed ? `; доделано после сбоя — ${outcome.resumed}` : '') +
            '. Mailbox read.',
        );
      } catch (error) {
        console.error(`Ошибка: ${errorText(error)}`);
        process.exitCode = 2;
      }
    });
}
