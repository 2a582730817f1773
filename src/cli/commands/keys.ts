import type { Command } from 'commander';
import { type Scope, Scopes, UNLISTED_KEY_SCOPES } from '../../modules/api-keys/api-key.service.js';
import { callServer, fail, withAccess } from '../local-access.js';
import { registerRotateMasterCommand } from './rotate-master.js';

function parseScopes(list: string): Scope[] {
  const scopes = list.split(',').map((s) => s.trim());
  const unknown = scopes.filter((s) => !(Scopes as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(`Неизвестные права: ${unknown.join(', ')}. Допустимые: ${Scopes.join(', ')}`);
  }
  return scopes as Scope[];
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('API-ключи / API keys');
  keys
    .command('create')
    .description('Создать API-ключ (токен показывается один раз)')
    .requiredOption('--name <name>', 'имя системы, например website-backend')
    .option(
      '--scopes <list>',
      `права через запятую: ${UNLISTED_KEY_SCOPES.join(', ')} (остальные — только по перечню)`,
    )
    .option(
      '--role <roleId>',
      'роль: права и цели ключ получает, когда руководитель утвердит перечень с этим ключом',
    )
    .action(async (options: { name: string; scopes?: string; role?: string }) => {
      try {
        const scopes = options.scopes
          ? parseScopes(options.scopes)
          : options.role
            ? []
            : [...UNLISTED_KEY_SCOPES];
        const key = await withAccess(
          async (access) => {
            const response = await fetch(`${access.url}/api/keys`, {
              method: 'POST',
              headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                name: options.name,
                scopes,
                ...(options.role ? { role: options.role } : {}),
              }),
            });
            const body = (await response.json()) as { token?: string; error?: { message: string } };
            if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
            return body as { token: string };
          },
          (amanat) => amanat.apiKeys.create('cli:local', options.name, scopes, options.role ?? null),
        );
        console.log(
          `Ключ «${options.name}» (${options.role ? `роль ${options.role}` : scopes.join(', ')}), сохраните его — он показывается один раз:`,
        );
        console.log(key.token);
      } catch (error) {
        fail(error);
      }
    });
  keys
    .command('list')
    .description('Список API-ключей (без секретов)')
    .action(async () => {
      try {
        const rows = await withAccess(
          async (access) =>
            (await callServer<{ keys: Record<string, unknown>[] }>(access, 'GET', '/api/keys')).keys,
          async (amanat) => (await amanat.apiKeys.list()) as unknown as Record<string, unknown>[],
        );
        for (const k of rows) {
          console.log(
            `${k.id}  ${String(k.name).padEnd(24)} ${k.revokedAt ? 'отозван' : 'действует'}  ${(k.scopes as string[]).join(',')}`,
          );
        }
      } catch (error) {
        fail(error);
      }
    });
  registerRotateMasterCommand(keys);
  keys
    .command('revoke <id>')
    .description('Отозвать API-ключ')
    .action(async (id: string) => {
      try {
        await withAccess(
          (access) => callServer<void>(access, 'DELETE', `/api/keys/${id}`),
          (amanat) => amanat.apiKeys.revoke('cli:local', id),
        );
        console.log(`Ключ ${id} отозван.`);
      } catch (error) {
        fail(error);
      }
    });
}
