import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (package) root: data files such as profiles/ and calendars/ live beside src/. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fromPackageRoot(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
