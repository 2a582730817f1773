// Rotation of the master key: every subject key is re-wrapped under a new master key, batch by batch, each batch
// one statement. The rotation is recorded in the key store first (the new key's check value and the derivation
// root wrapped under it, status `next`), so a run killed half way is continued by the next run with the same new
// key. The derivation root itself never changes: the identity-lookup hashes and the audit chain stay valid.
import type { Stores } from '../../db/database.js';
import { deriveKey, open, seal } from '../../lib/crypto.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { createAuditService } from '../audit/audit.service.js';
import {
  CHECK_ALGORITHM,
  checks,
  type MasterKeyRow,
  masterKeyCheck,
  openKeyring,
  openRoot,
  readMasterKeys,
  SAME_KEY_HINT,
  sealRoot,
} from './master-keyring.js';

export const DEFAULT_ROTATION_BATCH = 500;

const wrapAad = (subjectId: string) => `subject-key:${subjectId.toLowerCase()}`;

export interface RotationProgress {
  /** Keys still under the old master key when this run began. */
  total: number;
  rewrapped: number;
}

export interface RotationResult {
  from: number;
  to: number;
  /** Re-wrapped by this run. */
  rewrapped: number;
  /** This run continued a rotation an earlier run began. */
  resumed: boolean;
  /** The rotation had already completed; this run only confirmed it. */
  alreadyComplete: boolean;
}

