// Shapes of GET /api/widget/config and of the visitor's consent cookie.
// The configuration's shapes are the server's own, from the types generated from its OpenAPI document (a type-only
// import: nothing of it reaches the bundle).
import type { components } from '../../clients/ts/src/schema.js';

export type WidgetConfig = components['schemas']['WidgetConfig'];
export type Lang = WidgetConfig['lang'];
export type Texts = WidgetConfig['texts'];
export type Category = WidgetConfig['categories'][number];
export type CookieInfo = Category['cookies'][number];

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
