import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromPackageRoot } from '../../lib/paths.js';
import { buildRegisterJsonSchema, renderRegisterJsonSchema } from './register.json-schema.js';

const committedPath = fromPackageRoot('schemas', 'register.schema.json');

/** The parts of a JSON Schema these tests read. */
interface JsonSchemaNode {
  $schema?: string;
  $ref?: string;
  type?: string;
  enum?: string[];
  const?: string;
  description?: string;
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  oneOf?: JsonSchemaNode[];
  definitions?: Record<string, JsonSchemaNode>;
}

describe('register JSON Schema for editors', () => {
  it('the committed schemas/register.schema.json is what the generator writes now (run npm run register:json-schema)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(renderRegisterJsonSchema());
  });

  it('gives editors enums, descriptions and the recursive retention rule', () => {
    const schema = buildRegisterJsonSchema() as JsonSchemaNode;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const purpose = schema.properties!.purposes!.items!;
    expect(purpose.properties!.processing!.enum).toEqual(['automated', 'mixed', 'manual']);
    expect(purpose.properties!.processing!.description).toContain('смешанная');
    expect(purpose.properties!.legal_bases!.items!.properties!.type!.enum).toContain('publication_consent');
    expect(purpose.additionalProperties).toBe(false);
    // Optional-with-default fields are not required of the author.
    expect(purpose.required).not.toContain('information_systems');
    const retention = schema.definitions!.RetentionRule!;
    expect(retention.oneOf!.map((o) => o.properties!.kind!.const)).toEqual([
      'until_liquidation',
      'contract_period',
      'until_consent_withdrawal',
      'until_purpose_achieved',
      'after_collection',
      'after_last_activity',
      'fixed_date',
      'first_of',
      'depends_on',
    ]);
    for (const option of retention.oneOf!) expect(option.description).toBeTruthy();
    expect(JSON.stringify(retention)).toContain('"$ref":"#/definitions/RetentionRule"');
  });

  it('the example register points editors at the committed schema', () => {
    const examplePath = fromPackageRoot('examples', 'nextbot.kz', 'register.yaml');
    const text = readFileSync(examplePath, 'utf8');
    const { $schema } = parse(text) as { $schema: string };
    expect(resolve(dirname(examplePath), $schema)).toBe(committedPath);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${$schema}`);
  });
});
