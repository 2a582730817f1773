// Staff accounts and the approved access list from the server's command line: the first administrator and
// the head are created here (the API never designates a head).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AccessListDocument } from '../../modules/access/access-list.types.js';
import { isAccessListLang } from '../../modules/access/access-list.words.js';
import { callServer, fail, withAccess } from '../local-access.js';

async function getBytes(access: { url: string; token: string }, path: string): Promise<Buffer> {
  const response = await fetch(`${access.url}${path}`, {
    headers: { authorization: `Bearer ${access.token}` },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

const formatDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '—');

export function printAccessList(doc: AccessListDocument): void {
  console.log(
    `Перечень лиц с доступом к персональным данным, версия ${doc.version} (${doc.status === 'approved' ? 'утверждён' : doc.status})`,
  );
  console.log(
    doc.approvedBy
      ? `Утвердил: ${doc.approvedBy.name}${doc.approvedBy.position ? `, ${doc.approvedBy.position}` : ''}, ${formatDate(doc.approvedAt)}`
      : 'ПРОЕКТ — не утверждён',
  );
  for (const [i, e] of doc.entries.entries()) {
    console.log(
      `${String(i + 1).padStart(3)}. ${e.fullName.padEnd(32)} ${e.role.name.padEnd(24)} с ${formatDate(e.grantedFrom)}  ` +
        `цели: ${e.purposes.map((p) => p.number ?? p.id).join(', ') || '—'}`,
    );
  }
  if (doc.entries.length === 0) console.log('  (никого)');
}

export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description('Сотрудники / staff accounts');
  staff
    .command('add')
    .description('Создать учётную запись сотрудника (первого администратора, руководителя)')
    .requiredOption('--email <email>', 'e-mail для входа')
    .requiredOption('--name <fullName>', 'ФИО')
    .option('--position <position>', 'должность')
    .option('--admin', 'администратор: управляет сотрудниками и предлагает перечень лиц с доступом')
    .option('--head', 'руководитель: утверждает перечень лиц с доступом')
    .option(
      '--password-stdin',
      'прочитать пароль из стандартного ввода (иначе — ссылка для установки пароля по e-mail)',
    )
    .action(
      async (options: {
        email: string;
        name: string;
        position?: string;
        admin?: boolean;
        head?: boolean;
        passwordStdin?: boolean;
      }) => {
        try {
          const password = options.passwordStdin ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : undefined;
          const input = {
            email: options.email,
            fullName: options.name,
            position: options.position,
            isAdmin: options.admin ?? false,
            isHead: options.head ?? false,
            ...(password !== undefined ? { password } : {}),
          };
          const account = await withAccess(
            (access) => callServer<{ id: string; email: string }>(access, 'POST', '/api/staff', input),
            (amanat) => amanat.staff.add('cli:local', input),
          );
          console.log(
            `Сотрудник ${account.email} создан (id ${account.id})` +
              `${options.admin ? ', администратор' : ''}${options.head ? ', руководитель' : ''}.` +
              (password === undefined
                ? ' Пароль сотрудник задаёт по ссылке из письма (POST /api/auth/password-reset).'
                : ''),
          );
        } catch (error) {
          fail(error);
        }
      },
    );
  staff
    .command('list')
    .description('Список сотрудников')
    .action(async () => {
      try {
        const rows = await withAccess(
          async (access) =>
            (await callServer<{ staff: Record<string, unknown>[] }>(access, 'GET', '/api/staff')).staff,
          async (amanat) => (await amanat.staff.list()) as unknown as Record<string, unknown>[],
        );
        for (const s of rows) {
          const flags = [
            s.isAdmin ? 'администратор' : '',
            s.isHead ? 'руководитель' : '',
            s.totpEnabled ? 'TOTP' : '',
          ]
            .filter(Boolean)
            .join(', ');
          console.log(`${s.id}  ${String(s.email).padEnd(32)} ${String(s.fullName).padEnd(32)} ${flags}`);
        }
      } catch (error) {
        fail(error);
      }
    });

  const access = program
    .command('access')
    .description('Перечень лиц с доступом к ПД / the approved access list');
  access
    .command('list')
    .description('Утверждённый перечень (или указанная версия): таблица, --json или --pdf FILE')
    .option('--version-id <id>', 'версия (по умолчанию — действующая)')
    .option('--json', 'вывести JSON')
    .option('--pdf <file>', 'сохранить PDF')
    .option('--lang <lang>', "язык PDF: ru (по умолчанию) или kk / the PDF's language", 'ru')
    .action(async (options: { versionId?: string; json?: boolean; pdf?: string; lang: string }) => {
      try {
        const lang = options.lang;
        if (!isAccessListLang(lang)) {
          throw new DomainError(
            ErrorCodes.VALIDATION_FAILED,
            `--lang «${lang}»: ожидается ru или kk / expected ru or kk`,
          );
        }
        const result = await withAccess(
          async (server) => {
            const id =
              options.versionId ??
              (await callServer<{ current: string | null }>(server, 'GET', '/api/access-list')).current;
            if (!id) return null;
            const doc = await callServer<AccessListDocument>(server, 'GET', `/api/access-list/${id}`);
            const pdf = options.pdf
              ? await getBytes(server, `/api/access-list/${id}/pdf?lang=${lang}`)
              : null;
            return { doc, pdf };
          },
          async (amanat) => {
            const id = options.versionId ?? (await amanat.access.currentVersionId());
            if (!id) return null;
            return {
              doc: await amanat.access.document(id),
              pdf: options.pdf ? (await amanat.access.pdf(id, lang)).pdf : null,
            };
          },
        );
        if (!result) {
          console.log(
            'Утверждённого перечня ещё нет: администратор предлагает его, руководитель утверждает.',
          );
          return;
        }
        if (result.pdf && options.pdf) {
          writeFileSync(options.pdf, result.pdf);
          console.error(`PDF сохранён: ${options.pdf}`);
        }
        if (options.json) console.log(JSON.stringify(result.doc, null, 2));
        else printAccessList(result.doc);
      } catch (error) {
        fail(error);
      }
    });
}
