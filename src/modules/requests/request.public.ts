// The privacy centre's intake: an anonymous caller gets the same answer whether or not the contact already has an
// open request of that type. Whatever concerns an existing request (its number, due date) goes to the contact's
// e-mail, never to the caller, who may be anyone who knows the address. Checking a code answers alike for a
// receipt, a request, a wrong, expired or used-up code; a new code is asked for by the e-mail address, with the
// same answer whether or not anything waits for it, and mailed after the answer (no timing tells either).
import { randomUUID } from 'node:crypto';
import { plainDay } from '../../lib/document-dates.js';
import { DomainError, ErrorCodes, isDomainError } from '../../lib/errors.js';
import { localDateOf } from '../calendar/dates.js';
import type { Mailer } from '../mail/mailer.js';
import { localized } from '../register/register.retention.js';
import type { RegisterRules } from '../rules/register-rules.js';
import { alreadyReceivedMail } from './request.mails.js';
import type { RequestService, RequestSummary, SubmitInput } from './request.service.js';
import type { RequestStatusService } from './request.status.js';

export type PublicIntakeInput = Omit<SubmitInput, 'channel'>;

export interface PublicIntakeAnswer {
  /** The id to confirm the request with (the e-mailed code); for a duplicate a receipt that leads to no request. */
  id: string;
  verification: 'code_sent' | 'manual';
}

const ACTOR = 'privacy-centre';

export function createPublicIntake(deps: {
  requests: Pick<RequestService, 'submit' | 'startEmailVerification' | 'renewEmailCodes' | 'verifyCode'>;
  mailer: Mailer;
  rules: Pick<RegisterRules, 'register'>;
  /** The status link a confirmed request gets (answered once, and e-mailed). */
  status: Pick<RequestStatusService, 'issueLink'>;
  /** A code mail that failed after the answer was given (the caller is gone; the subject may ask again). */
  onMailError?: (error: unknown) => void;
}) {
  async function tellAboutOpenRequest(email: string, input: PublicIntakeInput, open: RequestSummary) {
    // The new request's language where the form gave one: it is the subject writing now.
    const lang = input.language ?? open.language;
    await deps.mailer.send({
      to: email,
      ...alreadyReceivedMail(lang, {
        number: open.number,
        type: open.type,
        name: input.contact.name,
        receivedOn: plainDay(localDateOf(open.receivedAt, deps.rules.register.operator.timezone)),
        dueOn: plainDay(open.dueDate),
        operator: localized(deps.rules.register.operator.name, lang),
      }),
    });
  }

  return {
    async submit(input: PublicIntakeInput): Promise<PublicIntakeAnswer> {
      const { request, duplicate } = await deps.requests.submit(ACTOR, { ...input, channel: 'web' });
      const email = input.contact.email;
      const mail = Boolean(email) && deps.mailer.configured;
      if (duplicate) {
        // Anyone can type an address into the form: the 1st, 2nd, 4th, 8th… duplicate is told, so repeating the
        // form cannot flood a mailbox (the code for a new request is bounded by the daily intake limit).
        const duplicates = request.duplicates;
        if (mail && (duplicates & (duplicates - 1)) === 0) {
          await tellAboutOpenRequest(email!, input, request);
        }
        return { id: randomUUID(), verification: mail ? 'code_sent' : 'manual' };
      }
      if (mail) await deps.requests.startEmailVerification(ACTOR, request.id);
      return { id: request.id, verification: mail ? 'code_sent' : 'manual' };
    },

    /**
     * A new code for the open requests of this address that wait for confirmation. The answer depends on the mail
     * set-up only; the codes are stored before it and mailed after it.
     */
    async renewCode(email: string): Promise<{ verification: 'code_sent' | 'manual' }> {
      if (!deps.mailer.configured) return { verification: 'manual' };
      const mails = await deps.requests.renewEmailCodes(ACTOR, email);
      void (async () => {
        for (const mail of mails) await deps.mailer.send(mail);
      })().catch((error: unknown) => deps.onMailError?.(error));
      return { verification: 'code_sent' };
    },

    /**
     * The requester's code; once it is right, the answer carries the status link's token (also e-mailed).
     * Every failure — a receipt's id, a wrong code, an expired or used-up one, a request
     * already confirmed or closed — is the same answer, with no attempt count: the caller may be anyone.
     */
    async verify(id: string, code: string) {
      try {
        const verified = await deps.requests.verifyCode('subject', id, code);
        const link = await deps.status.issueLink(verified.id);
        // The link's e-mail goes after the answer (the answer carries the token already).
        link.mailed.catch((error: unknown) => deps.onMailError?.(error));
        return {
          id: verified.id,
          number: verified.number,
          status: verified.status,
          statusToken: link.token,
        };
      } catch (error) {
        if (isDomainError(error) && UNIFORM_FAILURES.has(error.code)) {
          throw new DomainError(
            ErrorCodes.VERIFICATION_FAILED,
            'Код неверен или больше не действует: проверьте его или запросите новый код на свой e-mail. ' +
              'The code is wrong or no longer valid; check it or ask for a new code.',
            { issues: [{ path: 'code', message: 'wrong or no longer valid code' }] },
          );
        }
        throw error;
      }
    },
  };
}

const UNIFORM_FAILURES = new Set<string>([
  ErrorCodes.NOT_FOUND,
  ErrorCodes.VERIFICATION_FAILED,
  ErrorCodes.VERIFICATION_EXPIRED,
  ErrorCodes.REQUEST_STATE_INVALID,
]);
