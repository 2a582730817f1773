// How `amanat requests show` prints one request and its timeline (read from the audit chain).
import { requestTypeTitles } from '../../modules/requests/request.service.js';
import type {
  AnswerDelivery,
  RequestOutcome,
  RequestType,
  RequestVerification,
} from '../../modules/requests/request.table.js';

/** A request as `GET /api/requests/{ref}` answers it (dates as strings). */
export interface ShownRequest {
  id: string;
  number: number;
  type: RequestType;
  status: string;
  channel: string;
  subjectId: string | null;
  language: string;
  receivedAt: string;
  dueDate: string;
  daysLeft: number;
  overdue: boolean;
  deadline: { amount: number; unit: string; source: string; rule: string };
  extensionReason: string | null;
  verification: RequestVerification | null;
  assignee: string | null;
  duplicates: number;
  outcome: RequestOutcome | null;
  closedAt: string | null;
  scope: { purposes?: string[]; fields?: string[] };
  inboundMessageId: string | null;
  contact: { email?: string; phone?: string; name?: string };
  details: { text?: string; values?: Record<string, unknown> };
}

export interface TimelineEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

export const statusWords: Record<string, string> = {
  received: 'принято / received',
  verifying: 'проверка личности / verifying',
  in_progress: 'в работе / in progress',
  answered: 'исполнено / answered',
  refused: 'отказано / refused',
};

const actionWords: Record<string, string> = {
  'request.receive': 'принято / received',
  'request.duplicate': 'повторное обращение присоединено / duplicate linked',
  'request.classify': 'тип определён / classified',
  'request.assign': 'назначен исполнитель / assigned',
  'request.verification_sent': 'код отправлен / code sent',
  'request.verification_failed': 'неверный код / wrong code',
  'request.verify': 'личность подтверждена / identity verified',
  'request.extend': 'срок продлён / deadline extended',
  'request.execute': 'исполнено, ждёт уничтожения / carried out, destruction pending',
  'request.answer': 'исполнено / answered',
  'request.refuse': 'отказано / refused',
  'request.answer_sent': 'ответ отправлен / answer sent',
  'request.read': 'просмотрено / read',
  'data.export': 'данные выгружены для отчёта / data exported',
  'data.rectify': 'данные уточнены / data rectified',
  'data.mark_for_destruction': 'данные отмечены к уничтожению / marked for destruction',
  'data.destroy': 'данные уничтожены / data destroyed',
  'consent.withdraw': 'согласие отозвано / consent withdrawn',
  'obligation.create': 'обязанность прекратить обработку / obligation created',
};

const channelWords: Record<AnswerDelivery['channel'], string> = {
  email: 'e-mail',
  post: 'почтой / by post',
  hand: 'вручено лично / by hand',
  courier: 'курьером / by courier',
  other: 'иным способом / other',
};

/** The facts of an entry worth a glance (never values: the chain holds none). */
function entryFacts(entry: TimelineEntry): string {
  const d = entry.details;
  const facts: string[] = [];
  for (const key of [
    'type',
    'method',
    'how',
    'assignee',
    'channel',
    'on',
    'summary',
    'to',
    'rule',
  ] as const) {
    const value = d[key];
    if (typeof value === 'string' && value) facts.push(`${key}: ${value}`);
  }
  if (Array.isArray(d.also)) facts.push(`also: ${d.also.join(', ')}`);
  if (typeof d.splitFrom === 'string') facts.push('из того же письма / split from one message');
  return facts.join('; ');
}

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function printRequest(request: ShownRequest, timeline: TimelineEntry[]): void {
  const lines: string[] = [];
  lines.push(`Обращение № ${request.number} — ${requestTypeTitles[request.type]}`);
  lines.push(`  id: ${request.id}`);
  lines.push(`  Статус / Status: ${statusWords[request.status] ?? request.status}`);
  lines.push(
    `  Получено / Received: ${utc(request.receivedAt)}; канал / channel: ${request.channel}; язык: ${request.language}`,
  );
  const left = request.closedAt ? '' : `; осталось рабочих дней / working days left: ${request.daysLeft}`;
  lines.push(
    `  Срок / Due: ${request.dueDate}${left}${request.overdue ? ' — ПРОСРОЧЕНО / OVERDUE' : ''} (${request.deadline.rule})`,
  );
  if (request.extensionReason) lines.push(`  Продлён / Extended: ${request.extensionReason}`);
  const contact = [request.contact.name, request.contact.email, request.contact.phone].filter(Boolean);
  lines.push(`  Заявитель / Requester: ${contact.join(', ') || '—'}`);
  lines.push(
    `  Субъект / Subject: ${request.subjectId ?? 'не найден в хранилище / not known to the operator'}`,
  );
  if (request.scope.purposes?.length) lines.push(`  Цели / Purposes: ${request.scope.purposes.join(', ')}`);
  if (request.scope.fields?.length) lines.push(`  Поля / Fields: ${request.scope.fields.join(', ')}`);
  lines.push(`  Исполнитель / Assignee: ${request.assignee ?? 'не назначен / none'}`);
  if (request.duplicates > 0) lines.push(`  Повторных обращений / Duplicates: ${request.duplicates}`);
  if (request.inboundMessageId) lines.push(`  Письмо-основание / Kept e-mail: ${request.inboundMessageId}`);
  const v = request.verification;
  lines.push(
    `  Личность / Identity: ${
      v
        ? `${v.method === 'email_code' ? 'код из письма / e-mailed code' : `проверка сотрудником (${v.how})`}, ` +
          `${v.verifiedBy}, ${utc(v.verifiedAt)}${v.note ? `; ${v.note}` : ''}`
        : 'не подтверждена / not verified'
    }`,
  );
  const o = request.outcome;
  if (o) {
    lines.push(`  Итог / Outcome: ${o.summary}${o.refusal ? ` — ${o.refusal.reason}` : ''}`);
    if (o.refusal?.rule) lines.push(`    основание / ground: ${o.refusal.rule}`);
    if (o.pendingDestruction) lines.push(`    ждёт уничтожения до ${o.pendingDestruction.by.slice(0, 10)}`);
    if (o.destruction) lines.push(`    акт об уничтожении № ${o.destruction.actNumber}`);
    for (const d of o.deliveries ?? []) {
      lines.push(
        `  Ответ отправлен / Answer sent: ${d.on}, ${channelWords[d.channel]}, ${d.by}${d.note ? ` (${d.note})` : ''}`,
      );
    }
  }
  if (request.details.text) {
    const text = request.details.text.trim();
    lines.push('  Текст обращения / The request says:');
    for (const line of (text.length > 2000 ? `${text.slice(0, 2000)}…` : text).split('\n')) {
      lines.push(`    | ${line}`);
    }
  }
  if (request.details.values) {
    lines.push(`  Новые значения / New values: ${Object.keys(request.details.values).join(', ')}`);
  }
  lines.push('', 'История / Timeline:');
  for (const entry of timeline) {
    const facts = entryFacts(entry);
    lines.push(
      `  ${utc(entry.at)}  ${actionWords[entry.action] ?? entry.action}  (${entry.actor})${facts ? ` — ${facts}` : ''}`,
    );
  }
  console.log(lines.join('\n'));
}
