// What the internal papers take from the register, the jurisdiction profile and the approved access list: one
// flat view of strings per paper and language. A value the register does not hold (the order's number, the
// date of signing, the head when the register names none) is a blank to fill by hand — «__________» with a
// caption saying what goes there — never an invented value.
import { plainDay, ruDay } from '../../lib/document-dates.js';
import type { AccessListDocument } from '../access/access-list.types.js';
import { purposeRows } from '../documents/policy.view.js';
import { policyWords } from '../documents/policy.words.js';
import type { JurisdictionProfile } from '../jurisdiction/profile.schema.js';
import { localized } from '../register/register.retention.js';
import type { Register } from '../register/register.schema.js';
import type { PaperId, PaperLang } from './papers.content.js';

export const BLANK = '__________';

type Caption =
  | 'order_number'
  | 'date'
  | 'place'
  | 'head_name'
  | 'head_position'
  | 'responsible_position'
  | 'position'
  | 'postal_address'
  | 'destruction'
  | 'list_version';

const captions: Record<PaperLang, Record<Caption, string>> = {
  ru: {
    order_number: 'номер',
    date: 'дата',
    place: 'место издания',
    head_name: 'ФИО руководителя',
    head_position: 'должность руководителя',
    responsible_position: 'должность',
    position: 'должность',
    postal_address: 'почтовый адрес',
    destruction: 'способ уничтожения',
    list_version: 'номер версии',
  },
  kk: {
    order_number: 'нөмірі',
    date: 'күні',
    place: 'шығарылған жері',
    head_name: 'басшының ТАӘ',
    head_position: 'басшының лауазымы',
    responsible_position: 'лауазымы',
    position: 'лауазымы',
    postal_address: 'пошта мекенжайы',
    destruction: 'жою тәсілі',
    list_version: 'нұсқа нөмірі',
  },
};

/** A blank to fill by hand, with what goes there. */
export const blank = (lang: PaperLang, caption: Caption) => `${BLANK} (${captions[lang][caption]})`;

export interface PurposeItem {
  number: string;
  title: string;
  subjects: string;
  data_category: string;
  data_list: string;
  retention: string;
  processing: string;
  legal_bases: string;
}

export interface AccessItem {
  n: string;
  full_name: string;
  position: string;
  role: string;
  purposes: string;
  actions: string;
  granted_from: string;
}

/** The fields of each list's items, for the template check (a list may be empty). */
export const loopFields = {
  purposes: [
    'number',
    'title',
    'subjects',
    'data_category',
    'data_list',
    'retention',
    'processing',
    'legal_bases',
  ],
  entries: ['n', 'full_name', 'position', 'role', 'purposes', 'actions', 'granted_from'],
} as const satisfies { purposes: readonly (keyof PurposeItem)[]; entries: readonly (keyof AccessItem)[] };

/** A paper's view: scalar fields by tag, and the lists the tables repeat. */
export interface PaperView {
  scalars: Record<string, string>;
  loops: { purposes?: PurposeItem[]; entries?: AccessItem[] };
}

/** The tags every paper may use. */
function commonScalars(register: Register, profile: JurisdictionProfile, lang: PaperLang) {
  const op = register.operator;
  const b = (c: Caption) => blank(lang, c);
  return {
    operator_name: localized(op.name, lang),
    operator_id_label: policyWords[lang].idLabel[op.legal_form],
    operator_bin_iin: op.bin_iin,
    operator_address: localized(op.address, lang),
    operator_email: op.email,
    law: localized(profile.law, lang),
    head_name: op.head?.name ?? b('head_name'),
    head_position: op.head?.position ?? b('head_position'),
    responsible_name: op.responsible_person.name,
    responsible_position: op.responsible_person.position ?? b('responsible_position'),
    responsible_email: op.responsible_person.email,
    order_number: b('order_number'),
    order_date: b('date'),
    approval_number: b('order_number'),
    approval_date: b('date'),
    acquainted_date: b('date'),
    place: b('place'),
  };
}

function regulationScalars(register: Register, profile: JurisdictionProfile, lang: PaperLang) {
  const country = (code: string) => (code === profile.code ? localized(profile.name, lang) : code);
  const methods = register.destruction_methods;
  return {
    storage_countries: register.operator.storage_countries.map(country).join(', '),
    information_systems: register.information_systems
      .map((s) => `${localized(s.name, lang)} (${country(s.location)})`)
      .join('; '),
    cross_border_rule: localized(register.cross_border.rule, lang),
    privacy_email: register.requests.privacy_email ?? register.operator.email,
    postal_address: register.requests.postal_address
      ? localized(register.requests.postal_address, lang)
      : blank(lang, 'postal_address'),
    destruction_electronic: methods ? localized(methods.electronic, lang) : blank(lang, 'destruction'),
    destruction_paper: methods?.paper ? localized(methods.paper, lang) : blank(lang, 'destruction'),
  };
}

function accessScalars(list: AccessListDocument, lang: PaperLang, timeZone: string) {
  return {
    list_version: String(list.version),
    approved_by: list.approvedBy?.name ?? blank(lang, 'head_name'),
    approved_position: list.approvedBy?.position ?? blank(lang, 'head_position'),
    approved_at: list.approvedAt ? ruDay(list.approvedAt, timeZone) : blank(lang, 'date'),
  };
}

function accessItems(list: AccessListDocument, register: Register, lang: PaperLang): AccessItem[] {
  const title = (id: string, fallback: string) => {
    const p = register.purposes.find((x) => x.id === id);
    return p ? localized(p.title, lang) : fallback;
  };
  return list.entries.map((e, i) => ({
    n: String(i + 1),
    full_name: e.fullName,
    position: e.position ?? blank(lang, 'position'),
    role: e.role.name,
    purposes:
      e.purposes
        .map((p) => (p.number !== undefined ? `${p.number}. ${title(p.id, p.title)}` : title(p.id, p.title)))
        .join('; ') || '—',
    actions: e.actions.join(', ') || '—',
    granted_from: plainDay(e.grantedFrom),
  }));
}

export interface PaperSources {
  register: Register;
  profile: JurisdictionProfile;
  /** The approved access list (the access-list paper only). */
  accessList?: AccessListDocument;
}

/** The view one paper is filled with. */
export function buildPaperView(paper: PaperId, lang: PaperLang, sources: PaperSources): PaperView {
  const { register, profile } = sources;
  const scalars: Record<string, string> = commonScalars(register, profile, lang);
  const view: PaperView = { scalars, loops: {} };
  if (paper === 'regulation') Object.assign(scalars, regulationScalars(register, profile, lang));
  if (paper === 'regulation' || paper === 'data-list') view.loops.purposes = purposeRows(register, lang);
  if (paper === 'access-list') {
    if (!sources.accessList) throw new Error('the access-list paper needs the approved access list');
    Object.assign(scalars, accessScalars(sources.accessList, lang, register.operator.timezone));
    view.loops.entries = accessItems(sources.accessList, register, lang);
  }
  return view;
}

/** The data docxtemplater renders: the scalars and the loops side by side. */
export function templateData(view: PaperView): Record<string, unknown> {
  return { ...view.scalars, ...view.loops };
}
