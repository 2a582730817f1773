// A jurisdiction profile: the law's numbers as data (profiles/<code>.yaml), never literals in code.
import { z } from 'zod';
import { deadline, jurisdictionCode, localizedText } from '../register/register.schema.js';
import { requestTypes } from '../requests/request.table.js';

/** Every deadline the law sets for the operator, keyed by the event that starts it. */
export const deadlineKinds = [
  'information_request',
  'access_request',
  'rectification',
  'blocking',
  'unblocking',
  'destruction',
  'consent_withdrawal',
  'objection_automated_decision',
  'unlawful_publication_removal',
  'breach_notification',
  'breach_investigation',
  'stop_processing',
  'destruction_after_purpose',
  'transfer_notification',
] as const;
export const deadlineKind = z.enum(deadlineKinds);
export type DeadlineKind = z.infer<typeof deadlineKind>;

/**
 * Deadlines every profile must state, because the product counts them: each type of subject request
 * (src/modules/requests: an unclassified message runs on the shortest of them) and the obligation to stop
 * processing after a withdrawal (src/modules/consents). A profile without one is refused at load.
 */
export const requiredDeadlineKinds = [
  'information_request',
  'access_request',
  'rectification',
  'blocking',
  'unblocking',
  'destruction',
  'consent_withdrawal',
  'objection_automated_decision',
] as const satisfies readonly DeadlineKind[];

export const legalDeadline = deadline
  .extend({
    /** 0 means at once: on the day the request is received (RU Art. 21 p. 1: blocking from the request). */
    amount: z.number().int().nonnegative(),
    /**
     * The article and point the number comes from ("152-ФЗ, ст. 20 ч. 3: …"): quoted in validation errors and
     * shown to subjects and inspectors, so it cites the law and nothing else.
     */
    rule: z.string().min(1),
    /** One extension allowed by law (RU Art. 20: +5 working days with a reasoned notice). */
    extension: deadline.extend({ requires_reason: z.boolean() }).strict().optional(),
    /**
     * True where the number cannot be tied to an article and point of the law (the law says "within the
     * periods set by legislation", or names no period). `amanat register validate` warns until the
     * operator's register sets its own number, and until then the number is presented as the operator's
     * commitment, never as the law's.
     */
    unconfirmed: z.boolean().default(false),
  })
  .strict();
export type LegalDeadline = z.infer<typeof legalDeadline>;

/** The request types a subject may send (src/modules/requests): each exercises one right of the law. */
const subjectRequestType = z.enum(requestTypes);

/**
 * Citations of article and point in the Russian form the profile's rules use ("ст. 24 п. 1 пп. 1",
 * "ст. 14 ч. 7"): the letter writes them in the subject's language (src/modules/jurisdiction/citation.ts).
 */
const articleCitation = z
  .string()
  .regex(
    /^ст\. [\d-]+( (п|ч)\. \d+)?( пп\. \d+)?$/,
    'expected «ст. N», «ст. N п. N», «ст. N ч. N» or «ст. N п. N пп. N»',
  );

/** What the answer letter cites: the right each request type exercises, and the right to complain. */
export const subjectRights = z
  .object({
    /**
     * How a citation names the law, per language, followed by the article: the Russian text is also the prefix
     * of the profile's deadline rules ("Закон РК № 94-V, ст. 25 …"); the Kazakh one is in the genitive
     * ("ҚР № 94-V Заңының 25-бабы").
     */
    cite_as: localizedText,
    /** The article of the right a request of each type exercises. */
    by_request: z.partialRecord(subjectRequestType, articleCitation),
    /** The subject's right to complain about the operator to the authorised body (or a court). */
    complaint: z
      .object({
        /** The authorised body, as the letter names it. */
        authority: localizedText,
        rule: articleCitation,
      })
      .strict(),
  })
  .strict();
export type SubjectRights = z.infer<typeof subjectRights>;

export const jurisdictionProfile = z
  .object({
    code: jurisdictionCode,
    name: localizedText,
    law: localizedText,
    /** Working-day calendar used to count working-day deadlines. */
    calendar: jurisdictionCode,
    default_timezone: z.string().min(1),
    deadlines: z.partialRecord(deadlineKind, legalDeadline),
    localisation: z
      .object({
        /** Databases with citizens' data must be kept in these countries. */
        required_countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
        rule: z.string().min(1),
      })
      .strict(),
    biometrics: z.object({ rule: z.string().min(1) }).strict(),
    consent_contents: z
      .object({
        /** What a consent must name (KZ Art. 8): checked when a consent is recorded. */
        required: z.array(
          z.enum([
            'operator_name',
            'operator_bin_iin',
            'subject_full_name',
            'term',
            'third_party_transfer',
            'cross_border_transfer',
            'publication',
            'data_list',
          ]),
        ),
        rule: z.string().min(1),
      })
      .strict(),
    /** Acts of destruction and their extracts are kept this long. */
    destruction_act_retention_years: z.number().int().positive(),
    /** The articles an act of destruction rests on, printed in the act in its language (ru required, kk). */
    destruction_act_rule: localizedText,
    /** The articles the answer letter cites; a profile without them gives letters without citations. */
    subject_rights: subjectRights.optional(),
  })
  .strict()
  .superRefine((profile, ctx) => {
    for (const kind of requiredDeadlineKinds) {
      if (profile.deadlines[kind]) continue;
      ctx.addIssue({
        code: 'custom',
        path: ['deadlines', kind],
        message: `deadlines.${kind} is missing: the product counts this deadline (a subject request or a withdrawal); state the law's number and its article`,
      });
    }
  });
export type JurisdictionProfile = z.infer<typeof jurisdictionProfile>;
