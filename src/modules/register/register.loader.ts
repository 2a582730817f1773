// Loads a register YAML file and validates it in three layers — YAML syntax, the schema, then meaning and
// the jurisdiction's law — reporting every problem as file:line:column so the operator can fix the file
// in one pass. Errors throw a DomainError(REGISTER_INVALID); warnings come back with the register.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, type Node, parseDocument, type Document as YamlDocument } from 'yaml';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import { loadProfile } from '../jurisdiction/profiles.js';
import { validateAgainstJurisdiction } from './register.jurisdiction.js';
import { type JurisdictionCode, type Register, register as registerSchema } from './register.schema.js';
import { describeZodIssue, type RegisterPath } from './register.schema-messages.js';
import { type RegisterFinding, validateRegisterSemantics } from './register.validate.js';

export interface LoadedRegister {
  register: Register;
  warnings: ErrorIssue[];
}

export interface RegisterLoadOptions {
  /** The law to hold the register against; by default profiles/<jurisdiction>.yaml. */
  profile?: JurisdictionProfile | ((code: JurisdictionCode) => JurisdictionProfile);
}

const SCHEMA_RULE = 'schema';
const YAML_RULE = 'yaml-syntax';

/** Hints for the YAML mistakes people make most when writing prose into a register. */
const yamlHints: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a ": " inside an unquoted value starts a mapping — put the value in quotes',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line — check the indentation of the line above',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check that items of one mapping or list start at the same column',
  DUPLICATE_KEY: 'the same key appears twice in one mapping',
  MISSING_CHAR: 'a quote or bracket is not closed',
};

/** Finds where a path is in the YAML source, falling back to the nearest parent that exists. */
class SourcePositions {
  constructor(
    private readonly doc: YamlDocument,
    private readonly lines: LineCounter,
  ) {}

  offsetOf(path: RegisterPath, key?: string): number {
    if (key !== undefined) {
      const parent = this.doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return keyNode.range[0];
      }
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      const range = (node as Node | null | undefined)?.range;
      if (range) return range[0];
    }
    return 0;
  }

  lineColumn(path: RegisterPath, key?: string): string {
    const { line, col } = this.lines.linePos(this.offsetOf(path, key));
    return `${line}:${col}`;
  }
}

function invalid(fileName: string, issues: ErrorIssue[], warnings: ErrorIssue[] = []): DomainError {
  return new DomainError(
    ErrorCodes.REGISTER_INVALID,
    `Реестр ${fileName} содержит ошибки (${issues.length}). Register ${fileName} is invalid.`,
    { issues, details: { file: fileName, warnings } },
  );
}

function resolveProfile(code: JurisdictionCode, option: RegisterLoadOptions['profile']): JurisdictionProfile {
  if (option === undefined) return loadProfile(code);
  return typeof option === 'function' ? option(code) : option;
}

/**
 * Parses and validates register text. `fileName` is used only in positions (`file:line:column`), so pass
 * the path the way the user wrote it.
 */
export function parseRegister(
  text: string,
  fileName: string,
  options: RegisterLoadOptions = {},
): LoadedRegister {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${fileName}:${line}:${col}`;
  };

  if (doc.errors.length > 0) {
    throw invalid(
      fileName,
      doc.errors.map((e) => {
        const hint = yamlHints[e.code];
        return {
          path: at(e.pos[0]),
          message: `YAML: ${e.message}${hint ? ` (${hint})` : ''}`,
          rule: YAML_RULE,
        };
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // Unresolvable aliases and alias bombs surface only when the document is turned into data.
    throw invalid(fileName, [{ path: at(0), message: `YAML: ${(error as Error).message}`, rule: YAML_RULE }]);
  }

  const positions = new SourcePositions(doc, lines);
  const parsed = registerSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) =>
      describeZodIssue(registerSchema, data, issue).map((problem) => ({
        path: `${fileName}:${positions.lineColumn(problem.at, problem.key)}`,
        message: problem.message,
        rule: SCHEMA_RULE,
      })),
    );
    throw invalid(fileName, sortByPosition(issues));
  }

  const register = parsed.data;
  const findings: RegisterFinding[] = validateRegisterSemantics(register, {
    locate: (path) => positions.lineColumn(path),
  });
  try {
    findings.push(
      ...validateAgainstJurisdiction(
        register,
        resolveProfile(register.operator.jurisdiction, options.profile),
      ),
    );
  } catch (error) {
    findings.push({
      severity: 'error',
      at: ['operator', 'jurisdiction'],
      message: `the jurisdiction profile for ${register.operator.jurisdiction} cannot be loaded, so the register cannot be held against its law: ${(error as Error).message}`,
      rule: 'jurisdiction-profile',
    });
  }

  const toIssue = (f: RegisterFinding): ErrorIssue => ({
    path: `${fileName}:${positions.lineColumn(f.at)}`,
    message: f.message,
    rule: f.rule,
  });
  const errors = sortByPosition(findings.filter((f) => f.severity === 'error').map(toIssue));
  const warnings = sortByPosition(findings.filter((f) => f.severity === 'warning').map(toIssue));
  if (errors.length > 0) throw invalid(fileName, errors, warnings);
  return { register, warnings };
}

/** Reads and validates a register file; an unreadable file is a CONFIG_INVALID error, not a register error. */
export function loadRegisterFile(path: string, options: RegisterLoadOptions = {}): LoadedRegister {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DomainError(
      ErrorCodes.CONFIG_INVALID,
      `Не удалось прочитать файл реестра ${path}: ${(error as Error).message}. Cannot read the register file.`,
      { issues: [{ path, message: (error as NodeJS.ErrnoException).code ?? 'unreadable' }], cause: error },
    );
  }
  return parseRegister(text, path, options);
}

function positionKey(path: string): [number, number] {
  const match = /:(\d+):(\d+)$/.exec(path);
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

function sortByPosition(issues: ErrorIssue[]): ErrorIssue[] {
  return issues
    .map((issue, index) => ({ issue, index, key: positionKey(issue.path) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((x) => x.issue);
}

/**
 * Issues as printable lines: `file:line:column  message  [rule]`. Warnings are marked, Russian first,
 * so they read apart from errors when both are printed.
 */
export function formatRegisterIssues(issues: ErrorIssue[], severity: 'error' | 'warning' = 'error'): string {
  const mark = severity === 'warning' ? 'предупреждение / warning: ' : '';
  return issues.map((i) => `${i.path}  ${mark}${i.message}${i.rule ? `  [${i.rule}]` : ''}`).join('\n');
}
