// Roles from the server's command line: list, show, create, edit, and load a roles file (the example register's
// defaults: examples/nextbot.kz/roles.yaml). The same checks as the API's role routes; every change audited.
// A role grants staff nothing until the head approves an access list naming them with it.
import type { Command } from 'commander';
import type { Role } from '../../modules/access/access.service.js';
import type { Principal } from '../../modules/access/principal.js';
import type { RoleInput } from '../../modules/access/role.validate.js';
import { readRolesFile } from '../../modules/access/roles.file.js';
import { Scopes } from '../../modules/api-keys/api-key.service.js';
import { callServer, fail, withAccess } from '../local-access.js';

/** The server's own command line acts as the local CLI principal (as with the local token over HTTP). */
const LOCAL: Principal = {
  kind: 'local',
  keyId: 'local',
  name: 'local-cli',
  actor: 'cli:local',
  scopes: new Set(Scopes),
  purposes: 'all',
  fields: {},
  roleId: null,
};

type RoleJson = Omit<Role, 'createdAt' | 'updatedAt'> & {
  createdAt: string | Date;
  updatedAt: string | Date;
};
type LoadResult = { created: string[]; updated: string[]; unchanged: string[] };

const listRoles = () =>
  withAccess<RoleJson[]>(
    async (access) => (await callServer<{ roles: RoleJson[] }>(access, 'GET', '/api/roles')).roles,
    (amanat) => amanat.access.listRoles(),
  );

const saveRoles = (roles: RoleInput[]) =>
  withAccess<LoadResult>(
    (access) => callServer<LoadResult>(access, 'POST', '/api/roles/load', { roles }),
    (amanat) => amanat.access.saveRoles(LOCAL, roles),
  );

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `--fields purpose=field1,field2` (repeatable) → { purpose: [field1, field2] }. */
function collectFields(value: string, previous: Record<string, string[]> = {}): Record<string, string[]> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`--fields ${value}: ожидается цель=поле1,поле2 (purpose=field1,field2)`);
  return { ...previous, [value.slice(0, eq).trim()]: list(value.slice(eq + 1)) };
}

function printRole(role: RoleJson): void {
  console.log(`${role.id} — ${role.name}`);
  if (role.description) console.log(`  ${role.description}`);
  console.log(`  цели / purposes: ${role.purposes.join(', ') || '—'}`);
  for (const [purpose, fields] of Object.entries(role.fields)) {
    console.log(`    ${purpose}: только поля ${fields.join(', ')}`);
  }
  console.log(`  действия / actions: ${role.actions.join(', ') || '—'}`);
}

const ROLE_NOTE =
  'Роль не даёт сотруднику доступа, пока руководитель не утвердит перечень лиц с доступом ' +
  '(amanat access list); API-ключ получает роль сразу: amanat keys create --name NAME --role ROLE.';

interface RoleOptions {
  name?: string;
  description?: string;
  purposes?: string;
  actions?: string;
  fields?: Record<string, string[]>;
}

export function registerRoleCommands(program: Command): void {
  const roles = program.command('roles').description('Роли: цели, поля и действия / roles');

  roles
    .command('list')
    .description('Список ролей')
    .option('--json', 'вывести JSON')
    .action(async (options: { json?: boolean }) => {
      try {
        const rows = await listRoles();
        if (options.json) return console.log(JSON.stringify(rows, null, 2));
        if (rows.length === 0) {
          console.log(
            'Ролей нет. Загрузите роли по умолчанию: amanat roles load examples/nextbot.kz/roles.yaml',
          );
        }
        for (const r of rows) {
          console.log(`${r.id.padEnd(20)} ${r.name.padEnd(44)} цели: ${r.purposes.join(', ') || '—'}`);
        }
      } catch (error) {
        fail(error);
      }
    });

  roles
    .command('show <id>')
    .description('Роль: цели, ограничения полей, действия')
    .option('--json', 'вывести JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      try {
        const role = (await listRoles()).find((r) => r.id === id);
        if (!role) throw new Error(`Роль ${id} не найдена (amanat roles list). Role not found.`);
        if (options.json) console.log(JSON.stringify(role, null, 2));
        else printRole(role);
      } catch (error) {
        fail(error);
      }
    });

  const withRoleOptions = (command: Command, required: boolean) =>
    command
      .option('--name <name>', `название${required ? ' (обязательно)' : ''}`)
      .option('--description <text>', 'описание')
      .option('--purposes <list>', 'цели реестра через запятую')
      .option('--actions <list>', `действия через запятую: ${Scopes.join(', ')}`)
      .option(
        '--fields <purpose=fields>',
        'только эти поля цели, например support=full_name,email (можно повторять)',
        collectFields,
      );

  withRoleOptions(roles.command('create <id>').description('Создать роль'), true).action(
    async (id: string, options: RoleOptions) => {
      try {
        if (!options.name || options.purposes === undefined) {
          throw new Error(
            'Укажите --name и --purposes (и обычно --actions). --name and --purposes are required.',
          );
        }
        if ((await listRoles()).some((r) => r.id === id)) {
          throw new Error(`Роль ${id} уже есть: измените её командой amanat roles edit ${id}.`);
        }
        await saveRoles([
          {
            id,
            name: options.name,
            description: options.description ?? null,
            purposes: list(options.purposes),
            fields: options.fields ?? {},
            actions: list(options.actions ?? ''),
          },
        ]);
        console.log(`Роль ${id} создана. ${ROLE_NOTE}`);
      } catch (error) {
        fail(error);
      }
    },
  );

  withRoleOptions(
    roles.command('edit <id>').description('Изменить роль (указанные параметры)'),
    false,
  ).action(async (id: string, options: RoleOptions) => {
    try {
      const role = (await listRoles()).find((r) => r.id === id);
      if (!role) throw new Error(`Роль ${id} не найдена (amanat roles list). Role not found.`);
      const purposes = options.purposes !== undefined ? list(options.purposes) : role.purposes;
      // Field limits of purposes the role no longer has go with them.
      const fields = Object.fromEntries(
        Object.entries(options.fields ?? role.fields).filter(([p]) => purposes.includes(p)),
      );
      const result = await saveRoles([
        {
          id,
          name: options.name ?? role.name,
          description: options.description ?? role.description,
          purposes,
          fields,
          actions: options.actions !== undefined ? list(options.actions) : role.actions,
        },
      ]);
      console.log(
        result.unchanged.length
          ? `Роль ${id} не изменилась.`
          : `Роль ${id} изменена. Сотрудникам изменение дойдёт со следующим утверждённым перечнем лиц с доступом.`,
      );
    } catch (error) {
      fail(error);
    }
  });

  roles
    .command('load <file>')
    .description(
      'Создать или обновить роли из файла YAML (все или ни одной), например examples/nextbot.kz/roles.yaml',
    )
    .action(async (file: string) => {
      try {
        const result = await saveRoles(readRolesFile(file));
        const part = (label: string, ids: string[]) =>
          `${label} ${ids.length}${ids.length ? ` (${ids.join(', ')})` : ''}`;
        console.log(
          `Роли загружены: ${part('создано', result.created)}, ${part('изменено', result.updated)}, ` +
            `${part('без изменений', result.unchanged)}.`,
        );
        console.log(ROLE_NOTE);
      } catch (error) {
        fail(error);
      }
    });
}
