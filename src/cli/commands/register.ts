import { type Command, Option } from 'commander';
import { isDomainError } from '../../lib/errors.js';
import { formatRegister, summarizeRegister } from '../../modules/register/register.format.js';
import {
  formatRegisterIssues,
  type LoadedRegister,
  loadRegisterFile,
} from '../../modules/register/register.loader.js';
import type { Lang } from '../../modules/register/register.retention.js';
import { registerInitCommand } from './register-init.js';

// Exit codes: 0 valid, 1 the register has errors, 2 the file could not be read or the command was misused.
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

/** Loads the register, printing problems; returns null (with process.exitCode set) when it cannot. */
function loadOrReport(file: string): LoadedRegister | null {
  try {
    return loadRegisterFile(file);
  } catch (error) {
    if (isDomainError(error) && error.code === 'register_invalid') {
      console.error(formatRegisterIssues(error.issues));
      const warnings = error.details.warnings;
      if (Array.isArray(warnings) && warnings.length > 0)
        console.error(formatRegisterIssues(warnings, 'warning'));
      console.error(`Реестр содержит ошибки: ${error.issues.length}. Register is invalid.`);
      process.exitCode = EXIT_INVALID;
    } else {
      console.error(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT_USAGE;
    }
    return null;
  }
}

export function registerRegisterCommands(program: Command): void {
  const register = program
    .command('register')
    .description(
      'Реестр обработки ПД: создание, проверка и просмотр / Processing register: init, validate, show',
    )
    // Usage errors (missing file argument, unknown --lang) exit 2 here, apart from an invalid register (1).
    // Subcommands created below inherit this.
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : EXIT_USAGE);
    });

  register
    .command('validate')
    .description(
      'Проверить реестр: синтаксис YAML, схема, ссылки, требования закона юрисдикции. ' +
        'Validate a register: YAML, schema, references, the jurisdiction’s law',
    )
    .argument('<file>', 'файл реестра (YAML) / register file')
    .action((file: string) => {
      const loaded = loadOrReport(file);
      if (!loaded) return;
      console.log(summarizeRegister(loaded.register, loaded.warnings.length));
      if (loaded.warnings.length > 0) console.error(formatRegisterIssues(loaded.warnings, 'warning'));
    });

  registerInitCommand(register);

  register
    .command('show')
    .description('Показать реестр таблицей целей / Show the register as a table of purposes')
    .argument('<file>', 'файл реестра (YAML) / register file')
    .addOption(new Option('--lang <lang>', 'язык / language').choices(['ru', 'kk', 'en']).default('ru'))
    .action((file: string, options: { lang: Lang }) => {
      const loaded = loadOrReport(file);
      if (!loaded) return;
      const width = Math.max(80, Math.min(process.stdout.columns ?? 140, 200));
      process.stdout.write(formatRegister(loaded.register, options.lang, width));
      if (loaded.warnings.length > 0) console.error(formatRegisterIssues(loaded.warnings, 'warning'));
    });
}
