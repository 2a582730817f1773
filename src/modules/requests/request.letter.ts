// The answer letter as PDF, in the subject's language, with the operator's details from the register.
// DejaVu Sans ships in assets/fonts: full Cyrillic including Kazakh letters, and Latin digits.
import { createPdf, ruDay as day } from '../../lib/pdf.js';
import { citationOf } from '../register/register.jurisdiction.js';
import { type Lang, localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { phrases, typeTitles } from './request.letter.phrases.js';
import type { AccessReport } from './request.report.js';
import type { RequestSummary } from './request.service.js';
import type { RequestOutcome } from './request.table.js';

const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // An image is data the subject holds a copy of; the letter names it rather than printing kilobytes of base64.
  return text.startsWith('data:image/') ? `[${text.slice(5, text.indexOf(';'))}]` : text;
};

/**
 * The request's deadline as the subject reads it: by the law's article and point, or — where the operator's
 * policy sets it, or the law ties no number to an article — as the operator's commitment under its policy.
 */
export function deadlineStatement(rules: RegisterRules, request: RequestSummary, lang: Lang): string {
  const t = phrases[lang];
  const due = day(new Date(`${request.dueDate}T12:00:00Z`), 'UTC');
  const { deadline } = request;
  if (deadline.source === 'law') return t.dueByLaw(due, citationOf(deadline.rule) ?? deadline.rule);
  const operator = localized(rules.register.operator.name, lang);
  return t.dueByPolicy(due, t.policy(operator, deadline.clause, rules.register.policy.version));
}

type Phrases = (typeof phrases)[Lang];

/** One letter being written: the document, its language's words, and the two text styles it uses. */
interface Page {
  doc: PDFKit.PDFDocument;
  rules: RegisterRules;
  lang: Lang;
  t: Phrases;
  tz: string;
  heading: (text: string, size?: number) => void;
  line: (text: string, size?: number) => void;
}

export async function renderLetter(input: {
  rules: RegisterRules;
  request: RequestSummary;
  recipient: { name?: string; email?: string; phone?: string };
  report?: AccessReport;
  now: Date;
}): Promise<Buffer> {
  const { rules, request } = input;
  const lang = request.language;
  const t = phrases[lang];
  const tz = rules.register.operator.timezone;
  const { doc, done } = createPdf({
    size: 'A4',
    margin: 56,
    info: {
      Title: t.answerTo(request.number, day(request.receivedAt, tz)),
      Author: localized(rules.register.operator.name, lang),
    },
  });
  const page: Page = {
    doc,
    rules,
    lang,
    t,
    tz,
    heading: (text, size = 11) => doc.font('bold').fontSize(size).text(text).moveDown(0.3),
    line: (text, size = 10) => doc.font('body').fontSize(size).text(text),
  };

  writeHeading(page, input);
  const outcome = request.outcome;
  if (request.status === 'refused' && outcome?.refusal) writeRefusal(page, outcome.refusal);
  else if (input.report) writeReport(page, input.report);
  else if (outcome) writeOutcome(page, request, outcome);
  writeSignature(page);
  doc.end();
  return done;
}

/** The operator's details, the addressee and date, what the letter answers and by when. */
function writeHeading(
  page: Page,
  input: { request: RequestSummary; recipient: { name?: string; email?: string; phone?: string }; now: Date },
) {
  const { doc, rules, lang, t, tz, heading, line } = page;
  const { request } = input;
  const op = rules.register.operator;
  doc.font('bold').fontSize(12).text(localized(op.name, lang));
  line(`${t.binIin}: ${op.bin_iin}`, 9);
  line(localized(op.address, lang), 9);
  line(`${op.email}${op.phone ? `, ${op.phone}` : ''}`, 9);
  doc.moveDown();
  const to = [input.recipient.name, input.recipient.email ?? input.recipient.phone]
    .filter(Boolean)
    .join(', ');
  line(`${t.to}: ${to}`);
  line(day(input.now, tz));
  doc.moveDown();
  heading(t.answerTo(request.number, day(request.receivedAt, tz)), 13);
  heading(typeTitles[lang][request.type]);
  line(deadlineStatement(rules, request, lang), 9);
  doc.moveDown(0.5);
}

