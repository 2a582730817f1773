// `amanat register init`: a starting register from a few answers that passes `register validate`, for KZ and RU
// and every purpose of the catalogue; bad answers and an existing file are refused and nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildRegisterYaml,
  CATALOGUE_IDS,
  type InitAnswers,
  initAnswerIssues,
} from '../src/modules/register/register.init.js';
import { parseRegister } from '../src/modules/register/register.loader.js';
import { runCli } from './support/processes.js';

const answers = (over: Partial<InitAnswers> = {}): InitAnswers => ({
  operatorName: 'ИП Пример',
  binIin: '941203351343',
  jurisdiction: 'KZ',
  address: 'г. Алматы',
  email: 'dpo@example.kz',
  purposes: ['accounts'],
  ...over,
});

describe('register init: the built register', () => {
  for (const jurisdiction of ['KZ', 'RU'] as const) {
    it(`validates without warnings for ${jurisdiction}, each catalogue purpose alone and all together`, () => {
      for (const purposes of [...CATALOGUE_IDS.map((id) => [id]), CATALOGUE_IDS]) {
        const a = answers({ jurisdiction, purposes, website: 'https://example.kz' });
        expect(initAnswerIssues(a)).toEqual([]);
        const loaded = parseRegister(
          buildRegisterYaml(a, '2026-12-04'),
          `${jurisdiction}-${purposes.join('+')}`,
        );
        expect(loaded.warnings).toEqual([]);
        expect(loaded.register.operator.jurisdiction).toBe(jurisdiction);
        expect(loaded.register.purposes).toHaveLength(purposes.length);
      }
    });
  }

  it('cites the jurisdiction’s law in the legal bases', () => {
    const kz = parseRegister(buildRegisterYaml(answers({ purposes: ['newsletter'] }), '2026-12-04'), 'kz');
    expect(kz.register.purposes[0]!.legal_bases[0]!.reference).toContain('ст. 7, 8 Закона РК');
    const ru = parseRegister(
      buildRegisterYaml(answers({ jurisdiction: 'RU', purposes: ['newsletter'] }), '2026-12-04'),
      'ru',
    );
    expect(ru.register.purposes[0]!.legal_bases[0]!.reference).toContain('152-ФЗ');
    expect(ru.register.operator.timezone).toBe('Europe/Moscow');
  });

  it('checks the answers: the IIN/BIN checksum, the legal form, the e-mail, the purposes', () => {
    expect(initAnswerIssues(answers({ binIin: '941203351344' })).map((i) => i.field)).toEqual(['bin-iin']);
    expect(initAnswerIssues(answers({ legalForm: 'legal_entity' }))[0]?.message).toContain('БИН');
    expect(
      initAnswerIssues(answers({ email: 'nobody', purposes: ['payroll' as never] })).map((i) => i.field),
    ).toEqual(['email', 'purposes']);
  });
});

describe('amanat register init (CLI)', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'amanat-register-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const flags = ['--yes', '--name', 'ТОО «Пример»', '--bin-iin', '941203351343', '--address', 'г. Алматы'];

  it('writes a register that `register validate` accepts; never over a file without --force', () => {
    const file = join(dir, 'register.yaml');
    const made = runCli([
      'register',
      'init',
      file,
      ...flags,
      '--email',
      'dpo@example.kz',
      '--purposes',
      'newsletter,hr',
    ]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Реестр корректен: 2 цели');
    const validated = runCli(['register', 'validate', file]);
    expect(validated.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Реестр обработки персональных данных: ТОО «Пример»/);

    writeFileSync(file, 'my own register\n');
    const again = runCli(['register', 'init', file, ...flags, '--email', 'dpo@example.kz']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('уже существует');
    expect(readFileSync(file, 'utf8')).toBe('my own register\n');
    const forced = runCli([
      'register',
      'init',
      file,
      ...flags,
      '--email',
      'dpo@example.kz',
      '--jurisdiction',
      'RU',
      '--force',
    ]);
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('jurisdiction: RU');
  });

  it('bad answers name the flag and write nothing', () => {
    const file = join(dir, 'bad.yaml');
    const bad = runCli([
      'register',
      'init',
      file,
      ...flags.slice(0, 3),
      '--bin-iin',
      '941203351344',
      '--email',
      'x',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--bin-iin');
    expect(bad.stderr).toContain('--email');
    expect(existsSync(file)).toBe(false);
  });
});
