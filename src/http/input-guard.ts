// One rule at the edge for every text a caller sends, before any route sees it: JSON bodies, query strings and the
// path. No NUL character (PostgreSQL refuses it in text, the request would fail as a 500), no lone UTF-16
// surrogate (not a character; it cannot be stored or e-mailed), no string longer than the limit, no field named
// __proto__, constructor or prototype, and JSON nested
// no deeper than the limit (a 10,000-deep value overflows the stack of whatever walks it later). A refusal is a 422
// naming the field; a body that is not JSON is a 400. Routes still set tighter limits of their own.
import type { MiddlewareHandler } from 'hono';
import { DomainError, ErrorCodes, type ErrorIssue } from '../lib/errors.js';

export interface InputLimits {
  /** Characters in any one string (keys included); 100,000 by default. */
  maxStringLength: number;
  /** Levels of arrays and objects in a JSON body; 32 by default. */
  maxDepth: number;
}

export const defaultInputLimits: InputLimits = { maxStringLength: 100_000, maxDepth: 32 };

// The media types Hono's JSON validator reads (application/json, application/*+json).
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Names that reach an object's prototype once assigned (`values.__proto__` would silently vanish, or worse): no field
// of the register or of the API has them, so a body naming one is refused rather than dropped.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with a string, or null. */
export function textProblem(value: string, limits: InputLimits = defaultInputLimits): string | null {
  if (value.length > limits.maxStringLength) {
    return `longer than ${limits.maxStringLength} characters (${value.length})`;
  }
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000), which text may not hold';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate, which is not a character';
  return null;
}

/**
 * The first problem in a parsed JSON value, walked without recursion (the value may be nested deeper than the
 * stack allows), with the path of the offending field as zod names paths (`contact.email`, `values.0`).
 */
export function jsonProblem(value: unknown, limits: InputLimits = defaultInputLimits): ErrorIssue | null {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const name = (path: (string | number)[]) => (path.length ? path.join('.') : 'body');
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value: v, path } = item;
    if (typeof v === 'string') {
      const problem = textProblem(v, limits);
      if (problem) return { path: name(path), message: problem };
    } else if (v !== null && typeof v === 'object') {
      if (path.length >= limits.maxDepth) {
        return {
          path: name(path),
          message: `nested deeper than ${limits.maxDepth} levels of arrays and objects`,
        };
      }
      const entries: [string | number, unknown][] = Array.isArray(v)
        ? v.map((element, index) => [index, element])
        : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, element] = entries[i]!;
        if (typeof key === 'string') {
          const problem = textProblem(key, limits);
          if (problem) return { path: name([...path, key]), message: `field name ${problem}` };
          if (RESERVED_KEYS.has(key)) {
            return {
              path: name([...path, key]),
              message: `имя поля «${key}» недопустимо / field name ${key} is reserved and not allowed`,
            };
          }
        }
        pending.push({ value: element, path: [...path, key] });
      }
    }
  }
  return null;
}

function refuse(issue: ErrorIssue): never {
  throw new DomainError(
    ErrorCodes.VALIDATION_FAILED,
    `Недопустимый текст в запросе: ${issue.path} — ${issue.message} / Text not allowed in the request: ` +
      `${issue.path} ${issue.message}`,
    { issues: [issue] },
  );
}

export function inputGuard(limits: InputLimits = defaultInputLimits): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const queryStart = url.indexOf('?');
    if (queryStart !== -1) {
      for (const [name, values] of Object.entries(c.req.queries())) {
        const nameProblem = textProblem(name, limits);
        if (nameProblem) refuse({ path: `query.${name}`, message: `parameter name ${nameProblem}` });
        for (const value of values) {
          const problem = textProblem(value, limits);
          if (problem) refuse({ path: `query.${name}`, message: problem });
        }
      }
    }
    // Hono has decoded the path's escapes (%00 is a NUL here); what it kept encoded is decoded once more.
    const path = c.req.path;
    let pathProblem = textProblem(path, limits);
    if (!pathProblem && path.includes('%')) {
      try {
        pathProblem = textProblem(decodeURIComponent(path), limits);
      } catch {
        // Not UTF-8 once decoded: no route matches such a path, which answers 404.
      }
    }
    if (pathProblem) refuse({ path: 'path', message: pathProblem });

    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && JSON_MEDIA_TYPE.test(mediaType)) {
      const text = await c.req.text();
      if (text.trim() !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Left to the route's validator, which answers 400 "not valid JSON" in the one error shape.
          return next();
        }
        const issue = jsonProblem(parsed, limits);
        if (issue) refuse(issue);
        // The route's validator reads this instead of parsing the body again.
        c.req.bodyCache.json = Promise.resolve(parsed);
      }
    }
    return next();
  };
}
