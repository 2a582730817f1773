// `amanat register init`: a starting register from a few answers. Asks on a terminal (node:readline/promises);
// with --yes, or when the input is not a terminal, takes the flags and the defaults, so scripts and tests can
// drive it. Writes only a register that validates, and never over an existing file without --force.
import { existsSync, writeFileSync } from 'node:fs';
import { stderr, stdin } from 'node:process';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { isDomainError } from '../../lib/errors.js';
import { summarizeRegister } from '../../modules/register/register.format.js';
import {
  buildRegisterYaml,
  CATALOGUE,
  CATALOGUE_IDS,
  type CatalogueId,
  DEFAULT_PURPOSES,
  type InitAnswers,
  initAnswerIssues,
} from '../../modules/register/register.init.js';
import { formatRegisterIssues, parseRegister } from '../../modules/register/register.loader.js';

interface InitOptions {
  name?: string;
  binIin?: string;
  legalForm?: 'individual_entrepreneur' | 'legal_entity';
  jurisdiction?: string;
  address?: string;
  email?: string;
  website?: string;
  responsible?: string;
  purposes?: string;
  yes?: boolean;
  force?: boolean;
}

const parsePurposes = (value: string): CatalogueId[] => {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Numbers of the catalogue as printed, or its ids.
  return items.map((item) =>
    /^\d+$/.test(item) ? (CATALOGUE_IDS[Number(item) - 1] ?? item) : item,
  ) as CatalogueId[];
};

