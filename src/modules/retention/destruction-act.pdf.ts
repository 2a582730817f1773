// The act of destruction as PDF, in Russian (LAW.md, "Destruction": RU Roskomnadzor Order No. 179; KZ uses
// the same fields), with the extract from the event log that an automated destruction requires.
// Fonts and dates come from lib/pdf.ts (DejaVu Sans covers Kazakh letters too).
import { createPdf, ruDateTime as dateTime, plainDay } from '../../lib/pdf.js';
import type { DestructionActData, DestructionActKind } from './destruction-act.types.js';

const kinds: Record<DestructionActKind, string> = {
  sweep: 'плановое уничтожение по истечении сроков (автоматизированное)',
  request: 'уничтожение по обращению субъекта',
  paper: 'уничтожение бумажных носителей',
};

const outcomes: Record<string, string> = {
  destroyed: 'уничтожено',
  anonymised: 'обезличено',
  purpose_released: 'цель обработки прекращена',
};

/** The drawing helpers every part of the act uses: a bold heading, a body line, a section's heading. */
function writerOf(doc: ReturnType<typeof createPdf>['doc']) {
  const heading = (text: string, size = 11) => doc.font('bold').fontSize(size).text(text).moveDown(0.3);
  const line = (text: string, size = 10) => doc.font('body').fontSize(size).text(text);
  const section = (label: string) => {
    doc.moveDown(0.5);
    heading(label, 10);
  };
  return { doc, heading, line, section };
}

type Writer = ReturnType<typeof writerOf>;

/** The operator's letterhead, the act's title, date and kind. */
function writeHeader({ doc, heading, line }: Writer, act: DestructionActData, title: string) {
  doc.font('bold').fontSize(12).text(act.operator.name);
  line(`БИН/ИИН: ${act.operator.binIin}`, 9);
  line(act.operator.address, 9);
  doc.moveDown();
  heading(title, 13);
  line(plainDay(act.date));
  line(`Вид: ${kinds[act.kind]}`);
}

/** Who: the operator, the processor, the subjects. */
function writeParties({ doc, line, section }: Writer, act: DestructionActData) {
  section('Оператор');
  line(act.operator.name);
  line(`БИН/ИИН: ${act.operator.binIin}`);
  line(`Адрес: ${act.operator.address}`);
  doc.moveDown(0.3);
  line(
    act.processor
      ? `Обработчик (лицо, осуществляющее обработку по поручению оператора): ${act.processor.name}${act.processor.address ? `, ${act.processor.address}` : ''}`
      : 'Обработчик (лицо, осуществляющее обработку по поручению оператора): не привлекался',
  );

  section('Субъекты персональных данных');
  line(`Количество субъектов: ${act.subjects.count}`);
  if (act.subjects.categories.length) {
    line(`Категории субъектов: ${act.subjects.categories.map((c) => c.title).join('; ')}`);
  }
  // Internal ids only: the act must not bring destroyed names back.
  if (act.subjects.ids?.length) line(`Внутренние идентификаторы: ${act.subjects.ids.join(', ')}`);
}

/** What was destroyed, how, why and when, and the request it answers. */
function writeDestruction({ line, section }: Writer, act: DestructionActData) {
  section('Категории уничтоженных персональных данных');
  for (const c of act.dataCategories) line(`• ${c.label} (значений: ${c.values})`);

  section('Цели обработки');
  for (const p of act.purposes) line(`• ${p.number ? `${p.number}. ` : ''}${p.title}`);

  section('Информационная система персональных данных');
  line(act.informationSystems.map((s) => s.name).join('; ') || '—');

  if (act.paper) {
    section('Материальные (бумажные) носители');
    line(`Носители: ${act.paper.media}`);
    line(`Количество листов: ${act.paper.pages}`);
  }

  section('Способ уничтожения');
  line(act.method);

  section('Причина уничтожения');
  for (const r of act.reasons) line(`• ${r.text} (значений: ${r.values})`);

  section('Дата уничтожения');
  line(plainDay(act.date));

  if (act.request) {
    section('Обращение субъекта');
    line(`Обращение № ${act.request.number} от ${plainDay(act.request.receivedDate)}`);
  }
}

/** Who performed it, each with a line to sign. */
function writeSigners({ doc, line, section }: Writer, act: DestructionActData) {
  section('Уничтожение произвели');
  for (const p of act.performedBy) {
    line(`${p.name}${p.position ? `, ${p.position}` : ''}`);
    line('____________ (подпись)');
    doc.moveDown(0.3);
  }
}

/** The extract from the event log, with where the full one is and the chain's position at the act. */
function writeLogExtract({ doc, heading, line }: Writer, act: DestructionActData, timeZone: string) {
  doc.moveDown();
  heading('Выписка из журнала событий', 12);
  const { log } = act;
  line(
    `Записей: ${log.entries}${log.firstSeq !== null && log.lastSeq !== null ? `; порядковые номера: ${log.firstSeq}–${log.lastSeq}` : ''}`,
  );
  if (log.truncated) {
    line(
      `Выписка содержит первые ${log.lines.length} из ${log.entries} записей; полная выписка доступна в формате JSON через API:`,
    );
    line(`GET /api/retention/acts/${act.id}/log`);
  }
  if (act.auditPosition) {
    line(
      `Журнал аудита на момент составления акта: запись № ${act.auditPosition.seq}, контрольное значение ${act.auditPosition.hash}`,
    );
  }
  doc.moveDown(0.5);
  // One block per entry rather than fixed columns: pdfkit wraps each line within the page width and long
  // extracts simply flow onto the next pages.
  for (const l of log.lines) {
    doc
      .font('bold')
      .fontSize(9)
      .text(`№ ${l.seq} · ${dateTime(l.at, timeZone)} · субъект ${l.subjectId}`);
    line(
      `Данные: ${l.fields.map((f) => f.label).join(', ')}; информационные системы: ${l.informationSystems.join(', ') || '—'}; причина: ${l.reason}; результат: ${outcomes[l.outcome] ?? l.outcome}`,
      9,
    );
    doc.moveDown(0.3);
  }
}

export async function renderDestructionActPdf(act: DestructionActData, timeZone: string): Promise<Buffer> {
  const title = `Акт № ${act.number} об уничтожении персональных данных`;
  const { doc, done } = createPdf({
    size: 'A4',
    margin: 56,
    info: { Title: title, Author: act.operator.name },
  });
  const writer = writerOf(doc);
  writeHeader(writer, act, title);
  writeParties(writer, act);
  writeDestruction(writer, act);
  writeSigners(writer, act);
  writeLogExtract(writer, act, timeZone);
  doc.moveDown();
  writer.line(`Акт составлен: ${dateTime(act.completedAt, timeZone)}`, 9);
  writer.line('Акт и выписка хранятся 3 года.', 9);
  doc.end();
  return done;
}
