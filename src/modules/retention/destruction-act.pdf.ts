// The act of destruction as PDF on the one engine (src/lib/documents-pdf.ts), in Russian or Kazakh (LAW.md,
// "Destruction": RU Roskomnadzor Order No. 179; KZ uses the same fields), with the extract from the event log
// that an automated destruction requires. Tables repeat their header on each page and keep rows whole; the
// footer numbers the pages ("стр. N из M").

import { ruDateTime as dateTime, plainDay } from '../../lib/document-dates.js';
import { type Content, pdfHeading, pdfTable, renderPdf } from '../../lib/documents-pdf.js';
import { type ActTexts, actTexts } from './destruction-act.texts.js';
import type { ActPerformer, DestructionActData } from './destruction-act.types.js';

// Left-aligned: a justified line spreads "№ 94-V" apart at its hyphen.
const p = (text: string | Content[], extra: Record<string, unknown> = {}): Content =>
  ({ text, style: 'p', alignment: 'left', ...extra }) as Content;
const labelled = (label: string, value: string): Content =>
  p([{ text: `${label}: `, bold: true } as Content, value]);
const small = (text: string): Content => ({ text, fontSize: 8.5, margin: [0, 0, 0, 3] }) as Content;
/** A short section: its heading never stays alone at a page's foot, the section moves whole. */
const section = (title: string, ...body: Content[]): Content =>
  ({ stack: [pdfHeading(title, 2), ...body], unbreakable: true }) as Content;
const cell = (text: string | Content[], extra: Record<string, unknown> = {}): Content =>
  ({ text, ...extra }) as Content;

/** The operator's letterhead, the act's title, date, kind and the law it rests on. */
function header(act: DestructionActData, t: ActTexts): Content[] {
  return [
    { text: act.operator.name, bold: true, fontSize: 11 } as Content,
    small(`${t.binIin}: ${act.operator.binIin}`),
    small(act.operator.address),
    { text: '', margin: [0, 0, 0, 8] } as Content,
    pdfHeading(t.title(act.number), 1),
    { text: plainDay(act.date), alignment: 'center', margin: [0, 0, 0, 8] } as Content,
    labelled(t.kind, t.kinds[act.kind]),
    labelled(t.basis, act.basis),
  ];
}

/** Who: the operator, the processor (or that none took part), the subjects. */
function parties(act: DestructionActData, t: ActTexts): Content[] {
  const processors = act.processors.length
    ? act.processors
        .map((r) => `${r.name} (${r.country}${r.contractRef ? `; ${t.contract} ${r.contractRef}` : ''})`)
        .join('; ')
    : t.processorNone;
  const subjects: Content[] = [labelled(t.subjectsCount, String(act.subjects.count))];
  if (act.subjects.categories.length) {
    subjects.push(labelled(t.subjectCategories, act.subjects.categories.map((c) => c.title).join('; ')));
  }
  // Internal ids only: the act must not bring destroyed names back.
  if (act.subjects.ids?.length) {
    subjects.push(labelled(t.subjectIds, act.subjects.ids.join(', ')), small(t.subjectIdsNote));
  }
  return [
    section(
      t.operator,
      p(act.operator.name),
      labelled(t.binIin, act.operator.binIin),
      labelled(t.address, act.operator.address),
      labelled(t.processor, processors),
    ),
    // A request's or paper act lists few subjects; a sweep's names none (their categories and count instead).
    act.subjects.ids && act.subjects.ids.length > 20
      ? { stack: [pdfHeading(t.subjects, 2), ...subjects] }
      : section(t.subjects, ...subjects),
  ];
}

/** What was destroyed (categories with counts, purposes with their bases, systems, paper media). */
function contents(act: DestructionActData, t: ActTexts): Content[] {
  const content: Content[] = [
    pdfHeading(t.dataCategories, 2),
    pdfTable({
      header: [[t.category, t.values]],
      rows: act.dataCategories.map((c) => [cell(c.label), cell(String(c.values), { alignment: 'right' })]),
      widths: [5, 1],
    }),
  ];
  if (act.purposes.length) {
    content.push(
      pdfHeading(t.purposes, 2),
      pdfTable({
        header: [['№', t.purpose, t.legalBasis]],
        rows: act.purposes.map((x) => [
          cell(x.number ? String(x.number) : '—'),
          cell(x.title),
          cell((x.legalBases ?? []).join('; ') || '—'),
        ]),
        widths: [0.5, 3, 3],
      }),
    );
  }
  content.push(section(t.systems, p(act.informationSystems.map((s) => s.name).join('; ') || '—')));
  if (act.paper) {
    content.push(
      section(
        t.paper,
        pdfTable({
          header: [[t.media, t.pages]],
          rows: [[cell(act.paper.media), cell(String(act.paper.pages), { alignment: 'right' })]],
          widths: [5, 1],
        }),
      ),
    );
  }
  return content;
}