/** Asks each question not answered by a flag; re-asks until the answer passes its check. */
async function ask(options: InitOptions): Promise<InitAnswers> {
  const rl = createInterface({ input: stdin, output: stderr });
  try {
    const question = async (
      text: string,
      preset: string | undefined,
      fallback: string | undefined,
      check: (v: string) => string | null,
    ): Promise<string> => {
      if (preset !== undefined && check(preset) === null) return preset;
      for (;;) {
        const answer =
          (await rl.question(`${text}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback || '';
        const problem = check(answer);
        if (problem === null) return answer;
        stderr.write(`  ${problem}\n`);
      }
    };
    const issueOf = (field: string, partial: Partial<InitAnswers>) =>
      initAnswerIssues({ ...SAMPLE, ...partial }).find((i) => i.field === field)?.message ?? null;
    const jurisdiction = (
      await question('Юрисдикция / jurisdiction (KZ или RU)', options.jurisdiction, 'KZ', (v) =>
        ['KZ', 'RU'].includes(v.toUpperCase()) ? null : 'ожидается KZ или RU',
      )
    ).toUpperCase() as 'KZ' | 'RU';
    const operatorName = await question(
      'Наименование оператора (ИП Иванов И. И., ТОО «Пример»)',
      options.name,
      undefined,
      (v) => issueOf('name', { operatorName: v }),
    );
    const legalForm =
      (await question(
        'Форма: ip — индивидуальный предприниматель, le — юридическое лицо',
        options.legalForm === 'legal_entity' ? 'le' : options.legalForm ? 'ip' : undefined,
        'ip',
        (v) => (['ip', 'le'].includes(v) ? null : 'ожидается ip или le'),
      )) === 'le'
        ? 'legal_entity'
        : 'individual_entrepreneur';
    const binIin = await question(
      legalForm === 'legal_entity' ? 'БИН (12 цифр)' : 'ИИН (12 цифр)',
      options.binIin,
      undefined,
      (v) => issueOf('bin-iin', { binIin: v, legalForm }),
    );
    const address = await question('Адрес оператора', options.address, undefined, (v) =>
      issueOf('address', { address: v }),
    );
    const email = await question(
      'E-mail для обращений по персональным данным',
      options.email,
      undefined,
      (v) => issueOf('email', { email: v }),
    );
    const website = await question('Сайт (https://…, пусто — нет)', options.website, '', (v) =>
      v ? issueOf('website', { website: v }) : null,
    );
    const responsiblePerson = await question(
      'ФИО ответственного за организацию обработки ПД',
      options.responsible,
      operatorName,
      (v) => (v ? null : 'укажите ФИО'),
    );
    stderr.write('Цели обработки из каталога:\n');
    CATALOGUE_IDS.forEach((id, i) => {
      stderr.write(`  ${i + 1}. ${id.padEnd(11)} ${CATALOGUE[id].label}\n`);
    });
    const purposes = parsePurposes(
      await question('Номера или имена через запятую', options.purposes, DEFAULT_PURPOSES.join(','), (v) =>
        issueOf('purposes', { purposes: parsePurposes(v) }),
      ),
    );
    return {
      operatorName,
      legalForm,
      binIin,
      jurisdiction,
      address,
      email,
      website: website || undefined,
      responsiblePerson,
      purposes,
    };
  } finally {
    rl.close();
  }
}

/** Stands in for questions not yet asked, so one answer can be checked alone. */
const SAMPLE: InitAnswers = {
  operatorName: 'x',
  binIin: '941203351343',
  jurisdiction: 'KZ',
  address: 'x',
  email: 'a@b.kz',
  purposes: ['support'],
};

function fromFlags(options: InitOptions): InitAnswers {
  return {
    operatorName: options.name ?? '',
    legalForm: options.legalForm,
    binIin: options.binIin ?? '',
    jurisdiction: (options.jurisdiction ?? 'KZ').toUpperCase() as 'KZ' | 'RU',
    address: options.address ?? '',
    email: options.email ?? '',
    website: options.website,
    responsiblePerson: options.responsible,
    purposes: options.purposes ? parsePurposes(options.purposes) : DEFAULT_PURPOSES,
  };
}

export function registerInitCommand(register: Command): void {
  register
    .command('init')
    .description(
      'Создать стартовый реестр по нескольким вопросам (оператор, юрисдикция, цели из каталога). ' +
        'Create a starting register from a few answers',
    )
    .argument('[file]', 'куда записать / output file', 'register.yaml')
    .option('--name <name>', 'наименование оператора')
    .option('--bin-iin <digits>', 'БИН юридического лица или ИИН индивидуального предпринимателя')
    .option('--legal-form <form>', 'individual_entrepreneur или legal_entity (по умолчанию — по номеру)')
    .option('--jurisdiction <code>', 'KZ или RU (по умолчанию KZ)')
    .option('--address <address>', 'адрес оператора')
    .option('--email <email>', 'e-mail для обращений по персональным данным')
    .option('--website <url>', 'сайт оператора')
    .option('--responsible <name>', 'ФИО ответственного за организацию обработки ПД')
    .option(
      '--purposes <list>',
      `цели через запятую: ${CATALOGUE_IDS.join(', ')} (по умолчанию ${DEFAULT_PURPOSES.join(',')})`,
    )
    .option('-y, --yes', 'не задавать вопросов: флаги и значения по умолчанию')
    .option('--force', 'перезаписать существующий файл')
    .action(async (file: string, options: InitOptions) => {
      if (existsSync(file) && !options.force) {
        console.error(
          `Файл ${file} уже существует: укажите другой файл или --force, чтобы перезаписать. File exists.`,
        );
        process.exitCode = 2;
        return;
      }
      const interactive = !options.yes && stdin.isTTY === true;
      let answers: InitAnswers;
      try {
        answers = interactive ? await ask(options) : fromFlags(options);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ABORT_ERR') throw error;
        console.error('\nПрервано: реестр не записан. Aborted, nothing written.');
        process.exitCode = 130;
        return;
      }
      if (!['KZ', 'RU'].includes(answers.jurisdiction)) {
        console.error('Ошибка: --jurisdiction: ожидается KZ или RU.');
        process.exitCode = 2;
        return;
      }
      const issues = initAnswerIssues(answers);
      if (issues.length > 0) {
        for (const i of issues) console.error(`Ошибка: --${i.field}: ${i.message}`);
        process.exitCode = 2;
        return;
      }
      const text = buildRegisterYaml(answers, new Date().toISOString().slice(0, 10));
      let loaded: ReturnType<typeof parseRegister>;
      try {
        loaded = parseRegister(text, file);
      } catch (error) {
        // The catalogue is ours: a register it builds that does not validate is a defect, not the user's input.
        console.error(isDomainError(error) ? formatRegisterIssues(error.issues) : String(error));
        process.exitCode = 1;
        return;
      }
      writeFileSync(file, text, { mode: 0o644 });
      console.log(summarizeRegister(loaded.register, loaded.warnings.length));
      if (loaded.warnings.length > 0) console.error(formatRegisterIssues(loaded.warnings, 'warning'));
      console.log(
        `Реестр записан в ${file}. Сверьте цели, основания и сроки с политикой оператора; ` +
          `проверка: amanat register validate ${file}; запуск: REGISTER_FILE=${file} npm start.`,
      );
    });
}
