// A jurisdiction profile: the law's numbers as data (profiles/<code>.yaml), never literals in code.
import { z } from 'zod';
import { deadline, jurisdictionCode, localizedText } from '../register/register.schema.js';

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
  'destruction_after_purpose',
  'transfer_notification',
] as const;
export const deadlineKind = z.enum(deadlineKinds);
export type DeadlineKind = z.infer<typeof deadlineKind>;

export const legalDeadline = deadline
  .extend({
    /** The article the number comes from, quoted in validation errors. */
    rule: z.string().min(1),
    /** One extension allowed by law (RU Art. 20: +5 working days with a reasoned notice). */
    extension: deadline.extend({ requires_reason: z.boolean() }).strict().optional(),
    /** True where the digest could not confirm the number against the law's text. */
    unconfirmed: z.boolean().default(false),
  })
  .strict();
export type LegalDeadline = z.infer<typeof legalDeadline>;

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
  })
  .strict();
export type JurisdictionProfile = z.infer<typeof jurisdictionProfile>;
