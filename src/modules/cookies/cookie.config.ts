// The widget's configuration: the banner's texts and the cookie categories of the latest published policy
// version, in one language, with the hash a proof must quote. Built from the version's frozen register, never
// the live file, so the banner and the published policy never disagree. Versions are immutable: each
// (version, language) is built once and kept.

import type { Sql } from '../../db/database.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { sha256Hex } from '../../lib/crypto.js';
import { type PolicyVersionReader, versionSummary } from '../policies/policy.reader.js';
import { type Lang, localized } from '../register/register.retention.js';
import type { Register } from '../register/register.schema.js';
import {
  type BannerTexts,
  defaultBannerTexts,
  lifetimeDays,
  lifetimeText,
  readablePattern,
} from './cookie.texts.js';

export interface WidgetCookie {
  name?: string;
  pattern?: string;
  /** The pattern as a reader knows it ('_ga_*' for '^_ga_.+$'). */
  label?: string;
  provider: string;
  lifetime: string;
  lifetimeDays: number | null;
  description: string;
}

export interface WidgetCategory {
  id: string;
  required: boolean;
  gpc: boolean;
  name: string;
  description: string;
  consentMode: string[];
  vendors: string[];
  cookies: WidgetCookie[];
}

/** What the hash covers and the server keeps per (version, language); the URLs are added per request. */
export interface WidgetContent {
  policyVersion: string;
  lang: Lang;
  textHash: string;
  texts: BannerTexts;
  categories: WidgetCategory[];
}

export interface WidgetConfig extends WidgetContent {
  policyUrl: string;
  proofUrl: string;
}

/** The banner's content of one register in one language, with its hash. */
export function widgetContent(policyVersion: string, register: Register, lang: Lang): WidgetContent {
  const cookies = register.cookies;
  const texts: BannerTexts = {
    ...defaultBannerTexts[lang],
    ...(cookies?.banner
      ? { title: localized(cookies.banner.title, lang), text: localized(cookies.banner.text, lang) }
      : {}),
  };
  const categories: WidgetCategory[] = (cookies?.categories ?? []).map((c) => ({
    id: c.id,
    required: c.required,
    gpc: c.gpc,
    name: localized(c.name, lang),
    description: localized(c.description, lang),
    consentMode: [...c.consent_mode],
    vendors: [...c.vendors],
    cookies: c.cookies.map((k) => ({
      ...(k.name !== undefined
        ? { name: k.name }
        : { pattern: k.pattern!, label: readablePattern(k.pattern!) }),
      provider: k.provider,
      lifetime: lifetimeText(k.lifetime, lang),
      lifetimeDays: lifetimeDays(k.lifetime),
      description: localized(k.description, lang),
    })),
  }));
  const textHash = sha256Hex(canonicalJson({ policyVersion, lang, texts, categories }));
  return { policyVersion, lang, textHash, texts, categories };
}

export function createWidgetConfigs(deps: { sql: Sql; versions: PolicyVersionReader }) {
  const built = new Map<string, WidgetContent>();

  async function of(versionId: string, lang: Lang): Promise<WidgetContent | null> {
    const key = `${versionId}\u0000${lang}`;
    const cached = built.get(key);
    if (cached) return cached;
    const version = await deps.versions.get(versionId);
    if (!version) return null;
    const content = widgetContent(version.id, version.register, lang);
    built.set(key, content);
    return content;
  }

  return {
    /** The banner of a published version, or null when no version has that id. */
    of,
    /** The latest published version's label and dates, or null. */
    latestSummary: () => versionSummary(deps.sql, 'latest'),
    /** The banner of the latest published version, or null when nothing is published. */
    async latest(lang: Lang): Promise<WidgetContent | null> {
      // One indexed read per request: a publication shows in the banner at once.
      const summary = await versionSummary(deps.sql, 'latest');
      return summary === null ? null : of(summary.id, lang);
    },
  };
}

export type WidgetConfigs = ReturnType<typeof createWidgetConfigs>;