export function createMasterKeyRotation(deps: {
  stores: Pick<Stores, 'sql' | 'keySql' | 'transaction'>;
  clock: () => Date;
  batchSize?: number;
}) {
  const { keySql } = deps.stores;
  const batchSize = deps.batchSize ?? DEFAULT_ROTATION_BATCH;

  async function rewrapBatch(
    currentKey: Buffer,
    newKey: Buffer,
    from: number,
    to: number,
    after: string,
  ): Promise<{ count: number; last: string | null }> {
    const rows = await keySql.query<{ subject_id: string; wrapped_key: Uint8Array }>(
      `SELECT subject_id, wrapped_key FROM amanat_keys.subject_keys
       WHERE subject_id > $1::uuid AND master_generation = $2 ORDER BY subject_id LIMIT $3`,
      [after, from, batchSize],
    );
    if (rows.length === 0) return { count: 0, last: null };
    const ids: string[] = [];
    const wrapped: string[] = [];
    for (const row of rows) {
      const key = open(currentKey, row.wrapped_key, wrapAad(row.subject_id));
      ids.push(row.subject_id);
      wrapped.push(seal(newKey, key, wrapAad(row.subject_id)).toString('hex'));
      key.fill(0);
    }
    // One statement: the batch is re-wrapped whole or not at all. A key destroyed meanwhile is simply not there.
    await keySql.query(
      `UPDATE amanat_keys.subject_keys AS k SET wrapped_key = decode(v.wrapped, 'hex'), master_generation = $3
       FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::text[]) AS wrapped) AS v
       WHERE k.subject_id = v.id AND k.master_generation = $4`,
      [ids, wrapped, to, from],
    );
    return { count: rows.length, last: ids.at(-1)! };
  }

  /** Retires the old key and makes the new one current, in one statement, once no key is left under the old. */
  async function complete(from: number, to: number): Promise<number> {
    const [row] = await keySql.query<{ remaining: number }>(
      `WITH remaining AS (
         SELECT count(*)::int AS n FROM amanat_keys.subject_keys WHERE master_generation <> $2
       ), switched AS (
         UPDATE amanat_keys.master_keys
         SET status = CASE WHEN generation = $1 THEN 'retired' ELSE 'current' END,
             wrapped_root = CASE WHEN generation = $1 THEN NULL ELSE wrapped_root END,
             retired_at = CASE WHEN generation = $1 THEN $3::timestamptz ELSE NULL END
         WHERE ((generation = $1 AND status = 'current') OR (generation = $2 AND status = 'next'))
           AND (SELECT n FROM remaining) = 0
         RETURNING 1
       )
       SELECT (SELECT n FROM remaining) AS remaining, (SELECT count(*) FROM switched)::int AS switched`,
      [from, to, deps.clock()],
    );
    return row!.remaining;
  }

  /**
   * Re-wraps every subject key under newKey. Run again with the same keys after a crash: it continues. Other
   * instances must be stopped; one still running with the old key can no longer create subjects once the
   * rotation has begun, nor read keys already re-wrapped, and refuses to start again until given the new key.
   */
  async function rotate(options: {
    currentKey: Buffer;
    newKey: Buffer;
    actor: string;
    onStart?: (info: { from: number; to: number; total: number; resumed: boolean }) => void;
    onProgress?: (progress: RotationProgress) => void;
  }): Promise<RotationResult> {
    const { currentKey, newKey } = options;
    refuseSameKey(currentKey, newKey);
    const { current, next: pending, retiredOld } = await readKeyring(currentKey);
    // Killed after the switch, before its audit entry: the new key is current and the old one retired.
    if (!pending && retiredOld && checks(current, newKey)) {
      const root = openRoot(newKey, current);
      await auditCompletion(root, options.actor, retiredOld.generation, current.generation, 0);
      return {
        from: retiredOld.generation,
        to: current.generation,
        rewrapped: 0,
        resumed: true,
        alreadyComplete: true,
      };
    }
    if (!checks(current, currentKey)) {
      throw new DomainError(
        ErrorCodes.MASTER_KEY_MISMATCH,
        `Текущий мастер-ключ в настройках не совпадает с ключом хранилища (поколение ${current.generation}). ` +
          `/ The configured master key is not the store's current key.\n${SAME_KEY_HINT}`,
      );
    }
    const root = openRoot(currentKey, current);
    const resumed = Boolean(pending);
    if (pending && !checks(pending, newKey)) {
      throw new DomainError(
        ErrorCodes.MASTER_KEY_ROTATION_IN_PROGRESS,
        `Уже начата смена на другой новый ключ (поколение ${pending.generation}): укажите тот же файл нового ` +
          'ключа, что и при первом запуске. / A rotation to another new key is in progress: give the same new ' +
          'key file as the first run.',
      );
    }
    const next = pending ?? (await begin(current, newKey, root));
    const [from, to] = [current.generation, next.generation];
    const [{ total } = { total: 0 }] = await keySql.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM amanat_keys.subject_keys WHERE master_generation = $1',
      [from],
    );
    // Once per rotation: a run killed between recording the rotation and this entry leaves it to the next.
    await auditOnce(root, options.actor, 'master_key.rotation_start', {
      from_generation: from,
      to_generation: to,
      subject_keys: total,
    });
    options.onStart?.({ from, to, total, resumed });
    const rewrapped = await rewrapAll(currentKey, newKey, { from, to, total }, options.onProgress);
    await auditCompletion(root, options.actor, from, to, rewrapped);
    return { from, to, rewrapped, resumed, alreadyComplete: false };
  }

  function refuseSameKey(currentKey: Buffer, newKey: Buffer): void {
    if (currentKey.equals(newKey)) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        'Новый мастер-ключ совпадает с текущим: укажите другой ключ. / The new master key equals the current one.',
        {
          issues: [{ path: 'new-key-file', message: 'должен отличаться от текущего ключа / must differ' }],
        },
      );
    }
  }

  /** The current key, the rotation in progress (if any), and the retired key this run's current key was. */
  async function readKeyring(currentKey: Buffer) {
    let rows = await readMasterKeys(keySql);
    // A store never opened by this version yet: record (and so check) its key first.
    if (rows.length === 0) {
      await openKeyring({ stores: deps.stores, masterKey: currentKey, clock: deps.clock });
      rows = await readMasterKeys(keySql);
    }
    const current = rows.find((r) => r.status === 'current');
    if (!current) {
      throw new DomainError(
        ErrorCodes.MASTER_KEY_MISMATCH,
        'В хранилище ключей нет текущего мастер-ключа. / The key store has no current master key.',
      );
    }
    return {
      current,
      next: rows.find((r) => r.status === 'next'),
      retiredOld: rows.find((r) => r.status === 'retired' && checks(r, currentKey)),
    };
  }

  /**
   * Re-wraps every key still under the old generation and switches the keys; the number re-wrapped. One pass
   * by subject id re-wraps every key; a further pass only if keys appeared under the old key meanwhile (an
   * insert that began before the rotation did).
   */
  async function rewrapAll(
    currentKey: Buffer,
    newKey: Buffer,
    run: { from: number; to: number; total: number },
    onProgress?: (progress: RotationProgress) => void,
  ): Promise<number> {
    let rewrapped = 0;
    for (let pass = 0; pass < 3; pass++) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const batch = await rewrapBatch(currentKey, newKey, run.from, run.to, after);
        if (batch.count === 0) break;
        rewrapped += batch.count;
        after = batch.last!;
        onProgress?.({ total: run.total, rewrapped });
      }
      if ((await complete(run.from, run.to)) === 0) return rewrapped;
    }
    throw new DomainError(
      ErrorCodes.MASTER_KEY_ROTATION_IN_PROGRESS,
      'Ключи субъектов продолжают появляться под прежним мастер-ключом: остановите все экземпляры и запустите ' +
        'команду снова. / Subject keys keep appearing under the old master key: stop every instance and run again.',
    );
  }

  return { rotate };

  async function begin(current: MasterKeyRow, newKey: Buffer, root: Buffer): Promise<MasterKeyRow> {
    const [row] = await keySql.query<MasterKeyRow>(
      `INSERT INTO amanat_keys.master_keys
         (generation, check_value, check_algorithm, wrapped_root, status, created_at)
       VALUES ($1, $2, $3, $4, 'next', $5)
       RETURNING generation, check_value, check_algorithm, wrapped_root, status, created_at, retired_at`,
      [current.generation + 1, masterKeyCheck(newKey), CHECK_ALGORITHM, sealRoot(newKey, root), deps.clock()],
    );
    return row!;
  }

  function audit(root: Buffer) {
    return createAuditService({ auditKey: deriveKey(root, 'audit-chain'), clock: deps.clock });
  }

  /** The completion's audit entry, once: a run that finds the rotation complete adds it only if it is missing. */
  async function auditCompletion(root: Buffer, actor: string, from: number, to: number, rewrapped: number) {
    await auditOnce(root, actor, 'master_key.rotation_complete', {
      from_generation: from,
      to_generation: to,
      rewrapped,
    });
  }

  /** Appends the entry unless the chain already has one of this action for this rotation. */
  async function auditOnce(
    root: Buffer,
    actor: string,
    action: 'master_key.rotation_start' | 'master_key.rotation_complete',
    details: { from_generation: number; to_generation: number } & Record<string, number>,
  ) {
    // cross-module read: audit_log (owner: audit)
    const [found] = await deps.stores.sql.query(
      `SELECT 1 FROM audit_log WHERE action = $1 AND details ->> 'to_generation' = $2 LIMIT 1`,
      [action, String(details.to_generation)],
    );
    if (found) return;
    await audit(root).appendAlone(deps.stores, [{ actor, action, details }]);
  }
}
