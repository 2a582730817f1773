// The daily digest to the person responsible for personal data: what is overdue, due today and due tomorrow on
// the operator's local calendar. It names requests by number and type, never people.
import { addDays, localDateOf } from '../calendar/dates.js';
import type { RequestServiceDeps } from './request.core.js';
import { type RequestSummary, requestTypeTitles } from './request.model.js';
import type { RequestQueries } from './request.queries.js';

export function createRequestDigest(
  deps: Pick<RequestServiceDeps, 'stores' | 'rules' | 'mailer' | 'clock'>,
  queries: Pick<RequestQueries, 'list'>,
) {
  const { stores, rules } = deps;
  const timezone = rules.register.operator.timezone;

  /** Due tomorrow (local date of the operator) and overdue: the daily digest's content. */
  async function dueDigest() {
    const today = localDateOf(deps.clock(), timezone);
    const tomorrow = addDays(today, 1);
    const open = await queries.list({ dueBy: tomorrow });
    return {
      today,
      tomorrow,
      overdue: open.filter((r) => r.overdue),
      dueToday: open.filter((r) => !r.overdue && r.dueDate === today),
      dueTomorrow: open.filter((r) => !r.overdue && r.dueDate === tomorrow),
    };
  }

  /**
   * The daily digest to the person responsible for personal data: overdue, due today, due tomorrow. Nothing is
   * sent on a day with nothing to report. The digest names requests by number and type, never people.
   */
  async function sendDigest() {
    const digest = await dueDigest();
    const total = digest.overdue.length + digest.dueToday.length + digest.dueTomorrow.length;
    if (total === 0) return { sent: false, ...digest };
    const lines = (title: string, rows: RequestSummary[]) =>
      rows.length === 0
        ? []
        : [
            `${title} (${rows.length}):`,
            ...rows.map(
              (r) =>
                `  № ${r.number} — ${requestTypeTitles[r.type]}; срок ${r.dueDate}; статус ${r.status}` +
                `${r.assignee ? `; исполнитель ${r.assignee}` : '; не назначено'}`,
            ),
            '',
          ];
    // The audit chain as it stood when the digest was made: kept in the mailbox, outside the data store, it is a
    // position `amanat audit verify` output can be checked against.
    // cross-module read: audit_head (owner: audit)
    const [head] = await stores.sql.query<{ seq: string | number; hash: string }>(
      `SELECT seq, encode(hash, 'hex') AS hash FROM audit_head WHERE id = 1`,
    );
    await deps.mailer.send({
      to: rules.register.operator.responsible_person.email,
      subject: `Обращения субъектов на ${digest.today}: просрочено ${digest.overdue.length}, срок сегодня ${digest.dueToday.length}, завтра ${digest.dueTomorrow.length}`,
      text: [
        ...lines('ПРОСРОЧЕНО', digest.overdue),
        ...lines('Срок сегодня', digest.dueToday),
        ...lines('Срок завтра', digest.dueTomorrow),
        'Подробности: amanat requests list --due',
        `Журнал аудита на момент сводки: запись № ${Number(head?.seq ?? 0)}, контрольное значение ${head?.hash ?? '—'}`,
      ].join('\n'),
    });
    return { sent: true, ...digest };
  }

  return { dueDigest, sendDigest };
}
