// The privacy centre's intake: an anonymous caller gets the same answer whether or not the contact already has an
// open request of that type. Whatever concerns an existing request (its number, due date) goes to the contact's
// e-mail, never to the caller, who may be anyone who knows the address.
import { randomUUID } from 'node:crypto';
import type { Mailer } from '../mail/mailer.js';
import type { RegisterRules } from '../rules/register-rules.js';
import {
  type RequestService,
  type RequestSummary,
  requestTypeTitles,
  type SubmitInput,
} from './request.service.js';

export type PublicIntakeInput = Omit<SubmitInput, 'channel'>;

export interface PublicIntakeAnswer {
  /** The id to confirm the request with (the e-mailed code); for a duplicate a receipt that leads to no request. */
  id: string;
  verification: 'code_sent' | 'manual';
}

const ACTOR = 'privacy-centre';

function russianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

export function createPublicIntake(deps: {
  requests: Pick<RequestService, 'submit' | 'startEmailVerification'>;
  mailer: Mailer;
  rules: Pick<RegisterRules, 'register'>;
}) {
  async function tellAboutOpenRequest(email: string, name: string | undefined, open: RequestSummary) {
    await deps.mailer.send({
      to: email,
      subject: `Ваше обращение № ${open.number} уже принято`,
      text:
        `Здравствуйте${name ? `, ${name}` : ''}!\n\n` +
        `С этого адреса поступило обращение («${requestTypeTitles[open.type]}»), но такое обращение ` +
        `№ ${open.number} от ${russianDate(open.receivedAt.toISOString().slice(0, 10))} уже принято и ` +
        `рассматривается; ответ будет дан не позднее ${russianDate(open.dueDate)}. Новое обращение ` +
        'присоединено к нему, отдельно его рассматривать не нужно.\n\n' +
        'Если вы не направляли обращение, просто проигнорируйте это письмо.\n\n' +
        `${deps.rules.register.operator.name.ru}`,
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
          await tellAboutOpenRequest(email!, input.contact.name, request);
        }
        return { id: randomUUID(), verification: mail ? 'code_sent' : 'manual' };
      }
      if (mail) await deps.requests.startEmailVerification(ACTOR, request.id);
      return { id: request.id, verification: mail ? 'code_sent' : 'manual' };
    },
  };
}
