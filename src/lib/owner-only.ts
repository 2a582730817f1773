// The data folder holds personal data and keys: it and everything Amanat writes in it are the owner's alone.
import { chmodSync, type Dirent, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * From here on this process creates folders 0700 and files 0600 (the embedded database writes new files for as long
 * as it runs). Called first thing by the server and the CLI.
 */
export function createOwnerOnlyFiles(): void {
  process.umask(0o077);
}

/** Folders 0700 and files 0600 under `dir` (itself included), for folders created before owner-only was the rule. */
export function restrictTreeToOwner(dir: string): void {
  restrictToOwner(dir);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) restrictTreeToOwner(path);
    else if (entry.isFile()) restrictToOwner(path);
  }
}

/** One folder or file, not what it contains; a missing path or a symbolic link is left alone. */
export function restrictToOwner(path: string): void {
  let mode: number;
  let isDirectory: boolean;
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    mode = stat.mode & 0o777;
    isDirectory = stat.isDirectory();
  } catch {
    return;
  }
  const wanted = isDirectory ? FOLDER_MODE : FILE_MODE;
  if (mode !== wanted) chmodSync(path, wanted);
}