function writeRefusal(page: Page, refusal: { reason: string; rule?: string }) {
  const { t, line } = page;
  line(t.refused);
  line(`${t.reason}: ${refusal.reason}`);
  if (refusal.rule) line(`${t.rule}: ${refusal.rule}`);
}

/** An information or access request: what is held, purpose by purpose, and the consents given. */
function writeReport(page: Page, report: AccessReport) {
  const { doc, t, tz, heading, line } = page;
  if (report.noDataHeld) {
    line(t.noData);
    return;
  }
  line(t.heldIntro);
  doc.moveDown(0.5);
  if (report.subject?.identities.length) {
    heading(t.identities, 10);
    for (const i of report.subject.identities) line(`• ${i.kind}${i.value ? `: ${i.value}` : ''}`, 9);
    doc.moveDown(0.5);
  }
  for (const p of report.purposes) writeReportPurpose(page, p);
  if (report.consents.length) {
    heading(t.consents, 10);
    for (const c of report.consents) {
      const title = report.purposes.find((p) => p.id === c.purpose)?.title ?? c.purpose;
      const status =
        c.status === 'active' ? t.active : t.withdrawn(c.withdrawnAt ? day(c.withdrawnAt, tz) : '');
      line(`• ${t.consentLine(title, day(c.grantedAt, tz), status)}`, 9);
    }
  }
}

function writeReportPurpose(page: Page, p: AccessReport['purposes'][number]) {
  const { doc, t, tz, heading, line } = page;
  heading(`${t.purpose}: ${p.number ? `${p.number}. ` : ''}${p.title}`, 10);
  line(`${t.legalBases}: ${p.legalBases.map((b) => b.reference).join('; ')}`, 9);
  line(
    `${t.processing}: ${t.processingTypes[p.processing as keyof typeof t.processingTypes] ?? p.processing}`,
    9,
  );
  line(`${t.retention}: ${p.retention}`, 9);
  for (const v of p.values) {
    const value = 'value' in v ? `: ${show(v.value)}` : '';
    const marked = v.destroyBy ? `; ${t.markedUntil} ${day(v.destroyBy, tz)}` : '';
    line(
      `• ${v.label}${value} (${t.source}: ${v.source}; ${t.collected}: ${day(v.collectedAt, tz)}${marked})`,
      9,
    );
  }
  line(
    `${t.recipients}: ${p.recipients.length ? p.recipients.map((r) => `${r.name} (${r.country})`).join('; ') : t.noRecipients}`,
    9,
  );
  doc.moveDown(0.5);
}

/** Any other request: what was done, and the destruction it scheduled or its act. */
function writeOutcome(page: Page, request: RequestSummary, outcome: RequestOutcome) {
  const { rules, lang, t, tz, line } = page;
  const labels = (ids: string[] = []) =>
    ids.map((id) => (rules.field(id) ? localized(rules.field(id)!.labels, lang) : id)).join(', ');
  const purposeTitles = (ids: string[] = []) =>
    ids.map((id) => localized(rules.purpose(id).title, lang)).join('; ');
  switch (outcome.summary) {
    case 'no_data_held':
      line(t.noData);
      break;
    case 'rectified':
      line(t.rectified(labels(outcome.fields)));
      break;
    case 'blocked':
    case 'already_blocked':
      line(t.blocked);
      break;
    case 'unblocked':
    case 'not_blocked':
      line(t.unblocked);
      break;
    case 'nothing_to_destroy':
    case 'no_live_consent':
      line(t.nothing);
      break;
    case 'consent_withdrawn':
      line(t.withdrawnConsents(purposeTitles(outcome.purposes)));
      break;
    default:
      if (request.type === 'objection_automated_decision') line(`${t.decision}: ${outcome.summary}`);
  }
  if (outcome.pendingDestruction) {
    line(t.scheduled(labels(outcome.pendingDestruction.fields), day(outcome.pendingDestruction.by, tz)));
  }
  if (outcome.destruction) {
    const d = outcome.destruction;
    line(t.destroyed(labels(d.fields), day(d.at, tz), d.actNumber));
  }
}

/** The person responsible for personal data, who signs for the operator. */
function writeSignature(page: Page) {
  const { doc, line } = page;
  const person = page.rules.register.operator.responsible_person;
  doc.moveDown(2);
  line(`${page.t.responsible}: ${person.name}${person.position ? `, ${person.position}` : ''}`, 9);
  line(person.email, 9);
}
