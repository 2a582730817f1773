// Writes schemas/register.schema.json from the zod schema (npm run register:json-schema). A test fails
// when the committed file differs from what this would write, so run it after changing the schema.
import { writeFileSync } from 'node:fs';
import { fromPackageRoot } from '../src/lib/paths.js';
import { renderRegisterJsonSchema } from '../src/modules/register/register.json-schema.js';

const target = fromPackageRoot('schemas', 'register.schema.json');
writeFileSync(target, renderRegisterJsonSchema());
console.log(`Записано / written: ${target}`);
