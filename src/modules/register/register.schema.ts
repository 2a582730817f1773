// The register as code: the operator's processing register, one YAML file, validated by this schema.
// The same schema produces the JSON Schema for editors (scripts/gen-register-json-schema.ts) and types the
// run-time rules (which fields a purpose may collect, its legal bases, its retention).
import { z } from 'zod';

const id = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]*$/,
    'an identifier: lower-case latin letters, digits and "_", starting with a letter',
  );

/** Text in the three languages of the product; Russian is required, Kazakh and English are recommended. */
export const localizedText = z
  .object({
    ru: z.string().min(1),
    kk: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
  })
  .strict();
export type LocalizedText = z.infer<typeof localizedText>;

export const jurisdictionCode = z.enum(['KZ', 'RU']);
export type JurisdictionCode = z.infer<typeof jurisdictionCode>;

/** ISO 3166-1 alpha-2 country code, upper case. */
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as KZ');

export const duration = z
  .object({
    years: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    days: z.number().int().positive().optional(),
  })
  .strict()
  .refine((d) => d.years !== undefined || d.months !== undefined || d.days !== undefined, {
    message: 'a duration needs years, months or days',
  });
export type Duration = z.infer<typeof duration>;

export const deadline = z
  .object({
    amount: z.number().int().positive(),
    unit: z.enum(['working_days', 'calendar_days', 'hours']),
  })
  .strict();
export type Deadline = z.infer<typeof deadline>;

// Retention is a rule tree: the leaves are events that end processing, the branches combine them.
export type RetentionRule =
  | { kind: 'until_liquidation' }
  | { kind: 'contract_period'; after_end?: Duration }
  | { kind: 'until_consent_withdrawal' }
  | { kind: 'until_purpose_achieved' }
  | { kind: 'after_collection'; duration: Duration }
  | { kind: 'after_last_activity'; duration: Duration }
  | { kind: 'fixed_date'; date: string }
  | { kind: 'first_of'; rules: RetentionRule[] }
  | {
      kind: 'depends_on';
      criterion: LocalizedText;
      options: { id: string; label: LocalizedText; rule: RetentionRule }[];
    };

export const retentionRule: z.ZodType<RetentionRule> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('until_liquidation') }).strict(),
    z.object({ kind: z.literal('contract_period'), after_end: duration.optional() }).strict(),
    z.object({ kind: z.literal('until_consent_withdrawal') }).strict(),
    z.object({ kind: z.literal('until_purpose_achieved') }).strict(),
    z.object({ kind: z.literal('after_collection'), duration }).strict(),
    z.object({ kind: z.literal('after_last_activity'), duration }).strict(),
    z.object({ kind: z.literal('fixed_date'), date: z.iso.date() }).strict(),
    z.object({ kind: z.literal('first_of'), rules: z.array(retentionRule).min(2) }).strict(),
    z
      .object({
        kind: z.literal('depends_on'),
        criterion: localizedText,
        options: z.array(z.object({ id, label: localizedText, rule: retentionRule }).strict()).min(2),
      })
      .strict(),
  ]),
);

export const legalBasisType = z.enum([
  'consent', // согласие субъекта
  'publication_consent', // согласие на распространение (ПД, разрешённые для распространения)
  'contract', // исполнение / заключение договора со субъектом
  'legal_duty', // исполнение функций и обязанностей, возложенных законом
  'legitimate_interest', // законный интерес оператора
  'statistics_research', // статистические и исследовательские цели
  'vital_interest', // защита жизни и здоровья
]);
export type LegalBasisType = z.infer<typeof legalBasisType>;

