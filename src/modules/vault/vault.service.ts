// The subject vault: subjects found through keyed hashes of their identities, and personal-data values
// encrypted under each subject's own key, every value tagged with its purposes and legal bases. This file
// composes the parts (identities, collection, reads) into the one service the rest of Amanat calls.
import type { Stores } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { KeyStore } from './key-store.js';
import { createVaultCollection } from './vault.collect.js';
import { createVaultIdentities } from './vault.identities.js';
import { createVaultReads } from './vault.reads.js';

// Callers import these from the service, as before the split.
export {
  type CollectInput,
  decryptValue,
  type Identities,
  identityAad,
  type ReadValue,
  type StoredValueMeta,
  subjectNotFound,
  type ValueRow,
  valueAad,
} from './vault.model.js';

export function createVaultService(deps: {
  stores: Stores;
  keyStore: KeyStore;
  audit: AuditService;
  rules: RegisterRules;
  identityKey: Buffer;
  clock: () => Date;
}) {
  const identities = createVaultIdentities(deps);
  const collection = createVaultCollection({ ...deps, identities });
  const reads = createVaultReads({ ...deps, identities });
  return {
    ensureSubject: identities.ensureSubject,
    lookup: identities.lookup,
    getSubject: reads.getSubject,
    collect: collection.collect,
    collectForIdentity: collection.collectForIdentity,
    readForPurpose: reads.readForPurpose,
    readRecord: reads.readRecord,
    requireSubject: identities.requireSubject,
    subjectKey: identities.subjectKey,
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
