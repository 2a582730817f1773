// `amanat policy diff V1 V2` and `amanat policy renewals`: what changed between two published versions of the
// policy, in words, and which consents need renewal because a change widened their purpose. Both read only;
// through the running server when there is one, else straight from the data folder.
import type { Command } from 'commander';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { PolicyDiff, Renewals } from '../../modules/policies/policy.changes.js';
import { type Lang, pluralRu } from '../../modules/register/register.retention.js';
import { callServer, fail, withAccess } from '../local-access.js';

const LANGS: readonly Lang[] = ['ru', 'kk', 'en'];

const words = {
  ru: {
    header: (from: string, to: string) => `Что изменилось в политике: ${from} → ${to}`,
    none: 'Изменений нет.',
    widens: 'расширяет согласие',
    renew: (ids: string) => `Согласия, данные по версии «до», нужно обновить для целей: ${ids}.`,
  },
  kk: {
    header: (from: string, to: string) => `Саясатта не өзгерді: ${from} → ${to}`,
    none: 'Өзгерістер жоқ.',
    widens: 'келісімді кеңейтеді',
    renew: (ids: string) => `Бұрынғы нұсқа бойынша берілген келісімдерді жаңарту қажет мақсаттар: ${ids}.`,
  },
  en: {
    header: (from: string, to: string) => `What changed in the policy: ${from} → ${to}`,
    none: 'No changes.',
    widens: 'widens consent',
    renew: (ids: string) => `Consents given under the older version need renewal for: ${ids}.`,
  },
} as const;

function parseLang(value: string): Lang {
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new DomainError(
    ErrorCodes.VALIDATION_FAILED,
    `Язык «${value}» не поддерживается / Unsupported language «${value}»`,
    { issues: [{ path: '--lang', message: 'expected ru, kk or en' }] },
  );
}

/** The diff as the terminal shows it: a header, one line per change («!» marks a widening), the purposes to renew. */
export function diffLines(diff: PolicyDiff, lang: Lang): string[] {
  const w = words[lang];
  const day = (v: { id: string; publishedOn: string }) => `${v.id} (${v.publishedOn})`;
  const lines = [w.header(day(diff.from), day(diff.to))];
  if (diff.changes.length === 0) return [...lines, w.none];
  for (const change of diff.changes) {
    lines.push(
      `  ${change.widens ? '!' : '-'} ${change.text[lang]}${change.widens ? `  [${w.widens}]` : ''}`,
    );
  }
  if (diff.widenedPurposes.length > 0) lines.push(w.renew(diff.widenedPurposes.join(', ')));
  return lines;
}

/** The renewals as the terminal shows them: per purpose the count, the versions and the widening lines. */
export function renewalLines(result: Renewals): string[] {
  const lines = [`Версия в силе / version in force: ${result.version.id} (${result.version.publishedOn})`];
  if (result.purposes.length === 0) {
    lines.push(
      'Обновлять согласия не нужно: ни одна цель на согласии не расширена. / No consent needs renewal.',
    );
    return lines;
  }
  for (const p of result.purposes) {
    const name = `${p.number !== null ? `Цель ${p.number}` : 'Цель'} «${p.title.ru}» (${p.purposeId})`;
    lines.push(
      `${name}: ${p.consents} ${pluralRu(p.consents, 'согласие', 'согласия', 'согласий')} к обновлению / consents to renew`,
    );
    for (const since of p.widenedSince) {
      lines.push(
        `  с версии ${since.version} (${since.publishedOn}), согласий: ${p.byVersion[since.version] ?? 0}`,
      );
      for (const text of since.changes) lines.push(`    ! ${text.ru}`);
    }
  }
  lines.push(`Всего / total: ${result.total}`);
  return lines;
}

/** Adds `diff` and `renewals` to the `policy` command group. */
export function registerPolicyDiffCommands(policy: Command): void {
  policy
    .command('diff <v1> <v2>')
    .description(
      'Что изменилось между двумя опубликованными версиями политики / what changed between versions',
    )
    .option('--lang <lang>', 'язык: ru, kk или en', 'ru')
    .option('--json', 'вывести JSON')
    .action(async (v1: string, v2: string, options: { lang: string; json?: boolean }) => {
      try {
        const lang = parseLang(options.lang);
        const query = new URLSearchParams({ from: v1, to: v2 });
        const diff = await withAccess<PolicyDiff>(
          (access) => callServer<PolicyDiff>(access, 'GET', `/api/policy/diff?${query}`),
          (amanat) => amanat.policyChanges.diff(v1, v2),
        );
        if (options.json) return console.log(JSON.stringify(diff, null, 2));
        console.log(diffLines(diff, lang).join('\n'));
      } catch (error) {
        fail(error);
      }
    });

  policy
    .command('renewals')
    .description('Согласия, которые нужно обновить после расширения цели / consents needing renewal')
    .option('--version <id>', 'версия в силе (по умолчанию последняя опубликованная)')
    .option('--json', 'вывести JSON')
    .action(async (options: { version?: string; json?: boolean }) => {
      try {
        const query = options.version ? `?${new URLSearchParams({ version: options.version })}` : '';
        const result = await withAccess<Renewals>(
          (access) => callServer<Renewals>(access, 'GET', `/api/policy/renewals${query}`),
          (amanat) => amanat.policyChanges.renewals(options.version),
        );
        if (options.json) return console.log(JSON.stringify(result, null, 2));
        console.log(renewalLines(result).join('\n'));
      } catch (error) {
        fail(error);
      }
    });
}
