// Which master key this store belongs to. The key store keeps, per master-key generation, a key-check value
// (never the key) and the derivation root wrapped under that key. An instance whose master key does not match
// the current generation refuses to start: a second key would silently split the store (subjects wrapped
// under two keys, a chain MACed under two keys — a false tampering alarm).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql, Stores } from '../../db/database.js';
import { deriveKey, hmacSha256, KEY_BYTES, open, seal } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { createAuditService } from '../audit/audit.service.js';

/** How the check value is made; stored beside it, so a later version can tell and move on. */
export const CHECK_ALGORITHM = 'hkdf-sha256+hmac-sha256:v1';
const CHECK_MESSAGE = 'amanat:master-key-check:v1';
const ROOT_AAD = 'amanat:derivation-root';

export const SAME_KEY_HINT =
  'Задайте на каждом экземпляре один и тот же мастер-ключ (AMANAT_MASTER_KEY или MASTER_KEY_FILE) и не удаляйте ' +
  'хранилище. / Give every instance the same master key (AMANAT_MASTER_KEY or MASTER_KEY_FILE); do not delete the store.';

/** The key-check value: HMAC-SHA256 of a constant under a key HKDF-derived from the master key. */
export function masterKeyCheck(masterKey: Uint8Array): Buffer {
  return hmacSha256(deriveKey(masterKey, 'master-key-check'), CHECK_MESSAGE);
}

export interface MasterKeyRow {
  generation: number;
  check_value: Uint8Array;
  check_algorithm: string;
  wrapped_root: Uint8Array | null;
  status: 'current' | 'next' | 'retired';
  created_at: Date;
  retired_at: Date | null;
}

export async function readMasterKeys(keySql: Sql): Promise<MasterKeyRow[]> {
  return keySql.query<MasterKeyRow>(
    `SELECT generation, check_value, check_algorithm, wrapped_root, status, created_at, retired_at
     FROM amanat_keys.master_keys ORDER BY generation`,
  );
}

/** Whether masterKey is the key this row describes. */
export function checks(row: MasterKeyRow, masterKey: Uint8Array): boolean {
  if (row.check_algorithm !== CHECK_ALGORITHM) return false;
  const value = masterKeyCheck(masterKey);
  return row.check_value.length === value.length && timingSafeEqual(row.check_value, value);
}

export function sealRoot(masterKey: Uint8Array, root: Uint8Array): Buffer {
  return seal(masterKey, root, ROOT_AAD);
}

export function openRoot(masterKey: Uint8Array, row: MasterKeyRow): Buffer {
  if (!row.wrapped_root) throw new Error(`master key generation ${row.generation} holds no derivation root`);
  return open(masterKey, row.wrapped_root, ROOT_AAD);
}

/**
 * A store is new when it holds nothing a master key protects: no master-key record, no subject key, no audit
 * entry. Only then may a new master key be created.
 */