export const legalBasis = z
  .object({
    type: legalBasisType,
    /** The law or document the basis rests on, as the policy words it. */
    reference: z.string().min(1),
    /** The same wording in Kazakh and English, for letters and reports in the subject's language. */
    translations: z
      .object({ kk: z.string().min(1).optional(), en: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type LegalBasis = z.infer<typeof legalBasis>;

export const fieldType = z.enum([
  'text',
  'full_name',
  'email',
  'phone',
  'iin',
  'bin',
  'date',
  'address',
  'image',
  'ip_address',
  'secret',
  'json',
]);
export type FieldType = z.infer<typeof fieldType>;

export const sensitivityFlag = z.enum([
  'biometric',
  'identity_document',
  'national_id',
  'financial',
  'credentials',
  'health',
  'online_identifier',
]);
export type SensitivityFlag = z.infer<typeof sensitivityFlag>;

export const dataField = z
  .object({
    id,
    labels: localizedText,
    type: fieldType,
    sensitivity: z.array(sensitivityFlag).default([]),
    /** General / special / biometric category as the policy's table states it. */
    category: z.enum(['general', 'special', 'biometric']).default('general'),
  })
  .strict();
export type DataField = z.infer<typeof dataField>;

export const processingType = z.enum(['automated', 'mixed', 'manual']);
export type ProcessingType = z.infer<typeof processingType>;

export const purpose = z
  .object({
    id,
    /** The row number in the published policy's table, to cite it. */
    number: z.number().int().positive().optional(),
    title: localizedText,
    subject_categories: z.array(id).min(1),
    fields: z.array(id).min(1),
    legal_bases: z.array(legalBasis).min(1, 'a purpose needs at least one legal basis'),
    processing: processingType,
    retention: retentionRule,
    information_systems: z.array(id).default([]),
    /** Analytics purposes may anonymise instead of destroying when retention ends. */
    on_retention_end: z.enum(['destroy', 'anonymise']).default('destroy'),
    /**
     * The policy names no retention period for this purpose (seed 3.1.3: the personnel reserve): validation
     * warns until the operator sets one in `retention` and removes this mark.
     */
    retention_period_missing: z.boolean().default(false),
  })
  .strict();
export type Purpose = z.infer<typeof purpose>;

export const operator = z
  .object({
    name: localizedText,
    legal_form: z.enum(['individual_entrepreneur', 'legal_entity']),
    /** BIN of a legal entity or IIN of an individual entrepreneur (12 digits with a checksum). */
    bin_iin: z.string().regex(/^\d{12}$/, '12 digits'),
    address: localizedText,
    email: z.email(),
    phone: z.string().optional(),
    website: z.url().optional(),
    responsible_person: z
      .object({ name: z.string().min(1), position: z.string().optional(), email: z.email() })
      .strict(),
    head: z
      .object({ name: z.string().min(1), position: z.string().min(1) })
      .strict()
      .optional(),
    jurisdiction: jurisdictionCode,
    /** IANA time zone in which deadlines are counted. */
    timezone: z.string().min(1),
    /** Countries where the operator's databases are kept. */
    storage_countries: z.array(countryCode).min(1),
    /** The operator's bank details as the policy states them: one line, or one per language. */
    bank_details: z.union([z.string().min(1), localizedText]).optional(),
  })
  .strict();
export type Operator = z.infer<typeof operator>;

export const informationSystem = z
  .object({
    id,
    name: localizedText,
    /** Country where the system's data is stored. */
    location: countryCode,
    description: localizedText.optional(),
  })
  .strict();
export type InformationSystem = z.infer<typeof informationSystem>;

export const subjectCategory = z.object({ id, labels: localizedText }).strict();
export type SubjectCategory = z.infer<typeof subjectCategory>;

export const publication = z
  .object({
    /** The purpose under which published data is processed (its basis is publication_consent). */
    purpose: id,
    goals: z.array(localizedText).default([]),
    channels: z.array(localizedText).default([]),
    fields: z
      .array(
        z
          .object({
            field: id,
            /** Restrictions or prohibitions the operator sets; empty means "не установлено". */
            restrictions: z.array(localizedText).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Publication = z.infer<typeof publication>;

/** Google Consent Mode v2 signals a cookie category may grant. */
export const consentModeSignal = z.enum([
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
]);
export type ConsentModeSignal = z.infer<typeof consentModeSignal>;

/** How long a cookie lives in the visitor's browser: months, days, or until the browser session ends. */
export const cookieLifetime = z.union([
  z.literal('session'),
  z.object({ months: z.number().int().positive() }).strict(),
  z.object({ days: z.number().int().positive() }).strict(),
]);
export type CookieLifetime = z.infer<typeof cookieLifetime>;

/** One cookie (or a family of them, by a JS regular expression over the name) a category sets. */
export const cookieEntry = z
  .object({
    name: z.string().min(1).max(256).optional(),
    /** A JavaScript regular expression's source over the cookie name, e.g. '^_ga_.+$'. */
    pattern: z.string().min(1).max(256).optional(),
    provider: z.string().min(1),
    lifetime: cookieLifetime,
    description: localizedText,
  })
  .strict()
  .refine((c) => (c.name === undefined) !== (c.pattern === undefined), {
    message: 'a cookie needs exactly one of name (the exact cookie name) or pattern (a regular expression)',
  });
export type CookieEntry = z.infer<typeof cookieEntry>;

export const cookieCategory = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,31}$/,
        'a category id: lower-case latin letters, digits and "_", starting with a letter, at most 32 characters',
      ),
    /** Strictly necessary cookies: always on, the visitor cannot refuse them, no consent is asked. */
    required: z.boolean(),
    /** Register purpose ids this category serves. */
    purposes: z.array(id).default([]),
    name: localizedText,
    description: localizedText,
    /** A Global Privacy Control signal refuses this category (until the visitor's explicit choice). */
    gpc: z.boolean().default(false),
    /** Google Consent Mode v2 signals granted with this category. */
    consent_mode: z.array(consentModeSignal).default([]),
    /** The tags this category gates: google_analytics, yandex_metrika, vk_pixel, youtube… */
    vendors: z.array(id).default([]),
    cookies: z.array(cookieEntry).default([]),
  })
  .strict();
export type CookieCategory = z.infer<typeof cookieCategory>;

export const disclosureGroundKind = z.enum([
  'prior_consent',
  'contract_necessity',
  'protection_of_rights',
  'initiated_by_subject',
  'legal_duty',
]);
export type DisclosureGroundKind = z.infer<typeof disclosureGroundKind>;

export const disclosureGround = z
  .object({
    id,
    kind: disclosureGroundKind,
    text: localizedText,
  })
  .strict();
export type DisclosureGround = z.infer<typeof disclosureGround>;

export const crossBorder = z
  .object({
    allowed: z.boolean(),
    /** Countries to which transfer is allowed, when it is allowed at all. */
    countries: z.array(countryCode).default([]),
    /** The policy clause that states the rule, quoted in refusals. */
    rule: localizedText,
  })
  .strict();
export type CrossBorder = z.infer<typeof crossBorder>;

/** A deadline the operator's policy promises; it may be shorter than the law's, never longer. */
export const operatorDeadline = deadline
  .extend({
    /** The clause of the operator's policy that states it ("3.4.1"), cited to subjects as the deadline's basis. */
    clause: z.string().min(1).optional(),
  })
  .strict();
export type OperatorDeadline = z.infer<typeof operatorDeadline>;

export const operatorDeadlines = z
  .object({
    /** Stop processing after consent withdrawal (seed 3.4.1: 10 working days). */
    consent_withdrawal: operatorDeadline.optional(),
    information_request: operatorDeadline.optional(),
    access_request: operatorDeadline.optional(),
    rectification: operatorDeadline.optional(),
    blocking: operatorDeadline.optional(),
    unblocking: operatorDeadline.optional(),
    destruction: operatorDeadline.optional(),
    objection_automated_decision: operatorDeadline.optional(),
    unlawful_publication_removal: operatorDeadline.optional(),
  })
  .strict();
export type OperatorDeadlines = z.infer<typeof operatorDeadlines>;

export const requestChannels = z
  .object({
    /**
     * Subject line that marks a consent-withdrawal e-mail: one line (the policy's), or the line in each
     * language a subject may write in ({ ru, kk, en }); a message with any of them is a withdrawal.
     */
    withdrawal_email_subject: z.union([z.string().min(1), localizedText]).optional(),
    privacy_email: z.email().optional(),
    postal_address: localizedText.optional(),
  })
  .strict();

/** Every subject line that marks a withdrawal, with the language it is written in. */
export function withdrawalSubjectLines(
  requests: Register['requests'],
): { lang: 'ru' | 'kk' | 'en'; line: string }[] {
  const subject = requests.withdrawal_email_subject;
  if (subject === undefined) return [];
  if (typeof subject === 'string') return [{ lang: 'ru', line: subject }];
  return (['ru', 'kk', 'en'] as const).flatMap((lang) =>
    subject[lang] ? [{ lang, line: subject[lang] }] : [],
  );
}

export const register = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(1),
    policy: z
      .object({
        version: z.string().min(1),
        published_at: z.iso.date().optional(),
        url: z.url().optional(),
      })
      .strict(),
    operator,
    processes_biometrics: z.boolean(),
    information_systems: z.array(informationSystem).min(1),
    fields: z.array(dataField).min(1),
    subject_categories: z.array(subjectCategory).min(1),
    purposes: z.array(purpose).min(1),
    /** Free-standing processing statements such as the personnel reserve (seed 3.1.3). */
    additional_processing: z
      .array(z.object({ id, text: localizedText, purposes: z.array(id).default([]) }).strict())
      .default([]),
    publication: publication.optional(),
    cookies: z
      .object({
        /** Section 5 of the policy: the notice about cookies, beacons, pixels and tags. */
        notice: localizedText.optional(),
        /** The banner's own title and text; the server's defaults in ru/kk/en otherwise. */
        banner: z.object({ title: localizedText, text: localizedText }).strict().optional(),
        categories: z.array(cookieCategory).min(1),
      })
      .strict()
      .optional(),
    disclosure_grounds: z.array(disclosureGround).default([]),
    cross_border: crossBorder,
    deadlines: operatorDeadlines.default({}),
    requests: requestChannels.default({}),
    destruction_methods: z
      .object({ electronic: localizedText, paper: localizedText.optional() })
      .strict()
      .optional(),
  })
  .strict();

export type Register = z.infer<typeof register>;
export type RegisterInput = z.input<typeof register>;
