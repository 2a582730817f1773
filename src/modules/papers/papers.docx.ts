// A paper as DOCX: the template (the shipped templates/papers/<paper>.<lang>.docx, or the operator's own with
// their letterhead in the configured templates folder) filled with the paper's view by docxtemplater. Tags are
// logic-less ({operator_name}; {#purposes}…{/purposes} repeats a table row). A template that is not a DOCX,
// has no word/document.xml, breaks the tag syntax or names a tag the view does not have fails with
// `template_invalid`, naming the file and each problem; nothing is rendered from it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Docxtemplater, { type DXT } from 'docxtemplater';
import PizZip from 'pizzip';
import { DomainError, ErrorCodes, type ErrorIssue } from '../../lib/errors.js';
import { fromPackageRoot } from '../../lib/paths.js';
import type { PaperId, PaperLang } from './papers.content.js';
import { loopFields, type PaperView, templateData } from './papers.view.js';

export const defaultPaperTemplatesDir = fromPackageRoot('templates');

export interface PaperTemplate {
  /** The file read. */
  file: string;
  /** How errors name it: papers/<paper>.<lang>.docx, and whether it is the operator's or the shipped one. */
  name: string;
  replaced: boolean;
}

/** The operator's template for this paper when their folder has one, else the shipped default. */
export function paperTemplate(paper: PaperId, lang: PaperLang, templatesDir?: string): PaperTemplate {
  const name = `papers/${paper}.${lang}.docx`;
  if (templatesDir) {
    const own = join(templatesDir, name);
    if (existsSync(own)) return { file: own, name, replaced: true };
  }
  return { file: join(defaultPaperTemplatesDir, name), name, replaced: false };
}

function invalid(template: PaperTemplate, problems: string[]): DomainError {
  const where = template.replaced ? 'в папке шаблонов оператора' : 'поставляемый с Amanat';
  return new DomainError(
    ErrorCodes.TEMPLATE_INVALID,
    `Шаблон ${template.name} (${where}) не годится: ${problems.join('; ')}. ` +
      `The DOCX template ${template.name} cannot be used: ${problems.join('; ')}.`,
    { issues: problems.map((message) => ({ path: template.name, message }) satisfies ErrorIssue) },
  );
}

interface TemplateErrorLike {
  properties?: {
    id?: string;
    explanation?: string;
    xtag?: string;
    errors?: TemplateErrorLike[];
  };
  message?: string;
}

/** docxtemplater's errors (one, or many at once) as one line each. */
function syntaxProblems(error: unknown): string[] {
  const e = error as TemplateErrorLike;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  return list.map((x) => {
    const text = x.properties?.explanation ?? x.message ?? String(x);
    return `ошибка в тегах / tag syntax: ${text}`;
  });
}

interface Part {
  type: string;
  value?: string;
  subparsed?: Part[];
}

/**
 * Collects every tag of the compiled templates with the loops it stands in (docxtemplater's InspectModule
 * would, but it needs lodash): a module that keeps each file's parsed parts.
 */
function tagCollector() {
  const files = new Map<string, Part[]>();
  let current = '';
  const module = {
    name: 'PaperTagCollector',
    set(obj: { inspect?: { filePath?: string; postparsed?: Part[] } }) {
      if (obj.inspect?.filePath) current = obj.inspect.filePath;
      if (obj.inspect?.postparsed) files.set(current, obj.inspect.postparsed);
    },
  };
  /** Tags by name; a loop's entry holds its inner tags. */
  function tags(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    const walk = (parts: Part[], into: Record<string, Record<string, unknown>>) => {
      for (const part of parts) {
        if (part.type !== 'placeholder' || part.value === undefined) continue;
        into[part.value] ??= {};
        const entry = into[part.value] as Record<string, Record<string, unknown>>;
        if (part.subparsed) walk(part.subparsed, entry);
      }
    };
    for (const parts of files.values()) walk(parts, out);
    return out;
  }
  return { module, tags };
}

/** Tags the template names that the view does not have (a loop's inner tags against its items). */
function unknownTags(tags: Record<string, unknown>, view: PaperView): string[] {
  const problems: string[] = [];
  for (const [tag, inner] of Object.entries(tags)) {
    const children = Object.keys((inner ?? {}) as object);
    if (tag in view.loops) {
      const known = new Set<string>(loopFields[tag as keyof typeof loopFields]);
      for (const child of children) {
        if (!known.has(child) && !(child in view.scalars)) {
          problems.push(`неизвестный тег / unknown tag «${tag}.${child}»`);
        }
      }
    } else if (!(tag in view.scalars)) {
      problems.push(`неизвестный тег / unknown tag «${tag}»`);
    } else if (children.length > 0) {
      problems.push(`«${tag}» — значение, а не список / a value, not a list to repeat`);
    }
  }
  return problems;
}

/** Opens and checks the template; throws template_invalid naming the file and the problems. */
function compile(template: PaperTemplate, view: PaperView): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(readFileSync(template.file));
  } catch {
    throw invalid(template, ['не DOCX-файл (не ZIP-архив) / not a DOCX file (not a ZIP archive)']);
  }
  if (zip.file('word/document.xml') === null) {
    throw invalid(template, ['в архиве нет word/document.xml / the archive has no word/document.xml']);
  }
  const collector = tagCollector();
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      // Its own console dump (stack traces with the server's paths) is off: the error is answered as ours.
      errorLogging: false,
      modules: [collector.module as unknown as DXT.Module],
    });
  } catch (error) {
    throw invalid(template, syntaxProblems(error));
  }
  const problems = unknownTags(collector.tags(), view);
  if (problems.length > 0) throw invalid(template, problems);
  return doc;
}

/** The paper's DOCX from its template filled with the view. */
export function renderPaperDocx(template: PaperTemplate, view: PaperView): Buffer {
  const doc = compile(template, view);
  try {
    doc.render(templateData(view));
  } catch (error) {
    throw invalid(template, syntaxProblems(error));
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

/** Checks a template without rendering (the tags against the view). */
export function checkPaperTemplate(template: PaperTemplate, view: PaperView): void {
  compile(template, view);
}

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
