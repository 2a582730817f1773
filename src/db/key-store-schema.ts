export { keyStoreSchema, masterKeys, subjectKeys } from '../modules/vault/key-store.table.js';
