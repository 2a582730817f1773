// The words the policy's table and lists put around register values, per language. They stay in code, not in
// the templates, because they carry grammar (Russian plurals after numbers, Kazakh case endings around a
// criterion) that a logic-less template cannot express; the prose around them is in templates/policy/.
import type { Lang } from '../register/register.retention.js';
import type { DataField, ProcessingType } from '../register/register.schema.js';

export interface PolicyWords {
  dataCategory: Record<DataField['category'], string>;
  processing: Record<ProcessingType, string>;
  /** The operator's identifier by legal form: an entrepreneur's IIN, a legal entity's BIN. */
  idLabel: { individual_entrepreneur: string; legal_entity: string };
  noRestrictions: string;
  yes: string;
  no: string;
  retention: {
    untilLiquidation: string;
    contractPeriod: string;
    afterContract: (duration: string) => string;
    untilWithdrawal: string;
    untilPurposeAchieved: string;
    afterCollection: (duration: string) => string;
    afterLastActivity: (duration: string) => string;
    untilDate: (date: string) => string;
    dependsOn: (criterion: string) => string;
    or: string;
  };
  /** "purpose № 4" in a cookie category's lifetime. */
  purposeRef: (number: string) => string;
  unitDays: Record<'working_days' | 'calendar_days' | 'hours', (n: number) => string>;
}

const ruPlural = (n: number, one: string, few: string, many: string) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
};

export const policyWords: Record<Lang, PolicyWords> = {
  ru: {
    dataCategory: { general: 'Общие / иные', special: 'Специальные', biometric: 'Биометрические' },
    processing: {
      automated: 'Автоматизированная',
      mixed: 'Смешанная',
      manual: 'Без использования средств автоматизации',
    },
    idLabel: { individual_entrepreneur: 'ИИН', legal_entity: 'БИН' },
    noRestrictions: 'Не установлено',
    yes: 'да',
    no: 'нет',
    retention: {
      untilLiquidation: 'до ликвидации Компании',
      contractPeriod: 'период действия договора',
      afterContract: (d) => `${d} по истечении срока действия договора`,
      untilWithdrawal: 'до отзыва согласия на обработку данных',
      untilPurposeAchieved: 'до достижения цели обработки',
      afterCollection: (d) => `${d} с момента получения данных`,
      afterLastActivity: (d) => `${d} с момента последней активности`,
      untilDate: (date) => `до ${date}`,
      dependsOn: (criterion) => `(в зависимости от ${criterion})`,
      or: 'или',
    },
    purposeRef: (n) => `цель № ${n}`,
    unitDays: {
      working_days: (n) => `${n} ${ruPlural(n, 'рабочего дня', 'рабочих дней', 'рабочих дней')}`,
      calendar_days: (n) => `${n} ${ruPlural(n, 'календарного дня', 'календарных дней', 'календарных дней')}`,
      hours: (n) => `${n} ${ruPlural(n, 'часа', 'часов', 'часов')}`,
    },
  },
  kk: {
    dataCategory: { general: 'Жалпы / өзге', special: 'Арнайы', biometric: 'Биометриялық' },
    processing: {
      automated: 'Автоматтандырылған',
      mixed: 'Аралас',
      manual: 'Автоматтандыру құралдарынсыз',
    },
    idLabel: { individual_entrepreneur: 'ЖСН', legal_entity: 'БСН' },
    noRestrictions: 'Белгіленбеген',
    yes: 'иә',
    no: 'жоқ',
    retention: {
      untilLiquidation: 'Компания таратылғанға дейін',
      contractPeriod: 'шарттың қолданылу кезеңі',
      afterContract: (d) => `шарттың қолданылу мерзімі өткеннен кейін ${d}`,
      untilWithdrawal: 'деректерді өңдеуге келісім кері қайтарып алынғанға дейін',
      untilPurposeAchieved: 'өңдеу мақсатына қол жеткізілгенге дейін',
      afterCollection: (d) => `деректер алынған сәттен бастап ${d}`,
      afterLastActivity: (d) => `соңғы белсенділіктен бастап ${d}`,
      untilDate: (date) => `${date} дейін`,
      dependsOn: (criterion) => `(${criterion} байланысты)`,
      or: 'немесе',
    },
    purposeRef: (n) => `№ ${n} мақсат`,
    unitDays: {
      working_days: (n) => `${n} жұмыс күні`,
      calendar_days: (n) => `${n} күнтізбелік күн`,
      hours: (n) => `${n} сағат`,
    },
  },
  en: {
    dataCategory: { general: 'General / other', special: 'Special', biometric: 'Biometric' },
    processing: { automated: 'Automated', mixed: 'Mixed', manual: 'Without automation' },
    idLabel: { individual_entrepreneur: 'IIN', legal_entity: 'BIN' },
    noRestrictions: 'None set',
    yes: 'yes',
    no: 'no',
    retention: {
      untilLiquidation: 'until the Company is liquidated',
      contractPeriod: 'the term of the contract',
      afterContract: (d) => `${d} after the contract ends`,
      untilWithdrawal: 'until consent to the processing is withdrawn',
      untilPurposeAchieved: 'until the purpose of processing is achieved',
      afterCollection: (d) => `${d} after the data is collected`,
      afterLastActivity: (d) => `${d} after the last activity`,
      untilDate: (date) => `until ${date}`,
      dependsOn: (criterion) => `(depending on ${criterion})`,
      or: 'or',
    },
    purposeRef: (n) => `purpose No. ${n}`,
    unitDays: {
      working_days: (n) => `${n} working ${n === 1 ? 'day' : 'days'}`,
      calendar_days: (n) => `${n} calendar ${n === 1 ? 'day' : 'days'}`,
      hours: (n) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
    },
  },
};
