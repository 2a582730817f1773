// The register's JSON Schema for editors (schemas/register.schema.json), generated from the zod schema so
// the two cannot disagree. Descriptions live here, in a registry of their own, so that hovering in an
// editor explains each field without the shared schema module carrying editor text.
import { z } from 'zod';
import {
  crossBorder,
  dataField,
  deadline,
  disclosureGround,
  duration,
  informationSystem,
  legalBasis,
  localizedText,
  operator,
  operatorDeadline,
  operatorDeadlines,
  publication,
  purpose,
  register,
  requestChannels,
  retentionRule,
  subjectCategory,
} from './register.schema.js';

interface EditorMetadata {
  description?: string;
  /** Name of the definition a recursive schema gets. */
  id?: string;
}

const retentionDescriptions: Record<string, string> = {
  until_liquidation: 'До ликвидации оператора. / Until the operator is liquidated.',
  contract_period:
    'В течение срока действия договора; after_end — сколько ещё хранить после его окончания. / For the term of ' +
    'the contract; after_end: how long to keep after it ends.',
  until_consent_withdrawal: 'До отзыва согласия. / Until consent is withdrawn.',
  until_purpose_achieved: 'До достижения цели обработки. / Until the purpose is achieved.',
  after_collection: 'Срок с момента сбора значения. / A period from when the value was collected.',
  after_last_activity:
    'Срок после последней активности субъекта. / A period after the subject’s last activity.',
  fixed_date: 'До указанной даты (YYYY-MM-DD). / Until a fixed date.',
  first_of: 'Что наступит раньше: не менее двух правил. / Whichever of two or more rules comes first.',
  depends_on:
    'В зависимости от критерия (criterion, пишется после «в зависимости от»): варианты с меткой и правилом. / ' +
    'Depending on a criterion: options, each with a label and a rule.',
};

type Describe = (schema: z.ZodType, description: string) => void;

/** The register's frame and the operator: format, policy, operator, information systems. */
function describeOperator(d: Describe): void {
  d(
    register.shape.$schema,
    'Путь к JSON Schema для подсказок редактора. / Path to this JSON Schema, for editors.',
  );
  d(register.shape.format, 'Версия формата реестра: 1. / Register format version: 1.');
  d(
    register.shape.policy,
    'Опубликованная политика, которую кодирует реестр. / The published policy this register encodes.',
  );
  d(
    register.shape.policy.shape.version,
    'Редакция политики; согласия и выбор cookie записывают её. / Policy edition; consents and cookie choices record it.',
  );
  d(operator, 'Оператор персональных данных. / The personal-data operator.');
  d(operator.shape.legal_form, 'individual_entrepreneur (ИП) или legal_entity (юридическое лицо).');
  d(
    operator.shape.bin_iin,
    'БИН юридического лица или ИИН индивидуального предпринимателя: 12 цифр, контрольная сумма проверяется. / ' +
      'BIN or IIN, 12 digits with a checked control digit.',
  );
  d(
    operator.shape.responsible_person,
    'Лицо, ответственное за организацию обработки ПД. / The person responsible for organising processing.',
  );
  d(
    operator.shape.jurisdiction,
    'Право, которому подчиняется реестр: KZ (94-V) или RU (152-ФЗ). / Governing law.',
  );
  d(
    operator.shape.timezone,
    'Часовой пояс IANA для отсчёта сроков, например Asia/Almaty. / IANA time zone for deadlines.',
  );
  d(
    operator.shape.storage_countries,
    'Страны, где хранятся базы данных; должны соответствовать требованию локализации. / Countries where databases are kept.',
  );
  d(
    register.shape.processes_biometrics,
    'Обрабатывает ли оператор биометрические ПД; при false биометрические поля запрещены. / Whether biometric data is processed.',
  );
  d(
    register.shape.information_systems,
    'Информационные системы и место хранения их данных. / Information systems and where their data is.',
  );
  d(
    informationSystem.shape.location,
    'Страна хранения данных системы (ISO 3166-1, например KZ). / Country where the data is stored.',
  );
}

/** What is collected and why: data fields, subject categories, purposes. */
function describePurposes(d: Describe): void {
  d(
    register.shape.fields,
    'Перечень ПД: каждое поле, которое может собираться. / Every data field that may be collected.',
  );
  d(dataField.shape.id, 'Идентификатор поля: латиница, цифры, «_». / Field id.');
  d(
    dataField.shape.type,
    'Тип значения; определяет проверку и нормализацию. / Value type: decides validation.',
  );
  d(
    dataField.shape.sensitivity,
    'Особые отметки: biometric, identity_document, national_id, financial, credentials, health, online_identifier.',
  );
  d(dataField.shape.category, 'Категория ПД по таблице политики: general (общие/иные), special, biometric.');
  d(register.shape.subject_categories, 'Категории субъектов ПД. / Categories of data subjects.');
  d(subjectCategory.shape.labels, 'Название категории (ru обязательно, kk, en). / Label.');
  d(
    register.shape.purposes,
    'Цели обработки — строки таблицы политики. / Processing purposes: the rows of the policy’s table.',
  );
  d(purpose.shape.number, 'Номер строки в таблице политики. / Row number in the policy’s table.');
  d(
    purpose.shape.fields,
    'Поля, которые цель может собирать (минимизация данных). / Fields the purpose may collect.',
  );
  d(purpose.shape.subject_categories, 'Категории субъектов цели (id из subject_categories).');
  d(
    purpose.shape.legal_bases,
    'Правовые основания; reference — формулировка политики. / Legal bases, with the policy’s wording.',
  );
  d(
    legalBasis.shape.type,
    'consent — согласие; publication_consent — согласие на распространение; contract — договор; legal_duty — ' +
      'обязанность по закону; legitimate_interest — законный интерес; statistics_research — статистика и ' +
      'исследования; vital_interest — защита жизни и здоровья.',
  );
  d(
    purpose.shape.processing,
    'Вид обработки: automated — автоматизированная, mixed — смешанная, manual — без средств автоматизации.',
  );
  d(purpose.shape.retention, 'Срок обработки как дерево правил. / Retention as a rule tree.');
  d(purpose.shape.information_systems, 'Информационные системы цели (id из information_systems).');
  d(
    purpose.shape.on_retention_end,
    'По истечении срока: destroy — уничтожить, anonymise — обезличить (аналитика).',
  );
  d(
    purpose.shape.retention_period_missing,
    'Политика не называет срок хранения для цели: проверка предупреждает, пока оператор не задаст срок. / The ' +
      'policy names no period for this purpose: validation warns until the operator sets one.',
  );
  d(
    register.shape.additional_processing,
    'Обработка вне таблицы целей (например, кадровый резерв). / Processing outside the table.',
  );
}

