// The answer letter as PDF, in the subject's language, with the operator's details from the register.
// Laid out by the one PDF engine (src/lib/documents-pdf.ts) in DejaVu Sans: Kazakh letters included.

import { ruDay as day } from '../../lib/document-dates.js';
import { type Content, renderPdf } from '../../lib/documents-pdf.js';
import { citeArticle, localizeCitation } from '../jurisdiction/citation.js';
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
  if (deadline.source === 'law') {
    const citation = citationOf(deadline.rule) ?? deadline.rule;
    return t.dueByLaw(due, localizeCitation(rules.profile.subject_rights, citation, lang));
  }
  const operator = localized(rules.register.operator.name, lang);
  return t.dueByPolicy(due, t.policy(operator, deadline.clause, rules.register.policy.version));
}

type Phrases = (typeof phrases)[Lang];

/** One letter being written: its language's words and the content blocks it collects for the engine. */
interface Page {
  rules: RegisterRules;
  lang: Lang;
  t: Phrases;
  tz: string;
  body: Content[];
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
  const body: Content[] = [];
  const page: Page = {
    rules,
    lang,
    t,
    tz,
    body,
    heading: (text, size = 11) => body.push({ text, bold: true, fontSize: size, margin: [0, 4, 0, 3] }),
    line: (text, size = 10) => body.push({ text, fontSize: size, margin: [0, 0, 0, 2] }),
  };

  writeHeading(page, input);
  const outcome = request.outcome;
  if (request.status === 'refused' && outcome?.refusal) writeRefusal(page, outcome.refusal);
  else if (input.report) writeReport(page, input.report);
  else if (outcome) writeOutcome(page, request, outcome);
  writeComplaint(page);
  writeSignature(page);
  return renderPdf({
    title: t.answerTo(request.number, day(request.receivedAt, tz)),
    lang,
    content: body,
    createdAt: input.now,
  });
}

/**
 * What the letter answers under: when the request arrived and its number, the article of the right it
 * exercises, and the deadline with its basis — every citation in the letter's language.
 */
function writeRequestFacts(page: Page, request: RequestSummary) {
  const { rules, lang, t, tz, line } = page;
  line(t.received(request.number, day(request.receivedAt, tz)), 9);
  const rights = rules.profile.subject_rights;
  const article = rights?.by_request[request.type];
  if (rights && article) line(t.answersUnder(citeArticle(rights, article, lang)), 9);
  line(deadlineStatement(rules, request, lang), 9);
}

/** The operator's details, the addressee and date, what the letter answers and by when. */
function writeHeading(
  page: Page,
  input: { request: RequestSummary; recipient: { name?: string; email?: string; phone?: string }; now: Date },
) {
  const { rules, lang, t, tz, body, heading, line } = page;
  const { request } = input;
  const op = rules.register.operator;
  body.push({ text: localized(op.name, lang), bold: true, fontSize: 12 });
  line(`${t.binIin}: ${op.bin_iin}`, 9);
  line(localized(op.address, lang), 9);
  line(`${op.email}${op.phone ? `, ${op.phone}` : ''}`, 9);
  body.push({ text: '', margin: [0, 0, 0, 10] });
  const to = [input.recipient.name, input.recipient.email ?? input.recipient.phone]
    .filter(Boolean)
    .join(', ');
  line(`${t.to}: ${to}`);
  line(day(input.now, tz));
  body.push({ text: '', margin: [0, 0, 0, 10] });
  heading(t.answerTo(request.number, day(request.receivedAt, tz)), 13);
  heading(typeTitles[lang][request.type]);
  writeRequestFacts(page, request);
  body.push({ text: '', margin: [0, 0, 0, 6] });
}

function writeRefusal(page: Page, refusal: { reason: string; rule?: string }) {
  const { t, line } = page;
  line(t.refused);
  line(`${t.reason}: ${refusal.reason}`);
  if (refusal.rule) line(`${t.rule}: ${refusal.rule}`);
}

/** An information or access request: what is held, purpose by purpose, and the consents given. */
function writeReport(page: Page, report: AccessReport) {
  const { t, tz, body, heading, line } = page;
  if (report.noDataHeld) {
    line(t.noData);
    return;
  }
  line(t.heldIntro);
  if (report.subject?.identities.length) {
    heading(t.identities, 10);
    for (const i of report.subject.identities) line(`• ${i.kind}${i.value ? `: ${i.value}` : ''}`, 9);
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
  body.push({ text: '', margin: [0, 0, 0, 6] });
}

function writeReportPurpose(page: Page, p: AccessReport['purposes'][number]) {
  const { t, tz, heading, line } = page;
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

/** The subject's right to complain to the authorised body the jurisdiction profile names, or to a court. */
function writeComplaint(page: Page) {
  const { rules, lang, t, body, line } = page;
  const rights = rules.profile.subject_rights;
  if (!rights) return;
  body.push({ text: '', margin: [0, 0, 0, 8] });
  line(t.complaint(citeArticle(rights, rights.complaint.rule, lang)), 9);
  line(t.authority(localized(rights.complaint.authority, lang)), 9);
}

/** The person responsible for personal data, who signs for the operator. */
function writeSignature(page: Page) {
  const { body, line } = page;
  const person = page.rules.register.operator.responsible_person;
  body.push({ text: '', margin: [0, 0, 0, 20] });
  line(`${page.t.responsible}: ${person.name}${person.position ? `, ${person.position}` : ''}`, 9);
  line(person.email, 9);
}
