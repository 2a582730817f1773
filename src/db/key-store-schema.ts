export { auditAnchors } from '../modules/audit/audit-anchor.table.js';
export { keyStoreSchema, masterKeys, subjectKeys } from '../modules/vault/key-store.table.js';
