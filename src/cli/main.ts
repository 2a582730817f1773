import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { createOwnerOnlyFiles } from '../lib/owner-only.js';
import { fromPackageRoot } from '../lib/paths.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerCalendarCommands } from './commands/calendar.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerMailCommands } from './commands/mail.js';
import { registerObligationCommands } from './commands/obligations.js';
import { registerPaperCommands } from './commands/papers.js';
import { registerPolicyCommands } from './commands/policy.js';
import { registerRegisterCommands } from './commands/register.js';
import { registerRequestCommands } from './commands/requests.js';
import { registerRetentionCommands } from './commands/retention.js';
import { registerRoleCommands } from './commands/roles.js';
import { registerStaffCommands } from './commands/staff.js';

// A CLI that opens the embedded store itself writes its files too; letters and acts it saves hold personal data.
createOwnerOnlyFiles();

const program = new Command()
  .name('amanat')
  .description('Amanat — оператор персональных данных: реестр, хранилище, согласия, аудит')
  .version(
    (JSON.parse(readFileSync(fromPackageRoot('package.json'), 'utf8')) as { version: string }).version,
    '-V, --version',
    'версия Amanat / print the version',
  )
  .showHelpAfterError()
  // The program's own options (--version) only before a command, so a command may take its own --version
  // (`amanat policy show --version 2025-01`).
  .enablePositionalOptions();

registerRegisterCommands(program);
registerCalendarCommands(program);
registerAuditCommands(program);
registerKeyCommands(program);
registerRequestCommands(program);
registerRetentionCommands(program);
registerMailCommands(program);
registerStaffCommands(program);
registerRoleCommands(program);
registerObligationCommands(program);
registerPaperCommands(program);
registerPolicyCommands(program);

await program.parseAsync(process.argv);
