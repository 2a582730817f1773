import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Stores } from '../../db/database.js';
import { KEY_BYTES } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { storeIsNew } from './master-keyring.js';

export interface MasterKeySource {
  env?: string;
  file: string;
}

export interface LoadedMasterKey {
  key: Buffer;
  /** Where it came from, for the start-up message; never the key itself. */
  origin: 'env' | 'file' | 'created';
  file?: string;
}

function decode(base64: string, where: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new DomainError(
      ErrorCodes.CONFIG_INVALID,
      `Мастер-ключ в ${where} должен быть base64 от ${KEY_BYTES} байт (получено ${key.length}). ` +
        `Master key must be base64 of ${KEY_BYTES} bytes: openssl rand -base64 32`,
    );
  }
  return key;
}

/** The master key from AMANAT_MASTER_KEY or its file; null when neither is there. */
export function loadMasterKey(source: MasterKeySource): LoadedMasterKey | null {
  if (source.env) return { key: decode(source.env, 'AMANAT_MASTER_KEY'), origin: 'env' };
  if (existsSync(source.file)) {
    return { key: decode(readFileSync(source.file, 'utf8'), source.file), origin: 'file', file: source.file };
  }
  return null;
}

/** A new random key in a new file (0600, flushed to disk); refuses to overwrite a file that exists. */
export function writeNewMasterKeyFile(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
  return key;
}

/**
 * The master key wraps every subject key. From the environment or its file; created (0600) only when `create`
 * is set and the store is new — a store that holds anything already belongs to a key, and a new key would
 * split it. Whether the key is the store's own is checked by openKeyring (createAmanat).
 */
export async function masterKeyForStore(
  source: MasterKeySource,
  stores: Pick<Stores, 'sql' | 'keySql'>,
  options: { create: boolean },
): Promise<LoadedMasterKey> {
  const loaded = loadMasterKey(source);
  if (loaded) return loaded;
  if (options.create && (await storeIsNew(stores))) {
    return { key: writeNewMasterKeyFile(source.file), origin: 'created', file: source.file };
  }
  throw new DomainError(
    options.create ? ErrorCodes.MASTER_KEY_MISMATCH : ErrorCodes.CONFIG_INVALID,
    `Мастер-ключ не найден: задайте AMANAT_MASTER_KEY или MASTER_KEY_FILE (ожидался файл ${source.file}). ` +
      (options.create
        ? 'Хранилище уже содержит данные, защищённые мастер-ключом, поэтому новый ключ не создан: укажите тот ' +
          'же ключ, что у других экземпляров (или восстановите его из резервной копии). Не удаляйте хранилище. ' +
          '/ Master key not found, and the store already holds data protected by a master key, so no new key was ' +
          'created: give this instance the same key as the others (or restore it from its backup).'
        : 'Master key not found.'),
  );
}
