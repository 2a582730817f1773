import type { Command } from 'commander';
import { isDomainError } from '../../lib/errors.js';
import type { AuditVerification } from '../../modules/audit/audit.service.js';
import { callServer, withAccess } from '../local-access.js';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Журнал аудита / Audit log');
  audit
    .command('verify')
    .description('Проверить цепочку журнала: назвать первую изменённую, удалённую или переставленную запись')
    .action(async () => {
      try {
        const result = await withAccess(
          (access) => callServer<AuditVerification>(access, 'POST', '/api/audit/verify'),
          (amanat) => amanat.verifyAudit(),
        );
        if (result.ok) {
          console.log(
            `Цепочка аудита цела: ${result.entries} записей. Audit chain intact: ${result.entries} entries.`,
          );
          return;
        }
        console.error(
          `Цепочка аудита нарушена в записи ${result.seq} (${result.problem}): ${result.message}`,
        );
        process.exitCode = 1;
      } catch (error) {
        console.error(
          `Ошибка: ${isDomainError(error) || error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = 2;
      }
    });
}
