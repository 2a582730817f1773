export { keyStoreSchema, subjectKeys } from '../modules/vault/key-store.table.js';
