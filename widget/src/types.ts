// Shapes of GET /api/widget/config (contract C2) and of the visitor's consent cookie.
export type Lang = 'ru' | 'kk' | 'en';

export interface CookieInfo {
  name?: string;
  pattern?: string;
  /** The pattern as a reader knows it ('_ga_*'). */
  label?: string;
  provider: string;
  lifetime: string;
  lifetimeDays: number | null;
  description: string;
}

export interface Category {
  id: string;
  required: boolean;
  gpc: boolean;
  name: string;
  description: string;
  consentMode: string[];
  vendors: string[];
  cookies: CookieInfo[];
}

export interface Texts {
  title: string;
  text: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  save: string;
  close: string;
  settingsLink: string;
  alwaysOn: string;
  policyLink: string;
  placeholder: string;
  loadOnce: string;
  allowCategory: string;
}

export interface WidgetConfig {
  policyVersion: string;
  lang: Lang;
  textHash: string;
  policyUrl: string;
  proofUrl: string;
  texts: Texts;
  categories: Category[];
}

/** Category id → granted. */
export type Choices = Record<string, boolean>;

export type Method = 'accept_all' | 'reject_all' | 'custom' | 'withdraw' | 'gpc';

/** The `amanat_consent` cookie: visitor id, policy version, text hash, choices, time of the choice. */
export interface Stored {
  v: string;
  p: string;
  h: string;
  c: Choices;
  t: string;
}
