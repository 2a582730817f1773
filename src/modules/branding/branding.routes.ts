// The operator's name, logo and colour for the web pages (privacy centre, console): GET /api/public/branding
// and the logo itself at /branding/logo. The name comes from the register; the logo and colour from the
// configuration (AMANAT_BRAND_LOGO, AMANAT_BRAND_COLOR).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Amanat } from '../../app/amanat.js';
import type { AppEnv } from '../../http/auth.js';
import { errors, noAuth } from '../../http/openapi-common.js';
import { DomainError, ErrorCodes } from '../../lib/errors.js';

export interface BrandingOptions {
  /** The logo file (absolute path), checked at boot. */
  logoFile?: string;
  /** #rrggbb */
  primaryColor: string;
}

export const DEFAULT_BRANDING: BrandingOptions = { primaryColor: '#1c7ed6' };
export const LOGO_PATH = '/branding/logo';

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

const localized = z.object({ ru: z.string(), kk: z.string(), en: z.string() });

export function mountBrandingRoutes(
  app: OpenAPIHono<AppEnv>,
  amanat: Amanat,
  options: BrandingOptions,
): void {
  const name = amanat.rules.register.operator.name;
  // A missing translation reads as the Russian name (the register requires only that one).
  const operatorName = { ru: name.ru, kk: name.kk ?? name.ru, en: name.en ?? name.ru };
  const logoType = options.logoFile ? LOGO_TYPES[extname(options.logoFile).toLowerCase()] : undefined;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/public/branding',
      operationId: 'getBranding',
      security: noAuth,
      tags: ['Privacy centre'],
      summary: "The operator's name, logo and colour for the web pages",
      responses: {
        200: {
          description: 'The branding',
          content: {
            'application/json': {
              schema: z
                .object({
                  operatorName: localized,
                  logoUrl: z
                    .string()
                    .nullable()
                    .openapi({ description: `${LOGO_PATH}, or null without a logo` }),
                  primaryColor: z.string().openapi({ pattern: '^#[0-9a-f]{6}$' }),
                })
                .openapi('Branding', {
                  example: {
                    operatorName: { ru: 'ИП Бекишев', kk: 'ЖК Бекишев', en: 'IE Bekishev' },
                    logoUrl: LOGO_PATH,
                    primaryColor: '#1c7ed6',
                  },
                }),
            },
          },
        },
        ...errors(429),
      },
    }),
    (c) =>
      c.json({ operatorName, logoUrl: logoType ? LOGO_PATH : null, primaryColor: options.primaryColor }, 200),
  );

  let logo: Promise<Buffer> | null = null;
  app.get(LOGO_PATH, async (c) => {
    if (!options.logoFile || !logoType) {
      throw new DomainError(
        ErrorCodes.NOT_FOUND,
        'Логотип не настроен (AMANAT_BRAND_LOGO). No logo is configured (AMANAT_BRAND_LOGO).',
        { issues: [{ path: 'AMANAT_BRAND_LOGO', message: 'not set' }] },
      );
    }
    logo ??= readFile(options.logoFile);
    const bytes = await logo;
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': logoType,
      'cache-control': 'public, max-age=3600',
      // An SVG opened on its own is a document: it may run nothing and load nothing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
  });
}
