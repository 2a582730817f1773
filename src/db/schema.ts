// The data store's tables, gathered for drizzle-kit (migrations and row types). The key store is separate.
// Services query with plain SQL (src/db/database.ts, `Sql`); the column names here are the contract.

export * from '../modules/access/access.table.js';
export * from '../modules/api-keys/api-key.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/consents/consent.table.js';
export * from '../modules/cookies/cookie.table.js';
export * from '../modules/disclosures/disclosure.table.js';
export * from '../modules/mail/mail.table.js';
export * from '../modules/obligations/obligation.table.js';
export * from '../modules/policies/policy.table.js';
export * from '../modules/rate-limits/rate-limit.table.js';
export * from '../modules/requests/request.table.js';
export * from '../modules/retention/retention.table.js';
export * from '../modules/staff/staff.table.js';
export { personalValues, subjectIdentities, subjects } from '../modules/vault/vault.table.js';