/** How, why and when, and the request it answers. */
function destruction(act: DestructionActData, t: ActTexts): Content[] {
  const reasons = act.reasons.map((r) => `${r.text} (${t.values.toLowerCase()}: ${r.values})`);
  const content: Content[] = [
    section(t.method, p(act.method)),
    section(t.reason, { ul: reasons, style: 'list' } as Content),
    section(t.date, p(plainDay(act.date))),
  ];
  if (act.request) {
    content.push(
      section(t.request, p(t.requestLine(act.request.number, plainDay(act.request.receivedDate)))),
    );
  }
  return content;
}

const blank = '____________________';
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One signer: name, position (or a blank to fill), why they sign, and the line to sign on. */
function signerRow(person: ActPerformer, t: ActTexts): Content[] {
  const role = person.role ? t.roles[person.role] : undefined;
  return [
    cell([
      { text: person.name, bold: true } as Content,
      ...(role ? [{ text: `\n${role}`, fontSize: 8 } as Content] : []),
    ]),
    person.position
      ? cell(person.position)
      : cell([blank, { text: `\n(${t.position.toLowerCase()}: ${t.fillIn})`, fontSize: 7.5 } as Content]),
    cell([`\n${blank}`, { text: `\n(${t.signature})`, fontSize: 7.5 } as Content], { alignment: 'center' }),
  ];
}

function signers(act: DestructionActData, t: ActTexts): Content[] {
  return [
    pdfHeading(t.performers, 2),
    pdfTable({
      header: [[t.fullName, t.position, capital(t.signature)]],
      rows: act.performedBy.map((person) => signerRow(person, t)),
      widths: [3, 2.2, 1.8],
    }),
  ];
}

/** The extract from the event log, with where the full one is and the chain's position at the act. */
function logExtract(act: DestructionActData, t: ActTexts, timeZone: string): Content[] {
  const { log } = act;
  const content: Content[] = [
    pdfHeading(t.log, 2),
    p(
      `${t.logEntries(log.entries)}${log.firstSeq !== null && log.lastSeq !== null ? `; ${t.logSeq(log.firstSeq, log.lastSeq)}` : ''}`,
    ),
  ];
  if (log.truncated) {
    content.push(
      p(t.logTruncated(log.lines.length, log.entries)),
      p(`GET /api/retention/acts/${act.id}/log`),
    );
  }
  if (act.auditPosition) {
    content.push(small(t.auditPosition(act.auditPosition.seq, act.auditPosition.hash)));
  }
  if (log.lines.length) {
    content.push(
      pdfTable({
        header: [t.logHeader.map((h) => cell(h))],
        rows: log.lines.map((l) => [
          cell(String(l.seq)),
          cell(dateTime(l.at, timeZone)),
          cell(l.subjectId),
          cell(
            `${l.fields.map((f) => f.label).join(', ')}; ${t.systemsShort}: ${l.informationSystems.join(', ') || '—'}`,
          ),
          cell([l.reason, { text: `\n${t.outcomes[l.outcome] ?? l.outcome}`, bold: true } as Content]),
        ]),
        // The subject's id (a UUID) has no place to wrap: its column is wide enough for one.
        widths: [30, 58, 168, 120, 123],
        fontSize: 7,
      }),
    );
  }
  return content;
}

/** The act in its language (`act.lang`): every fixed text from destruction-act.texts.ts. */
export async function renderDestructionActPdf(act: DestructionActData, timeZone: string): Promise<Buffer> {
  const t = actTexts[act.lang];
  return renderPdf({
    title: t.title(act.number),
    lang: act.lang,
    content: [
      ...header(act, t),
      ...parties(act, t),
      ...contents(act, t),
      ...destruction(act, t),
      ...signers(act, t),
      ...logExtract(act, t, timeZone),
      { text: '', margin: [0, 0, 0, 6] } as Content,
      small(`${t.completed}: ${dateTime(act.completedAt, timeZone)}`),
      small(t.keep(act.keepYears)),
    ],
  });
}
