// PGlite is one connection in one process: a lock file in the data folder keeps a second process out.
// The lock records who holds it (pid, and the port of a running server) so the CLI can talk to that server.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, ErrorCodes } from '../lib/errors.js';

export interface LockInfo {
  pid: number;
  startedAt: string;
  /** Set by a running server so the CLI can reach it. */
  server?: { url: string; tokenFile: string };
}

export interface DataFolderLock {
  readonly path: string;
  update(info: Partial<LockInfo>): void;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process nobody has reaped yet (a container without an init) still answers signal 0: a zombie holds
  // nothing. Linux tells through /proc; elsewhere the answer above stands.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'amanat.lock');
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function acquireDataFolderLock(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockFilePath(dataDir);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return {
        path,
        update(partial) {
          info = { ...info, ...partial };
          const fd2 = openSync(path, 'w', 0o600);
          writeSync(fd2, JSON.stringify(info));
          closeSync(fd2);
        },
        release,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder) {
        const who = holder.server ? `сервер Amanat (${holder.server.url})` : 'другой процесс Amanat';
        throw new DomainError(
          ErrorCodes.STORE_LOCKED,
          `Папка данных ${dataDir} уже открыта: ${who}, PID ${holder.pid}. Встроенная база (PGlite) допускает ` +
            `только один процесс: остановите его или обращайтесь к нему через API. / The data folder is in use ` +
            `by PID ${holder.pid}; the embedded database allows one process only.`,
          { details: { pid: holder.pid, lockFile: path } },
        );
      }
      // The holder died without cleaning up (kill -9): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new DomainError(ErrorCodes.STORE_LOCKED, `Не удалось захватить блокировку ${path}`);
}
