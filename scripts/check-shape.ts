// The shape rules that review alone would not hold (docs/ARCHITECTURE.md, "Who owns which table"):
// 1. a module's SQL writes only the tables it owns (declared in its own *.table.ts); a write to another
//    module's table goes through a function of the owner that takes the caller's transaction;
//    entry points (src/http, src/cli, src/jobs, src/app) write no table at all;
// 2. no function has more than 80 lines of its own (nested functions counted apart) unless the comment
//    above it says why it is kept whole.
// Run: `npx tsx scripts/check-shape.ts [path-prefix…]`; test/shape.test.ts runs the same checks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const MAX_OWN_LINES = 80;
const KEPT_WHOLE = /kept whole/i;

export interface ShapeProblem {
  file: string;
  line: number;
  message: string;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

const parse = (path: string) =>
  ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);

/** Module folder of a file under src/modules, or the entry-point area (`http`, `cli`, …) for other files. */
function areaOf(root: string, path: string): string {
  const parts = relative(join(root, 'src'), path).split(sep);
  return parts[0] === 'modules'
    ? parts[1]!
    : `src/${parts.length > 1 ? parts[0] : parts[0]!.replace(/\.ts$/, '')}`;
}

/** table name → owning module, from the `pgTable('name'` / `schema.table('name'` declarations. */
export function tableOwners(root: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const path of listTs(join(root, 'src', 'modules'))) {
    if (!path.endsWith('.table.ts')) continue;
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/(?:pgTable|\.table)\(\s*'([a-z_]+)'/g))
      owners.set(m[1]!, areaOf(root, path));
  }
  return owners;
}

/** Every string and template literal of a file with its line (comments are not SQL). */
function literals(source: ts.SourceFile): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => ` \${} ${s.literal.text}`)].join('');
      out.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

// `FOR UPDATE`, `FOR NO KEY UPDATE`, `DO UPDATE SET` are not writes of a named table.
const WRITE =
  /(?<!\b(?:FOR|KEY|DO)\s+)\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:"?([a-z_]+)"?\.)?"?([a-z_]+)"?/gi;

export function checkOwnership(root: string): ShapeProblem[] {
  const owners = tableOwners(root);
  const problems: ShapeProblem[] = [];
  for (const path of listTs(join(root, 'src'))) {
    if (path.includes(`${sep}db${sep}`)) continue; // migrations and store set-up write every table by design
    const area = areaOf(root, path);
    const source = parse(path);
    for (const { text, line } of literals(source)) {
      for (const m of text.matchAll(WRITE)) {
        const table = m[3]!.toLowerCase();
        const owner = owners.get(table);
        if (!owner || owner === area) continue;
        problems.push({
          file: relative(root, path),
          line,
          message: `${area} writes ${table} (${m[1]!.toUpperCase().replace(/\s+/g, ' ')}), owned by ${owner}: call a function of ${owner} that takes the transaction`,
        });
      }
    }
  }
  return problems;
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration;

const isFunction = (n: ts.Node): n is FunctionNode =>
  ts.isFunctionDeclaration(n) ||
  ts.isFunctionExpression(n) ||
  ts.isArrowFunction(n) ||
  ts.isMethodDeclaration(n) ||
  ts.isConstructorDeclaration(n);

function nameOf(n: FunctionNode): string {
  if (n.name) return n.name.getText();
  const parent = n.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}`;
  return '<anonymous>';
}

/** The comment that says why a long function stays whole: above it, or above its `const x =` statement. */
function leadingComment(source: ts.SourceFile, n: FunctionNode): string {
  let holder: ts.Node = n;
  while (holder.parent && !ts.isSourceFile(holder.parent) && !ts.isBlock(holder.parent)) {
    if (ts.isVariableStatement(holder) || ts.isExpressionStatement(holder)) break;
    holder = holder.parent;
  }
  const text = source.getFullText();
  return (ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [])
    .map((r) => text.slice(r.pos, r.end))
    .join('\n');
}

export function checkFunctionLengths(root: string): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  for (const path of listTs(join(root, 'src'))) {
    const source = parse(path);
    const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
    const span = (n: ts.Node) => lineOf(n.getEnd()) - lineOf(n.getStart()) + 1;
    const visit = (node: ts.Node) => {
      if (isFunction(node)) {
        let nested = 0;
        const subtract = (child: ts.Node) => {
          if (isFunction(child)) nested += span(child);
          else ts.forEachChild(child, subtract);
        };
        ts.forEachChild(node, subtract);
        const own = span(node) - nested;
        if (own > MAX_OWN_LINES && !KEPT_WHOLE.test(leadingComment(source, node))) {
          problems.push({
            file: relative(root, path),
            line: lineOf(node.getStart()) + 1,
            message: `${nameOf(node)}: ${own} lines of its own (limit ${MAX_OWN_LINES}): cut it at a seam, or say above it why it is kept whole`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const root = join(import.meta.dirname, '..');
  const prefixes = process.argv.slice(2);
  const problems = [...checkOwnership(root), ...checkFunctionLengths(root)].filter(
    (p) => prefixes.length === 0 || prefixes.some((prefix) => p.file.startsWith(prefix)),
  );
  for (const p of problems) console.log(`${p.file}:${p.line}  ${p.message}`);
  console.log(problems.length === 0 ? 'shape: ok' : `shape: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