export async function storeIsNew(stores: Pick<Stores, 'sql' | 'keySql'>): Promise<boolean> {
  const [keys] = await stores.keySql.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM amanat_keys.master_keys) OR EXISTS (SELECT 1 FROM amanat_keys.subject_keys)
       AS used`,
  );
  if (keys!.used) return false;
  const [data] = await stores.sql.query<{ used: boolean }>('SELECT EXISTS (SELECT 1 FROM audit_log) AS used');
  return !data!.used;
}

export interface Keyring {
  /** The master key's generation: subject keys wrapped by this instance carry it. */
  generation: number;
  /**
   * The secret the identity-lookup, audit-chain and other keys are derived from. Created at random with a new
   * store; for a store that predates the key check it is the master key of that time, so nothing derived
   * changes. A rotation of the master key re-wraps it and never changes it.
   */
  root: Buffer;
}

const mismatch = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCodes.MASTER_KEY_MISMATCH, `${message}\n${SAME_KEY_HINT}`, { details });

/**
 * Checks the master key against the store and gives the derivation root. A store without a record gets one:
 * a new store at once; an older store (upgrade) only when the key unwraps one of its subject keys, or, without
 * subjects, verifies the first entry of its audit chain.
 */
export async function openKeyring(deps: {
  stores: Pick<Stores, 'sql' | 'keySql'>;
  masterKey: Buffer;
  clock: () => Date;
}): Promise<Keyring> {
  const { keySql } = deps.stores;
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await readMasterKeys(keySql);
    if (rows.length === 0) {
      const root = await rootForUnmarkedStore(deps);
      const inserted = await keySql.query(
        `INSERT INTO amanat_keys.master_keys
           (generation, check_value, check_algorithm, wrapped_root, status, created_at)
         VALUES (1, $1, $2, $3, 'current', $4) ON CONFLICT DO NOTHING RETURNING generation`,
        [masterKeyCheck(deps.masterKey), CHECK_ALGORITHM, sealRoot(deps.masterKey, root), deps.clock()],
      );
      if (inserted.length === 1) return { generation: 1, root };
      continue; // another instance wrote its record at the same moment: check against that one
    }
    return unlock(rows, deps.masterKey);
  }
  throw mismatch(
    'Не удалось записать проверочное значение мастер-ключа. / Could not record the master key check.',
  );
}

function unlock(rows: MasterKeyRow[], masterKey: Buffer): Keyring {
  const current = rows.find((r) => r.status === 'current');
  const next = rows.find((r) => r.status === 'next');
  if (next && current) {
    const which = checks(next, masterKey) ? 'новым' : checks(current, masterKey) ? 'прежним' : null;
    throw new DomainError(
      ErrorCodes.MASTER_KEY_ROTATION_IN_PROGRESS,
      `Идёт смена мастер-ключа (поколение ${current.generation} → ${next.generation})` +
        `${which ? `, запуск с ${which} ключом` : ', и этот ключ — ни прежний, ни новый'}: завершите её командой ` +
        '«amanat keys rotate-master --new-key-file <файл нового ключа>» с прежним ключом в настройках, затем ' +
        'запускайте экземпляры с новым ключом. / A master key rotation is in progress: finish it with ' +
        '`amanat keys rotate-master --new-key-file <new key file>` (the old key configured), then start every ' +
        'instance with the new key.',
      { details: { from: current.generation, to: next.generation } },
    );
  }
  if (!current)
    throw mismatch(
      'В хранилище ключей нет текущего мастер-ключа. / The key store has no current master key.',
    );
  if (checks(current, masterKey))
    return { generation: current.generation, root: openRoot(masterKey, current) };
  const retired = rows.find((r) => r.status === 'retired' && checks(r, masterKey));
  if (retired) {
    throw mismatch(
      `Этот мастер-ключ (поколение ${retired.generation}) заменён при смене ключа ` +
        `${retired.retired_at?.toISOString() ?? ''}: запускайте с новым ключом (поколение ${current.generation}). ` +
        `/ This master key was retired by a rotation; start with the new key (generation ${current.generation}).`,
      { generation: retired.generation, current: current.generation },
    );
  }
  throw mismatch(
    'Мастер-ключ не совпадает с ключом, которым защищено это хранилище: запуск с ним разделил бы данные ' +
      'на две несовместимые части. Экземпляр не запущен. / The master key does not match the key this store ' +
      'is protected with; starting would split the store. Not started.',
    { current: current.generation },
  );
}

/** A store with no record: new (a random root), or written before the check existed (the key itself). */
async function rootForUnmarkedStore(deps: {
  stores: Pick<Stores, 'sql' | 'keySql'>;
  masterKey: Buffer;
  clock: () => Date;
}): Promise<Buffer> {
  const [subject] = await deps.stores.keySql.query<{ subject_id: string; wrapped_key: Uint8Array }>(
    'SELECT subject_id, wrapped_key FROM amanat_keys.subject_keys LIMIT 1',
  );
  if (subject) {
    try {
      open(deps.masterKey, subject.wrapped_key, `subject-key:${subject.subject_id.toLowerCase()}`);
    } catch {
      throw mismatch(
        'Мастер-ключ не открывает ключи субъектов этого хранилища: оно создано с другим ключом. ' +
          '/ The master key does not unwrap this store’s subject keys: it was created with another key.',
      );
    }
    return Buffer.from(deps.masterKey);
  }
  const audit = createAuditService({ auditKey: deriveKey(deps.masterKey, 'audit-chain'), clock: deps.clock });
  const matches = await audit.keyMatchesFirstEntry(deps.stores.sql);
  if (matches === false) {
    throw mismatch(
      'Мастер-ключ не подтверждает журнал аудита этого хранилища: оно создано с другим ключом (или указано ' +
        'чужое хранилище ключей — KEYSTORE_DIR, KEYSTORE_DATABASE_URL). / The master key does not verify this ' +
        'store’s audit chain: it was created with another key (or the key store is not this store’s).',
    );
  }
  return matches ? Buffer.from(deps.masterKey) : randomBytes(KEY_BYTES);
}
