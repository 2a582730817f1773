// The operator's internal papers (Закон РК № 94-V, ст. 25: the person responsible for organising processing;
// the regulation, the list of data by purpose and the approved access list): gathers what each paper needs
// — the register, the jurisdiction profile, the approved access list from the access module — and renders
// it as DOCX (the operator's template when their folder has one) or PDF (the one engine).
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import type { AccessListDocument } from '../access/access-list.types.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { type PaperId, type PaperLang, paperContent, paperIds, paperLangs } from './papers.content.js';
import { DOCX_MEDIA_TYPE, paperTemplate, renderPaperDocx } from './papers.docx.js';
import { renderPaperPdf } from './papers.pdf.js';
import { buildPaperView } from './papers.view.js';

export const paperFormats = ['docx', 'pdf'] as const;
export type PaperFormat = (typeof paperFormats)[number];

export interface PaperInfo {
  id: PaperId;
  title: Record<PaperLang, string>;
  formats: PaperFormat[];
  langs: PaperLang[];
  /** Languages whose DOCX template is the operator's own (from the templates folder), not the shipped one. */
  replacedTemplates: PaperLang[];
}

export interface PaperFile {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** What the papers read from the access module: the approved list. */
export interface ApprovedAccessList {
  currentVersionId(): Promise<string | null>;
  document(versionId: string): Promise<AccessListDocument>;
}

function unknown(path: string, value: string, expected: readonly string[]): DomainError {
  return new DomainError(
    ErrorCodes.VALIDATION_FAILED,
    `Неизвестное значение ${path}: «${value}»; ожидается одно из: ${expected.join(', ')}. ` +
      `Unknown ${path} «${value}»; expected one of: ${expected.join(', ')}.`,
    { issues: [{ path, message: `expected one of: ${expected.join(', ')}` }] },
  );
}

export function createPaperService(deps: {
  rules: RegisterRules;
  access: ApprovedAccessList;
  /** The operator's templates folder (papers/<paper>.<lang>.docx there replaces the shipped template). */
  templatesDir?: string;
}) {
  const { rules, access, templatesDir } = deps;

  function list(): PaperInfo[] {
    return paperIds.map((id) => ({
      id,
      title: { ru: paperContent.ru[id].title, kk: paperContent.kk[id].title },
      formats: [...paperFormats],
      langs: [...paperLangs],
      replacedTemplates: paperLangs.filter((lang) => paperTemplate(id, lang, templatesDir).replaced),
    }));
  }

  async function approvedList(): Promise<AccessListDocument> {
    const id = await access.currentVersionId();
    if (!id) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        'Перечень лиц с доступом к персональным данным ещё не утверждён руководителем: нечего печатать. ' +
          'No access list has been approved by the head yet.',
        { issues: [{ path: 'paper', message: 'no approved access list' }] },
      );
    }
    return access.document(id);
  }

  /** One paper in one format and language. */
  async function make(paper: string, format: string = 'docx', lang: string = 'ru'): Promise<PaperFile> {
    if (!(paperIds as readonly string[]).includes(paper)) throw unknown('paper', paper, paperIds);
    if (!(paperFormats as readonly string[]).includes(format)) throw unknown('format', format, paperFormats);
    if (!(paperLangs as readonly string[]).includes(lang)) throw unknown('lang', lang, paperLangs);
    const id = paper as PaperId;
    const language = lang as PaperLang;
    const view = buildPaperView(id, language, {
      register: rules.register,
      profile: rules.profile,
      accessList: id === 'access-list' ? await approvedList() : undefined,
    });
    const filename = `${id}.${language}.${format}`;
    if (format === 'pdf') {
      return { filename, mediaType: 'application/pdf', bytes: await renderPaperPdf(id, language, view) };
    }
    const bytes = renderPaperDocx(paperTemplate(id, language, templatesDir), view);
    return { filename, mediaType: DOCX_MEDIA_TYPE, bytes };
  }

  return { list, make };
}

export type PaperService = ReturnType<typeof createPaperService>;
