// A roles file (YAML): the roles an operator loads with `amanat roles load FILE`. Its shape is checked here;
// what the roles name (purposes, fields, actions) is checked against the register by the access service.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { RoleInput } from './role.validate.js';

const roleSchema = z
  .object({
    id: z.string().min(1).max(63),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).nullable().optional(),
    purposes: z.array(z.string()).max(100),
    fields: z.record(z.string(), z.array(z.string()).max(200)).optional(),
    actions: z.array(z.string()).max(100),
  })
  .strict();

const fileSchema = z
  .object({ $schema: z.string().optional(), roles: z.array(roleSchema).min(1).max(200) })
  .strict();

/** Reads and checks the file's shape; a bad file is one error naming every problem with its path. */
export function readRolesFile(file: string): RoleInput[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError(ErrorCodes.VALIDATION_FAILED, `Файл ролей ${file} не прочитан: ${String(error)}`, {
      issues: [{ path: file, message: 'cannot read the file' }],
    });
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      path: `${file}:${e.linePos?.[0]?.line ?? 0}:${e.linePos?.[0]?.col ?? 0}`,
      message: e.message.split('\n')[0] ?? e.code,
    }));
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Файл ролей ${file}: ошибка YAML — ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}. Invalid YAML.`,
      { issues },
    );
  }
  const parsed = fileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || 'roles',
      message: i.message,
    }));
    throw new DomainError(
      ErrorCodes.VALIDATION_FAILED,
      `Файл ролей ${file}: ${issues.map((i) => `${i.path} — ${i.message}`).join('; ')}. ` +
        'Expected `roles:` with id, name, purposes, actions (fields, description optional).',
      { issues },
    );
  }
  return parsed.data.roles;
}
