// Document templates: logic-less Mustache files the operator's lawyer edits (templates/<document>/<lang>.mustache).
// Before anything is rendered, every name a template uses is checked against the shape of the view it will
// get: a misspelt or removed field fails with the template's file:line, instead of rendering as an empty
// string into a published document.
import { readFileSync } from 'node:fs';
import Mustache, { type TemplateSpans } from 'mustache';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';

/** What a template may name: a value, an object of further names, or a list of values or of objects. */
export type FieldShape = 'value' | ViewShape | readonly ['value'] | readonly [ViewShape];
export interface ViewShape {
  readonly [key: string]: FieldShape;
}

type ShapeOfField<V> = V extends readonly (infer U)[]
  ? U extends object
    ? readonly [ShapeOf<U>]
    : readonly ['value']
  : V extends object
    ? ShapeOf<V>
    : 'value';
/** The shape of a view type, written out once beside the type; the compiler keeps the two in step. */
export type ShapeOf<T> = { readonly [K in keyof T]-?: ShapeOfField<NonNullable<T[K]>> };

export interface CheckedTemplate {
  file: string;
  source: string;
}

type Frame = ViewShape | 'value';

function position(source: string, index: number): string {
  const before = source.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/** The shape a dotted name resolves to from the innermost context outwards, as Mustache looks it up. */
function resolve(name: string, stack: Frame[]): FieldShape | undefined {
  if (name === '.') return stack[stack.length - 1];
  const [first, ...rest] = name.split('.');
  let found: FieldShape | undefined;
  for (let i = stack.length - 1; i >= 0 && found === undefined; i--) {
    const frame = stack[i];
    if (frame !== 'value' && frame !== undefined && Object.hasOwn(frame, first!)) found = frame[first!];
  }
  for (const segment of rest) {
    if (found === undefined || found === 'value' || Array.isArray(found)) return undefined;
    const object = found as ViewShape;
    found = Object.hasOwn(object, segment) ? object[segment] : undefined;
  }
  return found;
}

function sectionFrame(shape: FieldShape): Frame {
  if (shape === 'value') return 'value';
  if (Array.isArray(shape)) return shape[0] as Frame;
  return shape as ViewShape;
}

function checkTokens(
  tokens: TemplateSpans,
  stack: Frame[],
  at: (index: number) => string,
  issues: ErrorIssue[],
): void {
  for (const token of tokens) {
    const [type, name, start] = token as [string, string, number, number, TemplateSpans?];
    const children = (token as unknown[])[4] as TemplateSpans | undefined;
    if (type === 'text' || type === '!' || type === '=') continue;
    if (type === '&') {
      issues.push({
        path: at(start),
        message: `unescaped output of «${name}» ({{{…}}} or {{&…}}) is not allowed: every register text is escaped`,
      });
      continue;
    }
    if (type === '>') {
      issues.push({ path: at(start), message: `partials ({{> ${name}}}) are not supported` });
      continue;
    }
    const shape = resolve(name, stack);
    if (shape === undefined) {
      issues.push({ path: at(start), message: `unknown field «${name}»` });
      continue;
    }
    if (type === 'name' && shape !== 'value') {
      issues.push({ path: at(start), message: `«${name}» is a list or a group: use it as a section` });
    }
    if (type === '#') checkTokens(children ?? [], [...stack, sectionFrame(shape)], at, issues);
    if (type === '^') checkTokens(children ?? [], stack, at, issues);
  }
}

/** Reads a template and checks it against the view's shape; throws `template_invalid` naming file:line:column. */
export function loadTemplate(file: string, shape: ViewShape): CheckedTemplate {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new DomainError(ErrorCodes.TEMPLATE_INVALID, `Template ${file} cannot be read`, { cause });
  }
  const at = (index: number) => `${file}:${position(source, index)}`;
  let tokens: TemplateSpans;
  try {
    tokens = Mustache.parse(source);
  } catch (cause) {
    // Mustache reports "Unclosed section "x" at 1234": the number is an offset into the file.
    const message = cause instanceof Error ? cause.message : String(cause);
    const offset = /at (\d+)$/.exec(message);
    const path = offset ? at(Number(offset[1])) : file;
    throw new DomainError(ErrorCodes.TEMPLATE_INVALID, `${path}: ${message}`, {
      issues: [{ path, message }],
      cause,
    });
  }
  const issues: ErrorIssue[] = [];
  checkTokens(tokens, [shape], at, issues);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new DomainError(
      ErrorCodes.TEMPLATE_INVALID,
      `${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { issues },
    );
  }
  return { file, source };
}

/** Renders a checked template; Mustache HTML-escapes every value it inserts. */
export function renderTemplate(template: CheckedTemplate, view: object): string {
  return Mustache.render(template.source, view);
}
