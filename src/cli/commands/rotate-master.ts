// `amanat keys rotate-master`: re-wraps every subject key under a new master key. Opens the store itself (never
// through a server: the server's own key is the one being replaced).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Listr } from 'listr2';
import { loadConfig, storeSpecOf } from '../../config/config.js';
import { openStores } from '../../db/database.js';
import { DomainError, ErrorCodes, isDomainError } from '../../lib/errors.js';
import { loadMasterKey, masterKeyForStore, writeNewMasterKeyFile } from '../../modules/vault/master-key.js';
import {
  createMasterKeyRotation,
  DEFAULT_ROTATION_BATCH,
  type RotationResult,
} from '../../modules/vault/master-rotation.js';

interface Options {
  newKeyFile?: string;
  generateNewKey?: string;
  batch: string;
}

function newKeyOf(options: Options): { key: Buffer; file: string; generated: boolean } {
  if (Boolean(options.newKeyFile) === Boolean(options.generateNewKey)) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      'Укажите ровно один из параметров: --new-key-file <файл> (ключ уже есть) или --generate-new-key <файл> ' +
        '(создать новый ключ в этом файле). / Give exactly one of --new-key-file or --generate-new-key.',
    );
  }
  if (options.generateNewKey) {
    const file = resolve(options.generateNewKey);
    if (existsSync(file)) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Файл ${file} уже существует: чтобы продолжить смену с этим ключом, укажите --new-key-file ${file}. ` +
          '/ The file exists; to continue with that key use --new-key-file.',
      );
    }
    return { key: writeNewMasterKeyFile(file), file, generated: true };
  }
  const file = resolve(options.newKeyFile!);
  const loaded = loadMasterKey({ file });
  if (!loaded) {
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Файл нового ключа не найден: ${file}. / New key file not found.`,
    );
  }
  return { key: loaded.key, file, generated: false };
}

export function registerRotateMasterCommand(keys: Command): void {
  keys
    .command('rotate-master')
    .description(
      'Сменить мастер-ключ: перешифровать ключи всех субъектов новым ключом (остановите все экземпляры; ' +
        'прерванную смену продолжает повторный запуск) / Rotate the master key',
    )
    .option(
      '--new-key-file <file>',
      'файл с новым ключом (base64 от 32 байт); для продолжения прерванной смены',
    )
    .option('--generate-new-key <file>', 'создать новый ключ в этом файле (0600); ключ не печатается')
    .option('--batch <n>', 'ключей в одной порции', String(DEFAULT_ROTATION_BATCH))
    .action(async (options: Options) => {
      try {
        const batchSize = Number(options.batch);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
          throw new DomainError(
            ErrorCodes.VALIDATION_FAILED,
            `--batch: ожидалось целое от 1 до 10000, получено «${options.batch}». / --batch: 1 to 10000.`,
          );
        }
        const config = loadConfig();
        // PGlite: the data-folder lock keeps a running server out (stop it first); PostgreSQL: see the README.
        const stores = await openStores(storeSpecOf(config, { poolSize: 2 }));
        let result: RotationResult | undefined;
        let newKeyFile: { file: string; generated: boolean } | undefined;
        try {
          const current = await masterKeyForStore(config.masterKey, stores, { create: false });
          const next = newKeyOf(options);
          newKeyFile = next;
          const rotation = createMasterKeyRotation({ stores, clock: () => new Date(), batchSize });
          const interactive = Boolean(process.stderr.isTTY);
          await new Listr(
            [
              {
                title: 'Смена мастер-ключа / Rotating the master key',
                task: async (_ctx, task) => {
                  result = await rotation.rotate({
                    currentKey: current.key,
                    newKey: next.key,
                    actor: 'cli:local',
                    onStart: (s) => {
                      const line =
                        `поколение ${s.from} → ${s.to}${s.resumed ? ' (продолжение прерванной смены)' : ''}, ` +
                        `ключей под прежним ключом: ${s.total}`;
                      task.output = line;
                      if (!interactive) console.log(line);
                    },
                    onProgress: (p) => {
                      const line = `перешифровано ${p.rewrapped} из ${p.total}`;
                      task.output = line;
                      // Without a terminal (a log, a pipe) each committed batch is a line of its own.
                      if (!interactive) console.log(`прогресс — ${line}`);
                    },
                  });
                },
                rendererOptions: { outputBar: 1 },
              },
            ],
            { renderer: interactive ? 'default' : 'silent', exitOnError: true },
          ).run();
        } finally {
          await stores.close();
        }
        const r = result!;
        console.log(
          `${r.alreadyComplete ? 'Смена мастер-ключа уже завершена' : 'Мастер-ключ сменён'}: поколение ${r.from} → ${r.to}, ` +
            `перешифровано ключей субъектов: ${r.rewrapped}.\n` +
            `Теперь задайте новый ключ на каждом экземпляре — MASTER_KEY_FILE=${newKeyFile!.file} (или его ` +
            'содержимое в AMANAT_MASTER_KEY) — и запустите их. Прежний ключ это хранилище больше не открывает; ' +
            'храните его, пока храните резервные копии хранилища ключей, сделанные до смены.\n' +
            `Master key rotated (generation ${r.from} → ${r.to}). Give every instance the new key ` +
            `(MASTER_KEY_FILE=${newKeyFile!.file}) and start them; keep the old key as long as key-store backups ` +
            'made before the rotation.',
        );
      } catch (error) {
        console.error(
          `Ошибка: ${isDomainError(error) || error instanceof Error ? error.message : String(error)}`,
        );
        if (isDomainError(error))
          for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
        process.exitCode = 2;
      }
    });
}
