// Turns zod's issues about a register into messages a person editing YAML can act on: what was expected,
// what was found, which fields exist. zod's own messages ("Invalid option: expected one of
// \"automated\"|…") name neither the value found nor the known fields.
import { z } from 'zod';

export type RegisterPath = (string | number)[];

export interface SchemaProblem {
  /** Path into the document; positions fall back to the nearest existing parent. */
  at: RegisterPath;
  message: string;
  /** For an unknown field: the key itself, so the position points at the key rather than its value. */
  key?: string;
}

/** Strips the wrappers that do not change what a value must look like. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodLazy) {
      // The cached inner schema: `unwrap()` would build the recursive union anew on every call.
      current = current._zod.innerType as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function valueAt(data: unknown, path: RegisterPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A discriminated union resolved to the option the data picks, when it picks one. */
function pickOption(schema: z.ZodType, value: unknown): z.ZodType {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;
  const discriminator = schema._zod.def.discriminator;
  const tag =
    value && typeof value === 'object' ? (value as Record<string, unknown>)[discriminator] : undefined;
  for (const option of schema.options as z.ZodType[]) {
    const candidate = unwrap(option);
    if (candidate instanceof z.ZodObject) {
      const literal = candidate.shape[discriminator];
      if (literal instanceof z.ZodLiteral && literal.values.has(tag as never)) return candidate;
    }
  }
  return schema;
}

/** The schema that governs the value at `path`, following the data through discriminated unions. */
export function schemaAt(root: z.ZodType, path: RegisterPath, data: unknown): z.ZodType | undefined {
  let schema = unwrap(root);
  for (const [i, segment] of path.entries()) {
    schema = pickOption(schema, valueAt(data, path.slice(0, i)));
    let next: z.ZodType | undefined;
    if (schema instanceof z.ZodObject) next = (schema.shape as Record<string, z.ZodType>)[String(segment)];
    else if (schema instanceof z.ZodArray) next = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) next = schema._zod.def.valueType as z.ZodType;
    if (!next) return undefined;
    schema = unwrap(next);
  }
  return pickOption(schema, valueAt(data, path));
}

function list(values: Iterable<unknown>): string {
  return [...values].map(String).join(', ');
}

/** What a schema accepts, in a few words. */
export function describeExpected(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const s = unwrap(schema);
  if (s instanceof z.ZodEnum) return `one of ${list(s.options)}`;
  if (s instanceof z.ZodLiteral)
    return s.values.size === 1 ? `${[...s.values][0]}` : `one of ${list(s.values)}`;
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodNumber) return 'a number';
  if (s instanceof z.ZodArray) return 'a list';
  if (s instanceof z.ZodDiscriminatedUnion) {
    const discriminator = s._zod.def.discriminator;
    const tags = (s.options as z.ZodType[]).flatMap((o) => {
      const option = unwrap(o);
      const literal = option instanceof z.ZodObject ? option.shape[discriminator] : undefined;
      return literal instanceof z.ZodLiteral ? [...literal.values] : [];
    });
    return `a mapping with ${discriminator}: one of ${list(tags)}`;
  }
  if (s instanceof z.ZodObject) {
    const keys = Object.keys(s.shape);
    return keys.every((k) => ['ru', 'kk', 'en'].includes(k))
      ? 'a text in languages ru (required), kk, en'
      : `a mapping with fields ${list(keys)}`;
  }
  // Formats (e-mail, URL, ISO date) are their own classes in zod 4; all share the definition type 'string'.
  if (s._zod.def.type === 'string') {
    const format = (s._zod.def as { format?: string }).format;
    if (format === 'email') return 'an e-mail address';
    if (format === 'url') return 'a URL';
    if (format === 'date') return 'a date YYYY-MM-DD';
    return 'a text';
  }
  return undefined;
}

export function describeActual(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Known field names at an object path, for "unknown field" messages. */
function knownFields(root: z.ZodType, path: RegisterPath, data: unknown): string[] {
  const schema = schemaAt(root, path, data);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

// zod's built-in messages start like this; messages written in the schema (e.g. the identifier pattern)
// are kept because they say what is expected better than a regular expression does.
const builtInMessage = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeZodIssue(root: z.ZodType, data: unknown, issue: z.core.$ZodIssue): SchemaProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value = valueAt(data, path);
  const field = path.length > 0 ? String(path[path.length - 1]) : 'document';
  const expected = describeExpected(schemaAt(root, path, data));
  const custom = !builtInMessage.test(issue.message);

  // A value that is not there at all: whatever zod's complaint, the fix is to add the field.
  if (
    value === undefined &&
    issue.code !== 'unrecognized_keys' &&
    issue.code !== 'custom' &&
    path.length > 0
  ) {
    const options = (issue as { options?: unknown[] }).options;
    const what = options ? `one of ${list(options)}` : expected;
    return [{ at: path, message: `missing required field '${field}'${what ? `: expected ${what}` : ''}` }];
  }

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownFields(root, path, data);
      return issue.keys.map((key) => ({
        at: [...path, key],
        key,
        message: `unknown field '${key}'${known.length > 0 ? ` — known fields: ${known.join(', ')}` : ''}`,
      }));
    }
    case 'invalid_type':
      return [{ at: path, message: `expected ${expected ?? issue.expected}, got ${describeActual(value)}` }];
    case 'invalid_value':
      return [
        {
          at: path,
          message: `expected ${issue.values.length === 1 ? String(issue.values[0]) : `one of ${list(issue.values)}`}, got ${describeActual(value)}`,
        },
      ];
    case 'invalid_union': {
      // A discriminated union whose tag matched nothing: the path already ends at the tag.
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        return [{ at: path, message: `expected one of ${list(options)}, got ${describeActual(value)}` }];
      }
      return [
        {
          at: path,
          message: `${expected ? `expected ${expected}` : issue.message}, got ${describeActual(value)}`,
        },
      ];
    }
    case 'invalid_format': {
      const what = custom ? issue.message : (expected ?? `text in format ${issue.format}`);
      return [{ at: path, message: `expected ${what}, got ${describeActual(value)}` }];
    }
    case 'too_small':
    case 'too_big': {
      if (custom) return [{ at: path, message: issue.message }];
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const atLeast = issue.code === 'too_small';
      const inclusive = issue.inclusive !== false;
      let message: string;
      if (issue.origin === 'array') {
        const n = Number(bound);
        message = `expected ${atLeast ? 'at least' : 'at most'} ${plural(n, 'item')}, got ${Array.isArray(value) ? value.length : 0}`;
      } else if (issue.origin === 'string') {
        message =
          atLeast && Number(bound) === 1
            ? 'expected a non-empty text'
            : `expected ${atLeast ? 'at least' : 'at most'} ${plural(Number(bound), 'character')}`;
      } else {
        const relation = atLeast ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
        message = `expected a number ${relation} ${String(bound)}, got ${describeActual(value)}`;
      }
      return [{ at: path, message }];
    }
    default:
      return [{ at: path, message: custom || !expected ? issue.message : `expected ${expected}` }];
  }
}
