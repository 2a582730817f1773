// The data store's tables, gathered for drizzle-kit and the query builder. The key store is separate.
export * from '../modules/api-keys/api-key.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/consents/consent.table.js';
export * from '../modules/obligations/obligation.table.js';
export { personalValues, subjectIdentities, subjects } from '../modules/vault/vault.table.js';
