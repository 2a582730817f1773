import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import type { JurisdictionCode } from '../register/register.schema.js';
import { type JurisdictionProfile, jurisdictionProfile } from './profile.schema.js';

const cache = new Map<JurisdictionCode, JurisdictionProfile>();

/** Loads profiles/<code>.yaml; the profiles ship with the package and are validated on first use. */
export function loadProfile(code: JurisdictionCode): JurisdictionProfile {
  const cached = cache.get(code);
  if (cached) return cached;
  const file = fromPackageRoot('profiles', `${code.toLowerCase()}.yaml`);
  const parsed = jurisdictionProfile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new DomainError(ErrorCodes.CONFIG_INVALID, `Jurisdiction profile ${file} is invalid`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  cache.set(code, parsed.data);
  return parsed.data;
}
