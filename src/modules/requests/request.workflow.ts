// Moving an open request along: giving it to a staff member, and the one extension of its deadline the law
// allows. Identity checks are request.verification.ts; carrying the request out and answering it,
// request.execution.ts.
import { DomainError, ErrorCodes } from '../../lib/errors.js';
import { endOfLocalDay } from '../calendar/dates.js';
import { normalizeEmail, validationError } from '../vault/field-values.js';
import type { RequestCore, RequestServiceDeps } from './request.core.js';
import { deadlineKindOf, wrongState } from './request.model.js';

export function createRequestWorkflow(
  deps: Pick<RequestServiceDeps, 'rules' | 'isActiveStaff'>,
  core: RequestCore,
) {
  const { rules } = deps;
  const { transition, requireOpen, calendar } = core;

  /** Gives the request to a staff member, named by the e-mail of an active staff account. */
  async function assign(actor: string, id: string, assignee: string) {
    const email = normalizeEmail(assignee);
    if (email === null || !(await deps.isActiveStaff(email))) {
      throw new DomainError(
        ErrorCodes.VALIDATION_FAILED,
        `Нет активного сотрудника с e-mail «${assignee}» / No active staff member with this e-mail`,
        {
          issues: [
            {
              path: 'assignee',
              message: 'ожидается e-mail действующей учётной записи сотрудника (amanat staff list)',
            },
          ],
        },
      );
    }
    return transition(id, (row) => {
      requireOpen(row);
      return {
        set: { assignee: email },
        entries: [
          {
            actor,
            action: 'request.assign',
            subjectId: row.subject_id,
            details: { request_id: id, assignee: email },
          },
        ],
      };
    });
  }

  /** One extension where the law allows it (RU Art. 20: +5 working days, with the reason told to the subject). */
  async function extend(actor: string, id: string, reason: string) {
    if (!reason.trim()) {
      throw validationError('Продление требует мотивированного обоснования / A reason is required', [
        { path: 'reason', message: 'ожидается причина продления' },
      ]);
    }
    return transition(id, (row) => {
      requireOpen(row);
      if (row.extension_reason) throw wrongState(row, 'срок уже продлевался; закон допускает одно продление');
      const kind = row.type === 'unclassified' ? undefined : deadlineKindOf[row.type];
      const extension = kind ? rules.profile.deadlines[kind]?.extension : undefined;
      if (!extension) {
        throw new DomainError(
          ErrorCodes.REQUEST_STATE_INVALID,
          `Закон (${rules.profile.code}) не предусматривает продления срока для обращения типа «${row.type}». ` +
            'The law allows no extension for this request type.',
          { issues: [{ path: 'type', message: 'no extension in the jurisdiction profile' }] },
        );
      }
      const newDue =
        extension.unit === 'working_days'
          ? calendar().addWorkingDays(row.due_date, extension.amount)
          : calendar().addCalendarDays(row.due_date, extension.amount);
      return {
        set: {
          due_date: newDue,
          due_at: endOfLocalDay(newDue, core.timezone),
          extension_reason: reason.trim(),
          deadline: {
            ...row.deadline,
            rule: `${row.deadline.rule}; продлён: +${extension.amount} (${rules.profile.deadlines[kind!]!.rule})`,
          },
        },
        entries: [
          {
            actor,
            action: 'request.extend',
            subjectId: row.subject_id,
            details: { request_id: id, from: row.due_date, to: newDue },
          },
        ],
      };
    });
  }

  return { assign, extend };
}
