import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEY_BYTES } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

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

/** The master key wraps every subject key. From the environment, from a file, or created on first start. */
export function loadOrCreateMasterKey(
  source: MasterKeySource,
  options: { create: boolean },
): LoadedMasterKey {
  if (source.env) return { key: decode(source.env, 'AMANAT_MASTER_KEY'), origin: 'env' };
  if (existsSync(source.file)) {
    return { key: decode(readFileSync(source.file, 'utf8'), source.file), origin: 'file', file: source.file };
  }
  if (!options.create) {
    throw new DomainError(
      ErrorCodes.CONFIG_INVALID,
      `Мастер-ключ не найден: задайте AMANAT_MASTER_KEY или MASTER_KEY_FILE (ожидался файл ${source.file}). ` +
        'Master key not found.',
    );
  }
  mkdirSync(dirname(source.file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(source.file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(source.file, 0o600);
  return { key, origin: 'created', file: source.file };
}