/** Publication, cookies, disclosure, deadlines, channels and the shared shapes (durations, texts). */
function describeObligations(d: Describe): void {
  d(
    publication,
    'ПД, разрешённые субъектом для распространения (отдельное согласие). / Data permitted for publication.',
  );
  d(
    publication.shape.purpose,
    'Цель, в рамках которой публикуются данные; её основание — publication_consent.',
  );
  d(
    publication.shape.fields,
    'Поля, разрешённые к распространению, и ограничения по каждому (пусто — «не установлено»).',
  );
  d(
    register.shape.cookies,
    'Уведомление о cookie и категории cookie для баннера. / Cookie notice and categories.',
  );
  d(
    register.shape.disclosure_grounds,
    'Случаи раскрытия ПД третьим лицам. / Grounds for disclosure to third parties.',
  );
  d(
    disclosureGround.shape.kind,
    'prior_consent, contract_necessity, protection_of_rights, initiated_by_subject, legal_duty.',
  );
  d(crossBorder, 'Трансграничная передача. / Cross-border transfer.');
  d(crossBorder.shape.rule, 'Пункт политики, цитируемый при отказе. / The policy clause quoted in refusals.');
  d(
    operatorDeadlines,
    'Собственные сроки оператора; не длиннее сроков закона (профиль юрисдикции). / The operator’s own deadlines, ' +
      'never longer than the law’s.',
  );
  d(
    operatorDeadline.shape.clause,
    'Пункт политики, где назван срок («3.4.1»); субъекту срок называется со ссылкой на него. / The policy clause ' +
      'stating the deadline, cited to subjects.',
  );
  d(deadline.shape.unit, 'working_days — рабочие дни, calendar_days — календарные дни, hours — часы.');
  d(requestChannels, 'Каналы для запросов субъектов. / Channels for subjects’ requests.');
  d(
    requestChannels.shape.withdrawal_email_subject,
    'Тема письма, отмечающая отзыв согласия. / E-mail subject that marks a consent withdrawal.',
  );
  d(register.shape.destruction_methods, 'Способы уничтожения: electronic и paper. / Destruction methods.');
  d(duration, 'Продолжительность: years, months и/или days. / A duration.');
  d(
    localizedText,
    'Текст: ru обязателен, kk и en рекомендуются. / Text: ru required, kk and en recommended.',
  );
}

/** The recursive retention rule: a definition of its own, and each option of the union described by kind. */
function describeRetention(registry: z.core.$ZodRegistry<EditorMetadata>): void {
  registry.add(retentionRule, {
    id: 'RetentionRule',
    description:
      'Срок обработки: лист (событие, прекращающее обработку) или ветвь first_of / depends_on. / Retention: ' +
      'an event that ends processing, or a first_of / depends_on branch.',
  });
  // The options of the recursive union: `_zod.innerType` is the cached union the JSON Schema is built from.
  const union = (retentionRule as unknown as z.ZodLazy<z.ZodDiscriminatedUnion<z.ZodObject[]>>)._zod
    .innerType;
  for (const option of union.options) {
    const kind = option.shape.kind;
    if (!(kind instanceof z.ZodLiteral)) continue;
    const description = retentionDescriptions[String([...kind.values][0])];
    if (description) registry.add(option, { description });
  }
}

function describeAll(registry: z.core.$ZodRegistry<EditorMetadata>): void {
  const d: Describe = (schema, description) => void registry.add(schema, { description });
  describeOperator(d);
  describePurposes(d);
  describeObligations(d);
  describeRetention(registry);
}

/** The register's JSON Schema (draft-07, which every YAML language server understands). */
export function buildRegisterJsonSchema(): Record<string, unknown> {
  const registry = z.registry<EditorMetadata>();
  describeAll(registry);
  const schema = z.toJSONSchema(register, { io: 'input', target: 'draft-7', metadata: registry });
  return {
    ...schema,
    title: 'Amanat processing register',
    description:
      'Реестр обработки персональных данных оператора (docs/register.md). / An operator’s processing register.',
  };
}

/** The file's exact text: stable key order and a trailing newline, so a diff shows real changes only. */
export function renderRegisterJsonSchema(): string {
  return `${JSON.stringify(buildRegisterJsonSchema(), null, 2)}\n`;
}
