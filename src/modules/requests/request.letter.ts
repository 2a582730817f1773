// The answer letter as PDF, in the subject's language, with the operator's details from the register.
// DejaVu Sans ships in assets/fonts: full Cyrillic including Kazakh letters, and Latin digits.
import { createPdf, ruDay as day } from '../../lib/pdf.js';
import { citationOf } from '../register/register.jurisdiction.js';
import { type Lang, localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import type { AccessReport } from './request.report.js';
import type { RequestSummary } from './request.service.js';
import type { RequestType } from './request.table.js';

const phrases = {
  ru: {
    operator: 'Оператор',
    binIin: 'БИН/ИИН',
    to: 'Кому',
    answerTo: (n: number, date: string) => `Ответ на обращение № ${n} от ${date}`,
    dueByLaw: (date: string, citation: string) => `Срок ответа — до ${date} (${citation}).`,
    dueByPolicy: (date: string, policy: string) =>
      `Срок ответа — до ${date}: срок, который оператор обязуется соблюдать (${policy}).`,
    policy: (operator: string, clause: string | undefined, version: string) =>
      `Политика обработки персональных данных ${operator}${clause ? `, п. ${clause}` : `, редакция ${version}`}`,
    noData: 'Оператор не обрабатывает персональные данные, относящиеся к вам: сведений о вас у нас нет.',
    heldIntro: 'Сообщаем сведения об обработке ваших персональных данных.',
    identities: 'Идентификаторы, по которым оператор вас находит',
    purpose: 'Цель обработки',
    legalBases: 'Правовые основания',
    processing: 'Способ обработки',
    retention: 'Срок хранения',
    field: 'Данные',
    value: 'Значение',
    source: 'Источник',
    collected: 'Получены',
    markedUntil: 'будут уничтожены до',
    recipients: 'Получатели',
    noRecipients: 'Персональные данные третьим лицам не передавались.',
    consents: 'Согласия',
    consentLine: (purpose: string, date: string, status: string) => `«${purpose}»: дано ${date}, ${status}`,
    active: 'действует',
    withdrawn: (date: string) => `отозвано ${date}`,
    rectified: (fields: string) => `Ваши персональные данные уточнены: ${fields}.`,
    blocked: 'Ваши персональные данные заблокированы: их обработка приостановлена до разблокирования.',
    unblocked: 'Ваши персональные данные разблокированы.',
    scheduled: (fields: string, date: string) =>
      `Персональные данные (${fields}) будут уничтожены не позднее ${date}; об уничтожении составляется акт.`,
    destroyed: (fields: string, date: string, act: number) =>
      `Персональные данные (${fields}) уничтожены ${date}. Акт об уничтожении № ${act} прилагается.`,
    withdrawnConsents: (purposes: string) =>
      `Ваше согласие отозвано по целям: ${purposes}. Обработка прекращается.`,
    nothing: 'Действий не потребовалось: данных, к которым относится обращение, у оператора нет.',
    refused: 'В удовлетворении обращения отказано.',
    reason: 'Причина',
    rule: 'Основание',
    decision: 'Решение по возражению',
    responsible: 'Лицо, ответственное за организацию обработки персональных данных',
    processingTypes: {
      automated: 'автоматизированная',
      mixed: 'смешанная',
      manual: 'без средств автоматизации',
    },
  },
  kk: {
    operator: 'Оператор',
    binIin: 'БСН/ЖСН',
    to: 'Кімге',
    answerTo: (n: number, date: string) => `${date} күнгі № ${n} өтінішке жауап`,
    dueByLaw: (date: string, citation: string) => `Жауап беру мерзімі — ${date} дейін (${citation}).`,
    dueByPolicy: (date: string, policy: string) =>
      `Жауап беру мерзімі — ${date} дейін: оператор сақтауға міндеттенетін мерзім (${policy}).`,
    policy: (operator: string, clause: string | undefined, version: string) =>
      `${operator} дербес деректерді өңдеу саясаты${clause ? `, ${clause}-тармақ` : `, ${version} редакциясы`}`,
    noData: 'Оператор сізге қатысты дербес деректерді өңдемейді: бізде сіз туралы мәліметтер жоқ.',
    heldIntro: 'Сіздің дербес деректеріңізді өңдеу туралы мәліметтерді хабарлаймыз.',
    identities: 'Оператор сізді табатын сәйкестендіргіштер',
    purpose: 'Өңдеу мақсаты',
    legalBases: 'Құқықтық негіздер',
    processing: 'Өңдеу тәсілі',
    retention: 'Сақтау мерзімі',
    field: 'Деректер',
    value: 'Мәні',
    source: 'Көзі',
    collected: 'Алынған күні',
    markedUntil: 'жойылады, мерзімі',
    recipients: 'Алушылар',
    noRecipients: 'Дербес деректер үшінші тұлғаларға берілмеген.',
    consents: 'Келісімдер',
    consentLine: (purpose: string, date: string, status: string) =>
      `«${purpose}»: ${date} берілген, ${status}`,
    active: 'қолданыста',
    withdrawn: (date: string) => `${date} кері қайтарылған`,
    rectified: (fields: string) => `Сіздің дербес деректеріңіз нақтыланды: ${fields}.`,
    blocked: 'Сіздің дербес деректеріңіз бұғатталды: оларды өңдеу бұғаттан шығарылғанға дейін тоқтатылды.',
    unblocked: 'Сіздің дербес деректеріңіз бұғаттан шығарылды.',
    scheduled: (fields: string, date: string) =>
      `Дербес деректер (${fields}) ${date} кешіктірілмей жойылады; жою туралы акт жасалады.`,
    destroyed: (fields: string, date: string, act: number) =>
      `Дербес деректер (${fields}) ${date} жойылды. № ${act} жою актісі қоса беріледі.`,
    withdrawnConsents: (purposes: string) =>
      `Сіздің келісіміңіз мына мақсаттар бойынша кері қайтарылды: ${purposes}.`,
    nothing: 'Әрекет қажет болмады: өтінішке қатысты деректер операторда жоқ.',
    refused: 'Өтінішті қанағаттандырудан бас тартылды.',
    reason: 'Себебі',
    rule: 'Негіздеме',
    decision: 'Қарсылық бойынша шешім',
    responsible: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға',
    processingTypes: {
      automated: 'автоматтандырылған',
      mixed: 'аралас',
      manual: 'автоматтандыру құралдарынсыз',
    },
  },
  en: {
    operator: 'Operator',
    binIin: 'BIN/IIN',
    to: 'To',
    answerTo: (n: number, date: string) => `Answer to request No. ${n} of ${date}`,
    dueByLaw: (date: string, citation: string) => `The answer is due by ${date} (${citation}).`,
    dueByPolicy: (date: string, policy: string) =>
      `The answer is due by ${date}: a deadline the operator commits to (${policy}).`,
    policy: (operator: string, clause: string | undefined, version: string) =>
      `${operator}'s personal data processing policy${clause ? `, clause ${clause}` : `, edition ${version}`}`,
    noData: 'The operator processes no personal data relating to you: we hold nothing about you.',
    heldIntro: 'Here is how your personal data is processed.',
    identities: 'Identifiers by which the operator finds you',
    purpose: 'Purpose',
    legalBases: 'Legal bases',
    processing: 'Processing',
    retention: 'Retention',
    field: 'Data',
    value: 'Value',
    source: 'Source',
    collected: 'Collected',
    markedUntil: 'to be destroyed by',
    recipients: 'Recipients',
    noRecipients: 'Your personal data has not been disclosed to third parties.',
    consents: 'Consents',
    consentLine: (purpose: string, date: string, status: string) => `"${purpose}": given ${date}, ${status}`,
    active: 'in force',
    withdrawn: (date: string) => `withdrawn ${date}`,
    rectified: (fields: string) => `Your personal data has been rectified: ${fields}.`,
    blocked: 'Your personal data has been blocked: processing is suspended until it is unblocked.',
    unblocked: 'Your personal data has been unblocked.',
    scheduled: (fields: string, date: string) =>
      `The personal data (${fields}) will be destroyed no later than ${date}; an act of destruction is drawn up.`,
    destroyed: (fields: string, date: string, act: number) =>
      `Your personal data (${fields}) was destroyed on ${date}. Destruction act No. ${act} is attached.`,
    withdrawnConsents: (purposes: string) =>
      `Your consent has been withdrawn for: ${purposes}. Processing stops.`,
    nothing: 'No action was needed: the operator holds no data the request concerns.',
    refused: 'The request has been refused.',
    reason: 'Reason',
    rule: 'Legal ground',
    decision: 'Decision on the objection',
    responsible: 'Person responsible for organising the processing of personal data',
    processingTypes: { automated: 'automated', mixed: 'mixed', manual: 'manual' },
  },
} as const;

const typeTitles: Record<Lang, Record<RequestType, string>> = {
  ru: {
    information: 'Сведения об обработке персональных данных',
    access: 'Доступ к персональным данным',
    rectification: 'Уточнение персональных данных',
    blocking: 'Блокирование персональных данных',
    unblocking: 'Разблокирование персональных данных',
    destruction: 'Уничтожение персональных данных',
    consent_withdrawal: 'Отзыв согласия на обработку персональных данных',
    objection_automated_decision: 'Возражение против автоматизированного решения',
    unclassified: 'Обращение',
  },
  kk: {
    information: 'Дербес деректерді өңдеу туралы мәліметтер',
    access: 'Дербес деректерге қол жеткізу',
    rectification: 'Дербес деректерді нақтылау',
    blocking: 'Дербес деректерді бұғаттау',
    unblocking: 'Дербес деректерді бұғаттан шығару',
    destruction: 'Дербес деректерді жою',
    consent_withdrawal: 'Дербес деректерді өңдеуге келісімді кері қайтару',
    objection_automated_decision: 'Автоматтандырылған шешімге қарсылық',
    unclassified: 'Өтініш',
  },
  en: {
    information: 'Information about the processing of personal data',
    access: 'Access to personal data',
    rectification: 'Rectification of personal data',
    blocking: 'Blocking of personal data',
    unblocking: 'Unblocking of personal data',
    destruction: 'Destruction of personal data',
    consent_withdrawal: 'Withdrawal of consent to the processing of personal data',
    objection_automated_decision: 'Objection to an automated decision',
    unclassified: 'Request',
  },
};

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
  const op = rules.register.operator;
  const { doc, done } = createPdf({
    size: 'A4',
    margin: 56,
    info: {
      Title: t.answerTo(request.number, day(request.receivedAt, tz)),
      Author: localized(op.name, lang),
    },
  });

  const heading = (text: string, size = 11) => doc.font('bold').fontSize(size).text(text).moveDown(0.3);
  const line = (text: string, size = 10) => doc.font('body').fontSize(size).text(text);

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

  const outcome = request.outcome;
  if (request.status === 'refused' && outcome?.refusal) {
    line(t.refused);
    line(`${t.reason}: ${outcome.refusal.reason}`);
    if (outcome.refusal.rule) line(`${t.rule}: ${outcome.refusal.rule}`);
  } else if (input.report) {
    const report = input.report;
    if (report.noDataHeld) {
      line(t.noData);
    } else {
      line(t.heldIntro);
      doc.moveDown(0.5);
      if (report.subject?.identities.length) {
        heading(t.identities, 10);
        for (const i of report.subject.identities) line(`• ${i.kind}${i.value ? `: ${i.value}` : ''}`, 9);
        doc.moveDown(0.5);
      }
      for (const p of report.purposes) {
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
  } else if (outcome) {
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

  doc.moveDown(2);
  line(
    `${t.responsible}: ${op.responsible_person.name}${op.responsible_person.position ? `, ${op.responsible_person.position}` : ''}`,
    9,
  );
  line(op.responsible_person.email, 9);
  doc.end();
  return done;
}
